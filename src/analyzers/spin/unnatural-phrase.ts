import type { Document } from '../../model/document.js';
import type { AnalyzerContext } from '../analyzer.js';
import { findTortured } from './tortured.js';
import { findSuspects } from './unnatural.js';

// Scores (unnatural.ts): a suspect reaches STRONG with a well-attested original on one side and a found word
// far rarer than it, or evidence on both sides. Chosen on the tuning sets of bench/spin.ts (a quarter of the
// held-out BBC half, ECB+ and FakeNewsAMT legit news): STRONG fires in under 1% of unaltered articles; WEAK
// ones are single, explainable oddities (info) unless SEVERAL of SEVERAL_AT stack up in one article.
const STRONG = 5;
const WEAK = 2;
const SEVERAL = 3;
const SEVERAL_AT = 3;

export function unnaturalPhrases(doc: Document, ctx: AnalyzerContext): number {
  let n = 0;
  const taken: [number, number][] = [];
  for (const [start, end, found, usual] of findTortured(doc.text)) {
    taken.push([start, end]);
    n++;
    ctx.report({
      ruleId: 'spin/unnatural-phrase',
      message: `"${found}": a known spun phrase; the usual wording is "${usual}"`,
      start,
      end,
      severity: 'warning',
      data: { kind: 'fingerprint', found, suggestion: usual },
    });
  }
  const suspects = findSuspects(doc).filter((s) => s.score >= WEAK && !taken.some(([a, b]) => s.start < b && s.end > a));
  // Several different word choices, not one repeated: "deposit account" three times is one choice.
  const several = new Set(suspects.filter((s) => s.score >= SEVERAL_AT).map((s) => `${s.word.toLowerCase()} ${s.neighbour}`)).size >= SEVERAL;
  for (const s of suspects) {
    const strong = s.score >= STRONG || (several && s.score >= SEVERAL_AT);
    const between = s.gap ? ' …' : '';
    const found = s.side === 'left' ? `${s.neighbour}${between} ${s.word.toLowerCase()}` : `${s.word.toLowerCase()}${between} ${s.neighbour}`;
    n++;
    ctx.report({
      ruleId: 'spin/unnatural-phrase',
      message: `"${s.word}" is an unusual choice beside "${s.neighbour}" — perhaps "${s.phrase}" (${s.originalCount}× in reference news, "${found}" never)`,
      start: s.start,
      end: s.end,
      severity: strong ? 'warning' : 'info',
      data: {
        kind: 'collocation',
        word: s.word,
        found,
        suggestion: s.phrase,
        original: s.original,
        originalCount: s.originalCount,
        bothSides: s.bothSides,
        score: Math.round(s.score * 100) / 100,
        suspects: suspects.length,
      },
    });
  }
  return n;
}
