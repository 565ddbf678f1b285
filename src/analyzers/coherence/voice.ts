import { spanIndexAt, type Document } from '../../model/document.js';
import type { AnalyzerContext } from '../analyzer.js';
import { ROLE_NOUNS } from '../entities/gazetteer.js';
import { findQuoted } from '../quotes/marks.js';

// First-person words; "US" in capitals is the country, "I" must be tagged a pronoun ("World War I").
const FIRST_PLURAL = new Set(['we', 'our', 'ours', 'us', 'ourselves']);
const FIRST_SINGULAR = new Set(['i', 'me', 'my', 'mine', 'myself']);

const SPEECH = /\b(?:said|says|say|told|tells|added|adds|asked|explained|wrote|writes|insisted|argued|recalled|according to)\b/i;
// What a country, party, firm or team says "our" of: "our country", "our government", "our side".
const BODIES = new Set(['country', 'nation', 'government', 'state', 'people', 'party', 'company', 'firm', 'team', 'side', 'club', 'army', 'forces', 'troops', 'city', 'region', 'republic', 'administration', 'ministry', 'delegation', 'organisation', 'organization', 'union', 'members', 'partners', 'allies']);
// The newsroom's own voice is not a lifted quote: "said our correspondent", "our political editor".
const NEWSROOM = new Set(['correspondent', 'reporter', 'editor', 'staff', 'writer', 'columnist', 'critic', 'reviewer', 'website', 'readers', 'viewers', 'listeners', 'programme', 'program', 'survey', 'poll']);

/**
 * First person outside quotation marks and reported speech, in an article that otherwise speaks in the third
 * person: a quotation pasted without its marks or its speaker ("Our president will hold talks ... who will
 * pay a visit to our country."). An article whose narrator says "I" or "we" in several sentences (a column,
 * a letter, first-person reporting) is first-person by design and gets nothing.
 */
export function findVoiceShift(doc: Document, ctx: AnalyzerContext): void {
  const spans: [number, number][] = [];
  for (const m of findQuoted(doc.text, doc.paragraphs)) spans.push([m.open, m.close + 1]);
  for (const q of doc.data.quotes ?? []) spans.push([q.start, q.end]);
  // Spans sorted and merged once, then a binary search per token: linear however many quotations.
  spans.sort((x, y) => x[0] - y[0]);
  const merged: { start: number; end: number }[] = [];
  for (const [a, b] of spans) {
    const last = merged[merged.length - 1];
    if (last && a <= last.end) last.end = Math.max(last.end, b);
    else merged.push({ start: a, end: b });
  }
  const inside = (pos: number) => spanIndexAt(merged, pos) >= 0;

  const hits = new Map<number, { start: number; end: number; text: string }[]>();
  const strong = new Set<number>();
  let singular = 0;
  const toks = doc.tokens;
  for (let k = 0; k < toks.length; k++) {
    const t = toks[k];
    const w = t.text.toLowerCase();
    const s = doc.sentences[t.sentence];
    if (!s || s.role !== 'body') continue;
    const initial = t.start === s.start;
    // "Are We There Yet?", "I, Robot", "World War I", "Windows ME": a capital mid-sentence is a title or a name.
    if (t.text !== 'I' && !initial && /^\p{Lu}/u.test(t.text)) continue;
    const next = toks[k + 1];
    const prev = toks[k - 1];
    const nextLower = next !== undefined && next.sentence === t.sentence && /^\p{Ll}/u.test(next.text);
    if (initial && !nextLower && t.text !== 'I') continue; // "We Are The World"
    const plural = FIRST_PLURAL.has(w);
    const single = FIRST_SINGULAR.has(w) && t.pos === 'PRON' && (w !== 'i' || (nextLower && !(prev && prev.sentence === t.sentence && /^\p{Lu}/u.test(prev.text) && prev.start !== s.start)));
    if (!plural && !single) continue;
    if (inside(t.start)) continue;
    // A quotation mark in the sentence ('We have solved them all.\'\' But ...') or a speech verb naming who
    // speaks ("We thought we'd never ... one member of the group said"): speech, its marks lost or not.
    if (/["“”]|''/.test(s.text) || SPEECH.test(s.text)) continue;
    // "Brandt: We will rebuild.": a speaker's name and a colon, as transcripts and Q&As are written.
    if (/^[\p{Lu}][\p{L}.'’ -]{0,40}:\s/u.test(s.text)) continue;
    const noun = next && next.sentence === t.sentence ? next.text.toLowerCase() : '';
    if (w === 'our' && NEWSROOM.has(noun)) continue;
    if (single) singular++;
    const list = hits.get(t.sentence) ?? [];
    list.push({ start: t.start, end: t.end, text: t.text });
    hits.set(t.sentence, list);
    // Strong: an institution's "our" ("Our president", "our country"), or a sentence that opens on "We <verb>"
    // and is no question; generic "our lives", "as we know it", "should we be surprised?" stay weak.
    if ((w === 'our' && (BODIES.has(noun) || (ROLE_NOUNS.has(noun) && !NEWSROOM.has(noun)))) || (initial && w === 'we' && !/\?["”]?$/.test(s.text))) strong.add(t.sentence);
  }
  if (!hits.size) return;
  const body = doc.sentences.filter((s) => s.role === 'body').length;
  // A first-person article: the narrator speaks in several sentences, or says "I" at all more than once.
  if (hits.size >= 3 || (hits.size >= 2 && hits.size / body > 0.15) || singular >= 2) return;
  for (const [si, words] of hits) {
    const s = doc.sentences[si];
    ctx.report({
      ruleId: 'coherence/voice-shift',
      message: `First person ("${words.map((w) => w.text).join('", "')}") outside quotation marks in a third-person article: words of a speaker, without their marks or their name`,
      start: s.start,
      end: s.end,
      sentence: si,
      ...(strong.has(si) ? {} : { severity: 'info' as const }),
      data: { words, strength: strong.has(si) ? 'strong' : 'weak' },
    });
  }
}
