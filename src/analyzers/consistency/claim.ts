import { sentenceAt, type Document, type Sentence } from '../../model/document.js';
import { stem } from '../../reuse/stem.js';
import type { AnalyzerContext } from '../analyzer.js';

type Kind = 'place' | 'time' | 'amount';

// "the venue was not disclosed", "the date has not been announced", "did not disclose the price", "an undisclosed sum".
const WITHHELD_NOUN: Record<string, Kind> = {
  venue: 'place', location: 'place', place: 'place', destination: 'place', whereabouts: 'place',
  date: 'time', time: 'time', timing: 'time',
  price: 'amount', cost: 'amount', amount: 'amount', sum: 'amount', fee: 'amount', value: 'amount',
};
const NOUNS = Object.keys(WITHHELD_NOUN).join('|');
const WITHHELD = [
  new RegExp(`\\b(?:the|its|their|his|her)\\s+(${NOUNS})\\b(?:\\s+of\\s+[^,.;]{1,40}?)?\\s+(?:was|were|is|are|has|have|had)\\s+(?:not|never|yet to be)\\s+(?:been\\s+|be\\s+)?(?:disclosed|revealed|announced|released|made public|given|specified|confirmed|published)`, 'i'),
  new RegExp(`\\b(?:did|does|do|would|will)\\s+not\\s+(?:disclose|reveal|announce|specify|give|say)\\s+(?:the|its|their)\\s+(${NOUNS})\\b`, 'i'),
];
// A stated fact hedged or bounded does not contradict its withholding: "less than the catalogue price of $17.6m".
const HEDGED = /\b(?:less than|more than|up to|under|over|about|around|nearly|estimated|reportedly|thought to|believed to|understood|catalogue|list price|valued at|worth|could|may|might)\b/i;
// A sentence that tells where, when or for how much the event happens: an event word and the fact.
const EVENT = /\b(?:meet|meets|meeting|met|talks|summit|hold|holds|held|host|hosts|hosted|visit|visits|ceremony|conference|sign|signed|deal|agreement|paid|pay|pays|bought|sold|buy|sell|acquire|acquired|cost|costs|price)\b/i;
const MONEY = /(?:[$£€¥]\s?\d[\d,.]*\s*(?:bn|m|k|million|billion|trillion)?|\b\d[\d,.]*\s*(?:million|billion|trillion|bn)?\s*(?:dollars|pounds|euros|yen|roubles|rubles|yuan))/i;

// "This will be his first visit to Russia" beside "his previous visit to Russia in 2011".
const FIRST = /\b(?:first|maiden)\s+(?:ever\s+)?(visit|trip|meeting|summit|tour|appearance|journey)\b/i;
const EARLIER = /\b(?:previous|prior|earlier|second|third|fourth)\s+(visit|trip|meeting|summit|tour|appearance|journey)s?\b/i;

const NUMBER_WORDS: Record<string, number> = {
  two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, eleven: 11, twelve: 12,
  thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17, eighteen: 18, nineteen: 19, twenty: 20,
};
// Counts that are not the same count told twice: "another 12 people", "at least 12", "12 more".
const NOT_SAME = /\b(?:another|more|other|further|additional|least|most|about|around|nearly|almost|over|than|up|some|total|rose|risen|rise|increased|climbed|reached|each|every|per|among|including|of)\b/i;

interface Count {
  n: number;
  noun: string;
  verb: string;
  start: number;
  end: number;
  sentence: number;
}

export function findClaimConflicts(doc: Document, ctx: AnalyzerContext): void {
  const body = doc.sentences.filter((s) => s.role === 'body');
  withheldStated(doc, body, ctx);
  firstAfterEarlier(doc, body, ctx);
  twoCounts(doc, ctx);
}

function span(s: Sentence) {
  return { start: s.start, end: s.end, sentence: s.index, text: s.text };
}

/**
 * "However, the venue was not disclosed" beside "Putin will meet with Kim in Vladivostok": the article
 * withholds a fact (where, when, how much) that another of its sentences states.
 */
function withheldStated(doc: Document, body: Sentence[], ctx: AnalyzerContext): void {
  const places = (doc.data.entities ?? []).filter((e) => e.type === 'place');
  for (const s of body) {
    let m: RegExpExecArray | null = null;
    for (const re of WITHHELD) if ((m = re.exec(s.text))) break;
    if (!m) continue;
    const kind = WITHHELD_NOUN[m[1].toLowerCase()];
    for (const o of body) {
      if (o === s || !EVENT.test(o.text) || HEDGED.test(o.text)) continue;
      let fact: { start: number; end: number; text: string } | null = null;
      if (kind === 'place') {
        for (const e of places) {
          for (const x of e.mentions) {
            if (x.field || x.start < o.start || x.end > o.end) continue;
            // "in Vladivostok", "at the Kremlin": the place is where something happens
            if (/\b(?:in|at)\s+(?:the\s+)?$/i.test(doc.text.slice(Math.max(o.start, x.start - 8), x.start))) fact = { start: x.start, end: x.end, text: x.text };
          }
        }
      } else if (kind === 'time') {
        const t = (doc.data.timeline ?? []).find((x) => !x.field && x.sentence === o.index && (x.granularity === 'day' || x.granularity === 'time'));
        if (t) fact = { start: t.start, end: t.end, text: t.text };
      } else {
        const mm = MONEY.exec(o.text);
        if (mm) fact = { start: o.start + mm.index, end: o.start + mm.index + mm[0].length, text: mm[0] };
      }
      if (!fact) continue;
      const [a, b] = s.start < o.start ? [s, o] : [o, s];
      ctx.report({
        ruleId: 'consistency/claim',
        message: `"${m[0]}" — yet the article states it: "${fact.text}" in "${o.text.slice(0, 80)}${o.text.length > 80 ? '…' : ''}"`,
        start: b.start,
        end: b.end,
        sentence: b.index,
        data: { kind: 'withheld-stated', fact: kind, withheld: span(s), stated: { ...span(o), fact }, first: span(a).sentence },
      });
      break;
    }
  }
}

/** "This will be his first visit to Arle" beside "his previous visit to Arle": about the same people or places. */
function firstAfterEarlier(doc: Document, body: Sentence[], ctx: AnalyzerContext): void {
  const ids = entityIdsBySentence(doc);
  for (const s of body) {
    const f = FIRST.exec(s.text);
    if (!f || /\bnot\b|n['’]t\b/i.test(s.text)) continue;
    const noun = f[1].toLowerCase();
    for (const o of body) {
      if (o === s) continue;
      const e = EARLIER.exec(o.text);
      if (!e || e[1].toLowerCase() !== noun) continue;
      const shared = [...(ids.get(s.index) ?? [])].filter((id) => ids.get(o.index)?.has(id));
      if (!shared.length) continue;
      const later = s.start < o.start ? o : s;
      ctx.report({
        ruleId: 'consistency/claim',
        message: `"${f[0]}" — but the article also tells of "${e[0]}"`,
        start: later.start,
        end: later.end,
        sentence: later.index,
        data: { kind: 'first-after-earlier', first: span(s), earlier: span(o), entities: shared },
      });
      return;
    }
  }
}

function entityIdsBySentence(doc: Document): Map<number, Set<string>> {
  const out = new Map<number, Set<string>>();
  for (const e of doc.data.entities ?? []) {
    for (const m of e.mentions) {
      if (m.field) continue;
      const si = sentenceAt(doc, m.start);
      if (si !== null) (out.get(si) ?? out.set(si, new Set()).get(si)!).add(e.id);
    }
  }
  return out;
}

function stemOf(word: string): string {
  const w = word.toLowerCase();
  const s = stem(w);
  return s === w && w.endsWith('ed') ? stem(w.slice(0, -1)) : s;
}

/**
 * "12 people died" beside "15 people died": a count of the same noun with the same verb, told with two
 * numbers, in plain statements (no "another", "at least", "more") that no date or place sets apart.
 */
function twoCounts(doc: Document, ctx: AnalyzerContext): void {
  const counts: Count[] = [];
  const toks = doc.tokens;
  for (let i = 0; i < toks.length; i++) {
    const t = toks[i];
    const s = doc.sentences[t.sentence];
    if (!s || s.role !== 'body') continue;
    const n = /^\d{1,6}$/.test(t.text) ? Number(t.text) : NUMBER_WORDS[t.text.toLowerCase()];
    if (n === undefined || n < 2) continue;
    const before = doc.text.slice(Math.max(s.start, t.start - 20), t.start);
    if (NOT_SAME.test(before) || /[$£€%.,:-]\s*$/.test(before)) continue;
    // NUM (ADJ) NOUN (were|have been|had) VERB: "12 people died", "15 miners were killed"
    let j = i + 1;
    if (toks[j]?.pos === 'ADJ') j++;
    const noun = toks[j];
    if (!noun || noun.pos !== 'NOUN' || noun.sentence !== t.sentence) continue;
    if (/^(?:more|other|of)$/i.test(toks[j + 1]?.text ?? '')) continue;
    let k = j + 1;
    while (toks[k] && toks[k].sentence === t.sentence && (toks[k].pos === 'AUX' || toks[k].pos === 'ADV') && k - j <= 3) k++;
    const verb = toks[k];
    // a finite verb or a passive participle ("died", "were killed"), not "16 films competing in ..."
    if (!verb || verb.pos !== 'VERB' || verb.sentence !== t.sentence || /ing$/i.test(verb.text)) continue;
    counts.push({ n, noun: stemOf(noun.text), verb: stemOf(verb.text), start: t.start, end: verb.end, sentence: t.sentence });
  }
  const timeOf = (si: number) => (doc.data.timeline ?? []).filter((x) => !x.field && x.sentence === si).map((x) => x.value);
  const placesOf = (si: number) => {
    const ids = new Set<string>();
    for (const e of doc.data.entities ?? []) if (e.type === 'place') for (const m of e.mentions) if (!m.field && sentenceAt(doc, m.start) === si) ids.add(e.id);
    return ids;
  };
  for (let a = 0; a < counts.length; a++) {
    for (let b = a + 1; b < counts.length; b++) {
      const x = counts[a];
      const y = counts[b];
      if (x.sentence === y.sentence || x.noun !== y.noun || x.verb !== y.verb || x.n === y.n) continue;
      const tx = timeOf(x.sentence);
      const ty = timeOf(y.sentence);
      if (tx.length && ty.length && !tx.some((v) => ty.includes(v))) continue;
      const px = placesOf(x.sentence);
      const py = placesOf(y.sentence);
      if (px.size && py.size && ![...px].some((id) => py.has(id))) continue;
      ctx.report({
        ruleId: 'consistency/claim',
        message: `Two numbers for one count: "${doc.text.slice(x.start, x.end)}" and "${doc.text.slice(y.start, y.end)}"`,
        start: y.start,
        end: y.end,
        sentence: y.sentence,
        data: {
          kind: 'two-counts',
          first: { start: x.start, end: x.end, sentence: x.sentence, text: doc.text.slice(x.start, x.end), value: x.n },
          second: { start: y.start, end: y.end, sentence: y.sentence, text: doc.text.slice(y.start, y.end), value: y.n },
        },
      });
      return;
    }
  }
}
