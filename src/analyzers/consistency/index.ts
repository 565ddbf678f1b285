import type { Analyzer } from '../analyzer.js';
import { findClaimConflicts } from './claim.js';
import { findDateConflicts } from './date.js';
import { findHeadlineConflict } from './headline.js';

/**
 * Does the article contradict itself? Without a corpus: the headline's tense and time against the body, the
 * tense of each dated event against the publication date, and statements that cannot both be true. Precision
 * over recall: each rule needs both sides spelled out in the text, and names both in `data`.
 */
export const consistencyAnalyzer: Analyzer = {
  name: 'consistency',
  description: 'the headline against the body, tenses against dates, statements against each other',
  rules: [
    {
      id: 'consistency/headline',
      severity: 'warning',
      description: 'the headline announces as coming ("to meet ... this month") what the body tells as done, or the reverse',
    },
    {
      id: 'consistency/date',
      severity: 'warning',
      description: 'an event told in the past but dated after publication, or told as coming but dated before it',
    },
    {
      id: 'consistency/claim',
      severity: 'warning',
      description: 'statements that contradict each other: an undisclosed fact stated elsewhere, a "first" visit after an earlier one, two numbers for one count',
    },
  ],
  run(doc, ctx) {
    if (!doc.sentences.some((s) => s.role === 'body')) return;
    findHeadlineConflict(doc, ctx);
    findDateConflicts(doc, ctx);
    findClaimConflicts(doc, ctx);
  },
};
