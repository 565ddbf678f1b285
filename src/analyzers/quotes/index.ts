import type { Analyzer } from '../analyzer.js';

// Placeholder until the language-layer issue lands quote and attribution extraction.
export const quotesAnalyzer: Analyzer = {
  name: 'quotes',
  description: 'direct and reported speech with cue, speaker and outlet credits',
  rules: [],
  run(doc) {
    doc.data.quotes = [];
  },
};
