import { sentenceAt, type Document, type Sentence } from '../../model/document.js';
import type { TimeExpression } from '../../model/types.js';
import { stem } from '../../reuse/stem.js';
import type { AnalyzerContext } from '../analyzer.js';

// A time expression that dates a report, not the event: "Harris said Monday", "officials earlier this month said".
const SPEECH_NEAR = /\b(?:said|says|told|reported|announced|added|stated|confirmed|declared)\b/i;
const FUTURE = /\b(?:will|shall|is to|are to|is expected to|are expected to|plans? to|scheduled|is due to|are due to|going to|set to)\b|['’]ll\b/i;

/** Day value "2019-04-23" lies within the span a coarser value names ("2019-04", "2019"). */
function within(value: string, span: string): boolean {
  return /^\d{4}(?:-\d{2}){0,2}$/.test(span) && value.startsWith(span);
}

function stemOf(word: string): string {
  const w = word.toLowerCase();
  const s = stem(w);
  return s === w && w.endsWith('ed') ? stem(w.slice(0, -1)) : s;
}

/**
 * "N.Korea's leader to meet Putin this month" over a body that tells the arrival as done ("landed in Vladivostok
 * on Tuesday morning"): the headline announces as coming, within a span that contains the publication date,
 * what the body narrates in the past tense, dated inside that span and no later than publication. The body
 * event is tied to the headline's by its participants or places: the headline's entities, and the places of
 * the body sentences that restate the headline's event (its verb and one of its entities: "Putin will meet with
 * Kim in Vladivostok").
 */
export function findHeadlineConflict(doc: Document, ctx: AnalyzerContext): void {
  const title = doc.data.title;
  const published = ctx.published;
  if (!title || title.tense !== 'future' || !published || !/^\d{4}-\d{2}-\d{2}$/.test(published)) return;
  const timeline = doc.data.timeline ?? [];
  // "this month", "this year": a span that holds the publication date.
  const span = timeline.find((t) => t.field === 'title' && (t.granularity === 'month' || t.granularity === 'year'));
  if (!span || !within(published, span.value)) return;
  const entities = doc.data.entities ?? [];
  const inTitle = new Set(entities.filter((e) => e.mentions.some((m) => m.field === 'title')).map((e) => e.id));
  if (!inTitle.size) return;
  // The headline's verb: "to meet" -> "meet".
  const verbTok = title.tokens.find((t, i) => t.pos === 'VERB' && i > 0 && title.tokens[i - 1].text.toLowerCase() === 'to') ?? title.tokens.find((t) => t.pos === 'VERB');
  const verb = verbTok ? stemOf(verbTok.text) : null;

  const bySentence = new Map<number, Set<string>>();
  for (const e of entities) for (const m of e.mentions) {
    if (m.field) continue;
    const si = sentenceAt(doc, m.start);
    if (si === null) continue;
    (bySentence.get(si) ?? bySentence.set(si, new Set()).get(si)!).add(e.id);
  }
  const participants = new Set(inTitle);
  const places = new Set(entities.filter((e) => e.type === 'place' && inTitle.has(e.id)).map((e) => e.id));
  if (verb) {
    for (const s of doc.sentences) {
      const ids = bySentence.get(s.index);
      if (s.role !== 'body' || !ids || ![...ids].some((id) => inTitle.has(id))) continue;
      const words = s.text.split(/[^\p{L}]+/u).map(stemOf);
      if (!words.includes(verb)) continue;
      for (const id of ids) if (entities.find((e) => e.id === id)?.type === 'place') places.add(id);
    }
  }
  const tied = (s: Sentence) => [...(bySentence.get(s.index) ?? [])].some((id) => places.has(id) || (participants.has(id) && !inTitleOnlyAsSpeaker(doc, s)));

  const evidence: { t: TimeExpression; s: Sentence }[] = [];
  for (const t of timeline) {
    if (t.field || t.tense !== 'past' || !within(t.value, span.value) || t.value.slice(0, 10) > published) continue;
    const s = doc.sentences[t.sentence];
    if (!s || s.role !== 'body' || FUTURE.test(s.text)) continue;
    const around = doc.text.slice(Math.max(s.start, t.start - 25), Math.min(s.end, t.end + 25));
    if (SPEECH_NEAR.test(around)) continue;
    if (tied(s)) evidence.push({ t, s });
  }
  if (!evidence.length) return;
  const first = evidence[0];
  ctx.report({
    ruleId: 'consistency/headline',
    message: `The headline announces as coming ("${span.text}", future) what the body tells as done: "${first.s.text.slice(0, 90)}${first.s.text.length > 90 ? '…' : ''}" (${first.t.value}, past)`,
    start: first.s.start,
    end: first.s.end,
    sentence: first.s.index,
    data: {
      title: { field: 'title', start: span.start, end: span.end, text: span.text, value: span.value, tense: 'future' },
      body: evidence.map((x) => ({ start: x.s.start, end: x.s.end, sentence: x.s.index, time: x.t.text, value: x.t.value, tense: x.t.tense })),
    },
  });
}

/** A participant named only as the one who speaks ("Kim told the ABC") does not make the sentence narrate the event. */
function inTitleOnlyAsSpeaker(doc: Document, s: Sentence): boolean {
  return (doc.data.quotes ?? []).some((q) => q.sentence === s.index && q.speaker.start !== undefined);
}
