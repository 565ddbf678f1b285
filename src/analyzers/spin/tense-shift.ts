// spin/tense-shift: a planned event narrated as done, or a done one as planned, inside one clause. A spinner
// that rewrites "will switch to the new system next month" as "switched to the new system next month"
// leaves a past-tense verb governing a future time; "will arrive ... yesterday" is the reverse.
import type { Document, Token } from '../../model/document.js';
import type { AnalyzerContext } from '../analyzer.js';
import { isPastForm } from '../time/tense.js';
import { firstStartingAt } from '../../text/spans.js';

const DAYS = 'monday|tuesday|wednesday|thursday|friday|saturday|sunday';
const FUTURE_TIME = new RegExp(
  `\\b(?:tomorrow|next (?:week|month|year|weekend|season|spring|summer|autumn|fall|winter|${DAYS})|later this (?:week|month|year)|in the coming (?:days|weeks|months|years))\\b`,
  'gi',
);
const PAST_TIME = new RegExp(
  `\\b(?:yesterday|last (?:week|month|year|weekend|night|${DAYS})|earlier this (?:week|month|year)|\\d+ (?:days|weeks|months|years) ago|(?:a|one|two|three) (?:day|week|month|year)s? ago)\\b`,
  'gi',
);

// Verbs whose object is a future event by nature: "postponed until next week", "announced a vote next
// month", "agreed to meet next year". A past form of these with a future time is ordinary news.
const ANTICIPATE = new Set(
  (
    'announce plan schedule reschedule postpone delay defer expect set agree approve decide vote promise pledge say tell ' +
    'warn confirm predict forecast propose invite book order call urge ask hope want intend aim arrange move push bring ' +
    'unveil sign table submit file lodge list slate target earmark budget reserve extend adjourn suspend cancel halt ' +
    'freeze pause signal hint indicate suggest reveal disclose state report claim insist vow threaten declare admit ' +
    'deny believe think feel fear doubt know learn hear understand estimate project anticipate await prepare ready gear'
  ).split(' '),
);
// Prepositions that make the time the object of something else: "until next week", "for next year".
const SHIELD = new Set(['until', 'till', 'by', 'for', 'from', 'through', 'before', 'after', 'since', 'of', 'to', 'into', 'than', 'as', 'about', 'over', 'within']);
const AUX_PAST = new Set(['was', 'were', 'had', 'has', 'have', 'be', 'been', 'being', 'is', 'are', 'would', 'will', 'to', 'could', 'should', 'might', 'may', 'can', 'must', "'d", 'did']);
const FUTURE_AUX = new Set(['will', "'ll", 'shall']);
const BOUNDARY = /[,;:()[\]"“”—–]/;

function lemma(w: string): string[] {
  const x = w.toLowerCase();
  const out = [x];
  if (x.endsWith('ied')) out.push(x.slice(0, -3) + 'y');
  if (x.endsWith('ed')) out.push(x.slice(0, -2), x.slice(0, -1), x.slice(0, -3));
  const irregular: Record<string, string> = { said: 'say', told: 'tell', set: 'set', thought: 'think', felt: 'feel', knew: 'know', heard: 'hear', began: 'begin', chose: 'choose', brought: 'bring', understood: 'understand', held: 'hold' };
  if (irregular[x]) out.push(irregular[x]);
  return out;
}

/** The verb governing a time expression: the nearest verb to its left inside the same clause. */
function governingVerb(toks: Token[], at: number): { verb: Token; index: number; shielded: boolean } | null {
  let shielded = false;
  for (let i = at - 1, steps = 0; i >= 0 && steps < 12; i--, steps++) {
    const t = toks[i];
    if (BOUNDARY.test(t.text) || t.pos === 'SCONJ' || t.pos === 'CCONJ' || t.pos === 'PRON' && /^(?:who|which|that)$/i.test(t.text)) return null;
    if (i === at - 1 && SHIELD.has(t.text.toLowerCase())) shielded = true;
    if (t.pos === 'VERB' || t.pos === 'AUX') return { verb: t, index: i, shielded };
  }
  return null;
}

function insideQuotes(text: string, start: number, pos: number): boolean {
  const before = text.slice(start, pos);
  return (before.match(/["“”]/g)?.length ?? 0) % 2 === 1;
}

export function tenseShifts(doc: Document, ctx: AnalyzerContext): number {
  let n = 0;
  const toks = doc.tokens;
  for (const s of doc.sentences) {
    if (s.role !== 'body') continue;
    for (const [re, direction] of [
      [FUTURE_TIME, 'past-for-future'],
      [PAST_TIME, 'future-for-past'],
    ] as const) {
      re.lastIndex = 0;
      for (const m of s.text.matchAll(re)) {
        const start = s.start + m.index;
        const end = start + m[0].length;
        // Quoted speech keeps its speaker's tenses.
        if (insideQuotes(doc.text, s.start, start)) continue;
        const at = firstStartingAt(toks, start);
        const g = governingVerb(toks, at);
        if (!g || g.shielded || g.verb.sentence !== s.index) continue;
        const prev = toks.slice(Math.max(0, g.index - 2), g.index).map((t) => t.text.toLowerCase());
        const word = g.verb.text.toLowerCase();
        if (direction === 'past-for-future') {
          // A simple past of a lexical verb: not "was to", "had planned", "would meet".
          if (g.verb.pos !== 'VERB' || !isPastForm(word) || prev.some((p) => AUX_PAST.has(p))) continue;
          if (lemma(word).some((l) => ANTICIPATE.has(l))) continue;
        } else {
          // "will arrive ... yesterday": the future auxiliary right before the verb.
          if (!prev.some((p) => FUTURE_AUX.has(p))) continue;
          if (lemma(word).some((l) => ANTICIPATE.has(l))) continue;
        }
        const phrase = doc.text.slice(g.verb.start, end);
        n++;
        ctx.report({
          ruleId: 'spin/tense-shift',
          message:
            direction === 'past-for-future'
              ? `"${phrase}": narrated as done but dated in the future ("${m[0]}")`
              : `"${phrase}": told as planned but dated in the past ("${m[0]}")`,
          start: g.verb.start,
          end,
          data: { direction, verb: g.verb.text, time: m[0] },
        });
      }
    }
  }
  return n;
}
