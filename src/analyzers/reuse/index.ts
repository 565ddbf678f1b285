import type { SourceMatch } from '../../model/types.js';
import { traceSentences, type SourceText } from '../../reuse/trace.js';
import type { AlteredRestatement } from '../../reuse/trace-meaning.js';
import type { Analyzer } from '../analyzer.js';

const q = (s: string) => `"${s.length > 40 ? s.slice(0, 39) + '…' : s}"`;

function message(m: SourceMatch): string {
  const sim = `similarity ${m.similarity.toFixed(2)}`;
  const subs = (m.substitutions ?? []).map((s) => `${q(s.from)} → ${q(s.to)}`);
  if (m.kind === 'verbatim') return `Copied verbatim from ${m.docId}.`;
  const cut = m.dropped ? `; cut down, leaving out ${q(m.dropped)}` : '';
  if (m.kind === 'edited') return `Edited copy of ${m.docId} (${sim})${subs.length ? `: ${subs.join(', ')}` : ''}${cut}.`;
  if (m.kind === 'fragment') return `Lifts ${(m.lifted ?? []).map((l) => q(l.text)).join(', ')} from ${m.docId}, in new wording.`;
  if (m.kind === 'paraphrased') {
    const pairs = (m.aligned ?? []).slice(0, 4).map((a) => `${q(a.from)} → ${q(a.to)}`);
    return `Paraphrases ${m.docId} (confidence ${(m.confidence ?? 0).toFixed(2)}; shared ${(m.anchors ?? []).map(q).join(', ') || 'no anchors'}${pairs.length ? `; reworded ${pairs.join(', ')}` : ''}).`;
  }
  return `Spun from ${m.docId} (${sim})${subs.length ? `: ${subs.join(', ')}` : ', clauses reordered'}.`;
}

/**
 * Traces each body sentence to the indexed passages it reuses. Needs a store (`--db`); without one it does
 * nothing. Boilerplate sentences are not traced.
 */
export const reuseAnalyzer: Analyzer = {
  name: 'reuse',
  description: 'traces each sentence to the indexed passages it reuses (verbatim, edited, spun, lifted fragments, paraphrases)',
  rules: [
    { id: 'reuse/verbatim', severity: 'info', description: 'A sentence copied word for word from an indexed document.' },
    { id: 'reuse/edited', severity: 'info', description: 'A sentence copied with small edits: words dropped or added, punctuation, number form, tense.' },
    { id: 'reuse/spun', severity: 'warning', description: 'A sentence copied with words swapped for synonyms or formal names, or its clauses reordered.' },
    { id: 'reuse/fragment', severity: 'info', description: 'A sentence in new wording that lifts a distinctive run of words (rare words, names, numbers, in order) from an indexed sentence.' },
    { id: 'reuse/paraphrased', severity: 'warning', description: 'A sentence that restates an indexed sentence in other words: shared names and numbers, the rest aligned by meaning.' },
  ],
  async run(doc, ctx) {
    if (!ctx.store) return;
    const skip = new Set(doc.sentences.filter((s) => s.role !== 'body').map((s) => s.index));
    const documents = new Map<string, SourceText>();
    const altered: AlteredRestatement[] = [];
    const sources = await traceSentences(ctx.store, doc.text, doc.sentences, skip, documents, altered);
    doc.data.reuse = { sources, documents, altered };
    for (const s of doc.sentences) {
      const best = sources[s.index]?.[0];
      if (!best) continue;
      ctx.report({
        ruleId: `reuse/${best.kind}`,
        message: message(best),
        start: s.start,
        end: s.end,
        sentence: s.index,
        data: {
          docId: best.docId,
          kind: best.kind,
          similarity: best.similarity,
          substitutions: best.substitutions ?? [],
          ...(best.lifted ? { lifted: best.lifted } : {}),
          ...(best.aligned ? { aligned: best.aligned, anchors: best.anchors, confidence: best.confidence } : {}),
          ...(best.dropped ? { dropped: best.dropped } : {}),
        },
      });
    }
  },
};
