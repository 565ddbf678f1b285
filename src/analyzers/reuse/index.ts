import type { Analyzer } from '../analyzer.js';

// Placeholder until the text-reuse issue lands the tracer.
export const reuseAnalyzer: Analyzer = {
  name: 'reuse',
  description: 'traces each sentence to the indexed passages it reuses (verbatim, edited, spun)',
  rules: [],
  run(doc, ctx) {
    if (!ctx.store) return;
  },
};
