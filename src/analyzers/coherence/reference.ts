import type { Document, Sentence } from '../../model/document.js';
import type { AnalyzerContext } from '../analyzer.js';
import { sharedWithRest, type Profiles } from './profile.js';

// Connectives that answer something said before: "However, the venue ...", "Meanwhile, ...".
const CONNECTIVE = /^(However|Meanwhile|Nevertheless|Nonetheless|Moreover|Furthermore|Likewise|Similarly|Instead|Besides|Consequently|Therefore|In addition|In contrast|On the other hand|Still|Yet|But|Nor|Neither|Also|Then|Even so)\b/;
// "Nor was ...", "Neither did ...": continues a negative statement ("Neither X nor Y" is its own statement).
// The subject after the auxiliary tells the inverted "Nor was Kim's wife ..." from the pronoun "Neither has yet tabled".
const NOR = /^(?:Nor|Neither)\s+(?:was|were|is|are|did|does|do|has|have|had|will|would|could|can|should)\s+(?:the|a|an|his|her|its|their|this|that|these|those|any|he|she|it|they|we|there|\p{Lu})/u;
// A negative statement that "Nor ..." may continue.
const NEGATION = /\b(?:not|no|never|none|nobody|nothing|neither|nor|without|cannot|declined|refused|denied|failed)\b|n['’]t\b/i;
// A pronoun subject opening the sentence.
const PRONOUN = /^(It|He|She|They|This|These|Those|His|Her|Its|Their)\b(?!\s+(?:is|was)\s+(?:not\s+)?(?:clear|unclear|likely|unlikely|possible|expected|understood|thought|believed|hoped|feared|said|reported|known|time)\b)/;
// Event nouns whose definite article presupposes the event was told: "After the ceremony, the train left".
const EVENT_NOUNS = new Set(
  'ceremony meeting talks summit visit trip attack incident accident crash blast explosion fire decision deal agreement vote announcement ruling verdict trial hearing raid arrest operation move incident rally protest match game concert speech interview wedding funeral ceremonies celebration session'.split(
    ' ',
  ),
);
const DEFINITE = /^(?:(?:After|Before|During|Since|Following|At|Despite|Until)\s+)?the\s+([a-z]+)\b/i;

/**
 * A sentence that leans on something the article never said: a connective or "Nor ..." with nothing before
 * it to contrast; a pronoun subject where nothing before it (headline included) shares a word or a name with
 * the sentence; an event told with "the" ("After the ceremony, ...") that nothing before introduced.
 */
export function findDangling(doc: Document, p: Profiles, ctx: AnalyzerContext): void {
  let previous: Sentence | null = null;
  // Where a person is first named (the headline counts as before everything), found once.
  let first: number | undefined;
  const firstPerson = () => {
    if (first === undefined) {
      first = Infinity;
      for (const e of doc.data.entities ?? []) if (e.type === 'person') for (const m of e.mentions) first = Math.min(first, m.field === 'title' ? -1 : m.start);
    }
    return first;
  };
  for (const s of doc.sentences) {
    if (s.role !== 'body') continue;
    const prev = previous;
    previous = s;
    const text = s.text.replace(/^["“'‘(]+/, '');
    // 1. "Nor was Kim's wife named in the delegation." after a sentence with no negation in it.
    //    The statement it continues may be anywhere in the same paragraph or the one before ("... may not be
    //    welcomed by workers. They may face cuts. // Neither will the announcement be seen as good news").
    if (NOR.test(text) && !/\bnor\b/i.test(text.slice(4))) {
      const from = doc.paragraphs[Math.max(0, s.paragraph - 1)].start;
      if (!prev || !NEGATION.test(doc.text.slice(from, s.start))) {
        report(ctx, s, 'nor', `"${text.split(/\s+/)[0]}" continues a negative statement, but ${prev ? 'nothing just before it denies anything' : 'nothing comes before it'}`, prev);
        continue;
      }
    }
    // 2. "However, ..." as the article's first sentence: nothing to contrast.
    const conn = CONNECTIVE.exec(text);
    if (conn && !prev && !/^(?:Still|Yet|Then|But|Also|Neither)$/.test(conn[1])) {
      report(ctx, s, 'connective', `"${conn[1]}" opens the article: there is nothing before it to answer`, null);
      continue;
    }
    if (!prev) continue;
    // 3. "It was signed on March 17, 1949.": a pronoun subject outside quotation marks, and no word or name of
    //    the sentence occurs anywhere else in the article: nothing it could stand for is ever named.
    const pro = /["“”]/.test(s.text) ? null : PRONOUN.exec(text);
    if (pro) {
      const shared = sharedWithRest(p, s.index);
      const prefixShared = [...p.prefixes[s.index]].some((x) => (p.prefixDf.get(x) ?? 0) > 1);
      const own = p.sentences[s.index];
      const personPronoun = /^(?:He|She|His|Her)$/.test(pro[1]);
      const personBefore = personPronoun && firstPerson() < s.start;
      if (!shared.words.length && !shared.entities.length && !prefixShared && own.words.size >= 1 && !personBefore) {
        // Weak on its own ("It is a visceral response." shares no word and is fine); strong when the sentence is
        // also dated decades away from everything else the article dates.
        const outlier = timeOutlier(doc, s.index);
        report(ctx, s, 'pronoun', `"${pro[1]}" has nothing to refer to: no word or name of this sentence appears anywhere else in the article${outlier ? `, and its date (${outlier}) is decades from the others` : ''}`, prev, !outlier);
        continue;
      }
    }
    // 4. "After the ceremony, ...": an event taken as known that nothing before told (weak evidence).
    const def = DEFINITE.exec(text);
    if (def && EVENT_NOUNS.has(def[1].toLowerCase())) {
      const noun = def[1].toLowerCase();
      const stem = noun.replace(/(?:ies|s)$/, '').replace(/ing$/, '');
      const earlier = `${doc.article.title ?? ''} ${doc.text.slice(0, s.start)}`.toLowerCase();
      if (!new RegExp(`\\b${stem}`).test(earlier)) {
        report(ctx, s, 'definite', `"the ${noun}" is taken as known, but nothing before it tells of a ${noun}`, prev, true);
      }
    }
  }
}

function report(ctx: AnalyzerContext, s: Sentence, kind: string, message: string, prev: Sentence | null, weak = false): void {
  ctx.report({
    ruleId: 'coherence/dangling-reference',
    message,
    start: s.start,
    end: s.end,
    sentence: s.index,
    ...(weak ? { severity: 'info' as const } : {}),
    data: { kind, previous: prev ? { start: prev.start, end: prev.end, sentence: prev.index } : null, strength: weak ? 'weak' : 'strong' },
  });
}

/** The year of a date in sentence i that lies 10 years or more from the publication date and every other date of the article. */
function timeOutlier(doc: Document, i: number): string | null {
  const year = (v: string) => Number(v.slice(0, 4));
  const timeline = (doc.data.timeline ?? []).filter((t) => /^\d{4}/.test(t.value));
  const own = timeline.filter((t) => !t.field && t.sentence === i);
  const others = timeline.filter((t) => t.field || t.sentence !== i).map((t) => year(t.value));
  if (doc.article.published) others.push(year(doc.article.published));
  if (!own.length || !others.length) return null;
  for (const t of own) if (others.every((y) => Math.abs(y - year(t.value)) >= 10)) return t.text;
  return null;
}
