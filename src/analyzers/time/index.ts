import type { Analyzer } from '../analyzer.js';

// Placeholder until the language-layer issue lands time resolution.
export const timeAnalyzer: Analyzer = {
  name: 'time',
  description: 'time expressions resolved against the publication date; the timeline',
  rules: [],
  run(doc) {
    doc.data.timeline = [];
  },
};
