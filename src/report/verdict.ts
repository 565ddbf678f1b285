import type { Report } from './report.js';
import { round } from './round.js';

// Families whose findings are intrinsic signs of stitching or spinning (no corpus needed).
const INTRINSIC = new Set(['spin', 'coherence', 'consistency', 'attribution', 'quote']);

/**
 * The article's label and a content-farm score. The score is a hand-set logistic over a few
 * features, not yet calibrated on labelled data (a later issue calibrates it).
 */
export function verdict(r: Omit<Report, 'verdict'>): Report['verdict'] {
  const reasons: Report['verdict']['reasons'] = [];
  const { sentences, reusedSentences, sources } = r.summary;
  const reusedShare = sentences ? reusedSentences / sentences : 0;
  const spunIdx = r.findings.flatMap((f, i) => (f.ruleId.startsWith('reuse/') && f.data?.kind === 'spun' ? [i] : []));
  const intrinsicIdx = r.findings.flatMap((f, i) => (INTRINSIC.has(f.ruleId.split('/')[0]) && f.severity !== 'info' ? [i] : []));
  const templateIdx = r.findings.flatMap((f, i) => (f.ruleId.startsWith('boilerplate/') ? [i] : []));
  const major = sources.filter((s) => s.sentences >= 1);

  if (reusedSentences > 0) {
    reasons.push({
      text: `${reusedSentences} of ${sentences} sentences reuse indexed text from ${major.length} source${major.length === 1 ? '' : 's'}`,
      findings: r.findings.flatMap((f, i) => (f.ruleId.startsWith('reuse/') ? [i] : [])),
    });
  }
  if (spunIdx.length) reasons.push({ text: `${spunIdx.length} sentences are spun (words swapped for synonyms or formal names)`, findings: spunIdx });
  if (intrinsicIdx.length) reasons.push({ text: `${intrinsicIdx.length} integrity findings (quotes, attribution, coherence, spin)`, findings: intrinsicIdx });
  if (templateIdx.length) reasons.push({ text: `${templateIdx.length} lines of site-template residue in the body`, findings: templateIdx });

  let label: Report['verdict']['label'];
  if (major.length >= 2 || spunIdx.length > 0) label = 'spliced';
  else if (major.length === 1 && reusedShare >= 0.5) label = 'syndicated';
  else if (intrinsicIdx.length >= 2 || (intrinsicIdx.length >= 1 && templateIdx.length >= 1)) label = 'suspicious';
  else label = 'original';

  const z =
    -2.2 +
    2.5 * Math.min(major.length, 4) * reusedShare +
    0.6 * Math.min(spunIdx.length, 5) +
    0.45 * Math.min(intrinsicIdx.length, 8) +
    0.5 * Math.min(templateIdx.length, 3) -
    (label === 'syndicated' ? 1.5 : 0);
  return { label, score: round(1 / (1 + Math.exp(-z))), reasons };
}
