import type { Analyzer } from '../analyzer.js';
import { formalNames } from './formal-name.js';
import { tenseShifts } from './tense-shift.js';
import { unnaturalPhrases } from './unnatural-phrase.js';

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
    {
      id: 'spin/unnatural-phrase',
      severity: 'warning',
      description:
        'a word swap no writer makes: a known spun phrase ("bosom peril"), or a word never paired with its neighbour in news while a synonym is ("novel mothers": perhaps "new mothers"); info when single and weak',
    },
    {
      id: 'spin/tense-shift',
      severity: 'warning',
      description: 'a past-tense verb governing a future time ("transferred ... next month"), or "will" with a past time',
    },
  ],
  run(doc, ctx) {
    formalNames(doc, ctx);
    unnaturalPhrases(doc, ctx);
    tenseShifts(doc, ctx);
  },
};
