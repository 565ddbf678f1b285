import type { SourceMatch } from '../../model/types.js';
import { traceSentences, type SourceText } from '../../reuse/trace.js';
import type { Analyzer } from '../analyzer.js';

const q = (s: string) => `"${s.length > 40 ? s.slice(0, 39) + '…' : s}"`;

function message(m: SourceMatch): string {
  const sim = `similarity ${m.similarity.toFixed(2)}`;
  const subs = (m.substitutions ?? []).map((s) => `${q(s.from)} → ${q(s.to)}`);
  if (m.kind === 'verbatim') return `Copied verbatim from ${m.docId}.`;
  if (m.kind === 'edited') return `Edited copy of ${m.docId} (${sim})${subs.length ? `: ${subs.join(', ')}` : ''}.`;
  return `Spun from ${m.docId} (${sim})${subs.length ? `: ${subs.join(', ')}` : ', clauses reordered'}.`;
}

/**
 * Traces each body sentence to the indexed passages it reuses. Needs a store (`--db`); without one it does
 * nothing. Boilerplate sentences are not traced.
 */
export const reuseAnalyzer: Analyzer = {
  name: 'reuse',
  description: 'traces each sentence to the indexed passages it reuses (verbatim, edited, spun)',
  rules: [
    { id: 'reuse/verbatim', severity: 'info', description: 'A sentence copied word for word from an indexed document.' },
    { id: 'reuse/edited', severity: 'info', description: 'A sentence copied with small edits: words dropped or added, punctuation, number form, tense.' },
    { id: 'reuse/spun', severity: 'warning', description: 'A sentence copied with words swapped for synonyms or formal names, or its clauses reordered.' },
  ],
  async run(doc, ctx) {
    if (!ctx.store) return;
    const skip = new Set(doc.sentences.filter((s) => s.role !== 'body').map((s) => s.index));
    const documents = new Map<string, SourceText>();
    const sources = await traceSentences(ctx.store, doc.text, doc.sentences, skip, documents);
    doc.data.reuse = { sources, documents };
    for (const s of doc.sentences) {
      const best = sources[s.index]?.[0];
      if (!best) continue;
      ctx.report({
        ruleId: `reuse/${best.kind}`,
        message: message(best),
        start: s.start,
        end: s.end,
        sentence: s.index,
        data: { docId: best.docId, kind: best.kind, similarity: best.similarity, substitutions: best.substitutions ?? [] },
      });
    }
  },
};
