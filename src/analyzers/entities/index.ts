import type { Analyzer } from '../analyzer.js';

// Placeholder until the language-layer issue lands its entity recognizer.
export const entitiesAnalyzer: Analyzer = {
  name: 'entities',
  description: 'people, organizations (outlets among them) and places, grouped per referent',
  rules: [],
  run(doc) {
    doc.data.entities = [];
  },
};
