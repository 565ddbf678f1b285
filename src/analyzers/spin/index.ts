import type { Analyzer } from '../analyzer.js';
import { formalNames } from './formal-name.js';

/**
 * Spin signatures found in the article alone, with no corpus: formal names where news writes short ones,
 * word swaps no writer makes, and planned events narrated as done.
 */
export const spinAnalyzer: Analyzer = {
  name: 'spin',
  description: 'spin signatures without a corpus: formal names, unnatural phrases, tense shifts',
  rules: [
    {
      id: 'spin/formal-name',
      severity: 'warning',
      description: 'an official country name ("Russian Federation") where news style writes the short one ("Russia"); info when single and unmixed',
    },
  ],
  run(doc, ctx) {
    formalNames(doc, ctx);
  },
};
