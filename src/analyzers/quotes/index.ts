import { sentenceAt, type Document, type Token } from '../../model/document.js';
import type { Quote, Speaker } from '../../model/types.js';
import type { Analyzer, AnalyzerContext } from '../analyzer.js';
import { framesOf, type Frame } from './frames.js';
import { GROUP_NOUNS, PERSON_NOUNS, PRONOUNS, SPEECH_FORMS } from './lexicon.js';
import { findQuoted, type Marked } from './marks.js';
import { isOutletName, nameMentions, nameTokens, type NameMention } from './people.js';
import { firstStartingAt } from '../../text/spans.js';

/**
 * Quotes and attribution: direct quotations (marks) and reported speech (cue verbs), each with its cue, its
 * speaker (a name linked to its entity, or a pronoun/description resolved to the nearest compatible person)
 * and the outlets the words are credited to, kept apart from the speaker.
 */
export const quotesAnalyzer: Analyzer = {
  name: 'quotes',
  description: 'direct and reported speech with cue, speaker and outlet credits',
  rules: [
    { id: 'quote/unattributed', severity: 'warning', description: 'a quotation in quotation marks with no speaker in reach' },
    { id: 'quote/unresolved-speaker', severity: 'info', description: 'a speaker given only as a pronoun or description with no person it can refer to' },
    { id: 'attribution/credit', severity: 'info', description: 'an outlet the words are credited to ("the Daily Herald reported", "he told the ABC")' },
  ],
  run(doc, ctx) {
    doc.data.quotes = extractQuotes(doc, ctx);
  },
};

const MAX_LOOKBACK = 6; // sentences a pronoun may reach back

interface Draft {
  start: number;
  end: number;
  kind: 'direct' | 'indirect';
  frame: Frame | null;
  credits: string[];
  /** A direct quote that is part of a longer reported clause ('She said the bridge was "only the start"'). */
  partial: boolean;
  inherited: Draft | null;
  /** Goes on with the speaker of the reported speech in the sentence before (no cue of its own). */
  continued?: boolean;
}

const words = (s: string) => s.split(/\s+/).filter(Boolean).length;

export function extractQuotes(doc: Document, ctx?: AnalyzerContext): Quote[] {
  const text = doc.text;
  const body = doc.sentences.filter((s) => s.role === 'body');
  if (!body.length) return [];
  const marks = findQuoted(text, doc.paragraphs);
  const t = nameTokens(doc.tokens);
  const quoted: boolean[] = new Array(t.length).fill(false);
  {
    let m = 0;
    for (let i = 0; i < t.length; i++) {
      while (m < marks.length && marks[m].close < t[i].start) m++;
      for (let j = m; j < marks.length && marks[j].open <= t[i].start; j++) if (t[i].start > marks[j].open && t[i].start < marks[j].close) quoted[i] = true;
    }
  }
  const mentions = nameMentions(doc, t);

  // Token ranges of sentences.
  const first: number[] = new Array(doc.sentences.length).fill(-1);
  const last: number[] = new Array(doc.sentences.length).fill(-1);
  for (let i = 0; i < t.length; i++) {
    const s = t[i].sentence;
    if (first[s] < 0) first[s] = i;
    last[s] = i + 1;
  }
  const frames: Frame[] = [];
  const bySentence = new Map<number, Frame[]>();
  for (const s of body) {
    if (first[s.index] < 0) continue;
    const fs = framesOf(doc, t, s.index, first[s.index], last[s.index], quoted, marks);
    bySentence.set(s.index, fs);
    frames.push(...fs);
  }

  // Mentions are sorted by start and short: a binary search finds the ones a span touches.
  const mentionsIn = (start: number, end: number) => {
    const out: NameMention[] = [];
    for (let i = firstStartingAt(mentions, start - 120); i < mentions.length && mentions[i].start < end; i++) if (mentions[i].end > start) out.push(mentions[i]);
    return out;
  };
  const outletOf = (span: { start: number; end: number }): string | null => {
    const ms = mentionsIn(span.start, span.end).filter((m) => m.kind === 'outlet');
    if (ms.length) return ms[ms.length - 1].name;
    const raw = text.slice(span.start, span.end);
    return isOutletName(raw) ? raw.replace(/^the\s+/i, '') : null;
  };

  // Outlet credits: a frame whose speaker is an outlet and whose content holds another frame's cue lends
  // that frame its credit and goes away ('Brandt added "...", the Daily Courier reported').
  const credits = new Map<Frame, string[]>();
  const dropped = new Set<Frame>();
  for (const f of frames) {
    const list: string[] = [];
    for (const l of f.listeners) {
      const o = outletOf(l);
      if (o) list.push(o);
    }
    const so = outletOf(f.speaker!);
    if (so) list.push(so);
    credits.set(f, list);
  }
  for (const f of frames) {
    const so = outletOf(f.speaker!);
    if (!so || !f.content) continue;
    // the inner frame must open the outlet's content: not 'The Times reported the email came after Lee proposed ...'
    const inner = frames.filter(
      (g) => g !== f && g.cueStart >= f.content!.start && g.cueEnd <= f.content!.end && g.speaker!.start <= f.content!.start + 2 && !outletOf(g.speaker!),
    );
    if (!inner.length) continue;
    for (const g of inner) credits.get(g)!.push(...credits.get(f)!);
    dropped.add(f);
  }
  const live = frames.filter((f) => !dropped.has(f));

  // Direct quotations meet the frames.
  const drafts: Draft[] = [];
  const usedFrames = new Set<Frame>();
  const sentenceOf = (pos: number) => {
    let lo = 0;
    let hi = doc.sentences.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (pos < doc.sentences[mid].start) hi = mid - 1;
      else if (pos >= doc.sentences[mid].end) lo = mid + 1;
      else return mid;
    }
    return Math.max(0, Math.min(doc.sentences.length - 1, lo - 1));
  };
  let prevDirect: Draft | null = null;
  for (const q of marks) {
    const s0 = sentenceOf(q.open);
    const s1 = sentenceOf(Math.max(q.open, q.close - 1));
    if (doc.sentences[s0]?.role === 'boilerplate') continue;
    const near: Frame[] = [];
    for (let s = s0; s <= s1; s++) near.push(...(bySentence.get(s) ?? []).filter((f) => !dropped.has(f)));
    // '"...." Voss said.': the cue in the sentence after, its content this quotation
    near.push(...(bySentence.get(s1 + 1) ?? []).filter((f) => !dropped.has(f) && f.content!.end <= doc.sentences[s1].end));
    let frame = near.find((f) => f.content!.start < q.close && f.content!.end > q.open) ?? null;
    if (frame) {
      const c = frame.content!;
      const inside = c.start <= q.open + 1 && c.end >= q.close - 1;
      const extra = text.slice(c.start, Math.max(c.start, q.open)).trim().length + text.slice(Math.min(c.end, q.close + 1), c.end).trim().length;
      if (inside && extra > 3) {
        // a partial quote inside reported speech: the reported clause stays, the quoted words are kept too
        drafts.push({ start: q.start, end: q.end, kind: 'direct', frame, credits: credits.get(frame)!, partial: true, inherited: null });
        prevDirect = drafts[drafts.length - 1];
        continue;
      }
      // the frame's content is this quotation (or a piece of it): the quotation is the content
      usedFrames.add(frame);
      const d: Draft = { start: Math.min(q.start, c.start < q.open ? c.start : q.start), end: c.end > q.close && /[^\s"”»'’.,!?]/.test(text.slice(q.close, c.end)) ? trimTo(text, c.end) : q.end, kind: 'direct', frame, credits: credits.get(frame)!, partial: false, inherited: null };
      drafts.push(d);
      prevDirect = d;
      continue;
    }
    // 'Kim said: "..."' in the sentence before
    const before = s0 > 0 ? (bySentence.get(s0 - 1) ?? []).filter((f) => !dropped.has(f)) : [];
    frame = before.find((f) => /:\s*$/.test(text.slice(f.cueEnd, doc.sentences[s0 - 1].end)) || text.slice(doc.sentences[s0 - 1].end - 1, doc.sentences[s0 - 1].end) === ':') ?? null;
    if (!frame && near.length === 0 && prevDirect && (prevDirect.frame || prevDirect.inherited)) {
      // news convention: a quotation right after another one goes on with the same speaker
      const ps = sentenceOf(prevDirect.end);
      const sameOrNext = doc.sentences[s0].paragraph - doc.sentences[ps].paragraph <= 1 && s0 - ps <= 2;
      if (sameOrNext) {
        const d: Draft = { start: q.start, end: q.end, kind: 'direct', frame: prevDirect.frame, credits: prevDirect.credits, partial: false, inherited: prevDirect };
        drafts.push(d);
        prevDirect = d;
        continue;
      }
    }
    if (!frame && near.length === 0 && s0 > 0) {
      // news convention: a quotation right after a sentence of reported speech goes on with its speaker
      // ('The council said it was reviewing the plan. "Nobody will lose out."')
      const prevS = doc.sentences[s0 - 1];
      const fs = (bySentence.get(s0 - 1) ?? []).filter((f) => !dropped.has(f));
      const last = fs[fs.length - 1];
      if (last && prevS.paragraph >= doc.sentences[s0].paragraph - 1 && !marks.some((m) => m !== q && m.open >= prevS.start && m.open < q.open && m.open > last.cueEnd)) {
        const d: Draft = { start: q.start, end: q.end, kind: 'direct', frame: last, credits: credits.get(last)!, partial: false, inherited: null, continued: true };
        drafts.push(d);
        prevDirect = d;
        continue;
      }
    }
    if (frame) {
      usedFrames.add(frame); // its content is this quotation: no second, indirect quote for it
      const d: Draft = { start: q.start, end: q.end, kind: 'direct', frame, credits: credits.get(frame)!, partial: false, inherited: null };
      drafts.push(d);
      prevDirect = d;
      continue;
    }
    // Scare quotes and titles ('called it "historic"') are not quotations of someone: no finding for them.
    const content = text.slice(q.start, q.end);
    if (words(content) < 4 && !/[.!?]/.test(content)) continue;
    // Only a quotation that stands as a sentence of its own is "out of reach"; a phrase quoted inside a
    // sentence ('legalise it "by the back door"') quotes a document or a phrase and is kept without a finding.
    const own = !/[\p{L}\d]/u.test(text.slice(doc.sentences[s0].start, q.open)) || s1 > s0;
    drafts.push({ start: q.start, end: q.end, kind: 'direct', frame: null, credits: [], partial: !own, inherited: null });
    prevDirect = null;
  }
  for (const f of live) {
    if (usedFrames.has(f)) continue;
    drafts.push({ start: f.content!.start, end: f.content!.end, kind: 'indirect', frame: f, credits: credits.get(f)!, partial: false, inherited: null });
  }
  drafts.sort((a, b) => a.start - b.start || b.end - a.end);

  // Speakers.
  const resolvedPronouns: NameMention[] = [];
  let roles: Map<NameMention, Set<string>> | undefined;
  const appositives = new Map<string, NameMention>();
  const speakerCache = new Map<Frame, Speaker>();
  // Person mentions outside quotation marks: the antecedents a "he" or "she" may take.
  const persons: NameMention[] = [];
  {
    let k = 0;
    for (const m of mentions) {
      if (m.kind !== 'person') continue;
      while (k < marks.length && marks[k].close <= m.start) k++;
      let quotedAt = false;
      for (let j = k; j < marks.length && marks[j].open < m.start; j++) if (m.start > marks[j].open && m.start < marks[j].close) quotedAt = true;
      if (!quotedAt) persons.push(m);
    }
  }

  const resolve = (f: Frame, content: { start: number; end: number }): Speaker => {
    const cached = speakerCache.get(f);
    if (cached) return cached;
    const sp = f.refersTo ?? f.speaker!;
    const raw = text.slice(sp.start, sp.end);
    // an organization the entities pass found speaks as itself ("Brightwave said"), linked to its entity
    const inside = mentionsIn(sp.start, sp.end).filter((m) => (m.kind !== 'other' || m.org) && !GROUP_NOUNS.has(m.text.toLowerCase()));
    let speaker: Speaker;
    // the name must be the head of the phrase: "the Dunmore council", "Brandt's spokesman" are descriptions
    const last = inside.length ? inside[inside.length - 1] : null;
    const named = last && last.end >= sp.end - 1 ? last : null;
    if (named) {
      speaker = { name: named.name, entity: named.entity, resolved: true, start: named.start, end: named.end };
      if (f.appositive && named.kind === 'person') appositives.set(f.appositive, named);
    } else {
      const head = t[sp.tokB];
      const w = head.text.toLowerCase();
      const g = PRONOUNS[w];
      if (sp.tokA === sp.tokB && g) {
        let ante: NameMention | null = null;
        if (g === 'm' || g === 'f') ante = antecedent(doc, persons, resolvedPronouns, sp.start, g, content);
        speaker = ante
          ? { name: ante.name, entity: ante.entity, resolved: true, start: sp.start, end: sp.end }
          : { name: null, entity: null, resolved: false, start: sp.start, end: sp.end };
        if (ante) insertSorted(resolvedPronouns, { ...ante, start: sp.start, end: sp.end, text: raw });
      } else if (head.pos === 'PROPN' && /^\p{Lu}/u.test(head.text) && !GROUP_NOUNS.has(w) && !describedByPlace(t, sp.tokA, sp.tokB)) {
        // a name the entities pass does not know: still a name
        const nameStart = firstCapital(doc, sp.tokA, sp.tokB);
        speaker = { name: text.slice(nameStart, sp.end), entity: null, resolved: true, start: sp.start, end: sp.end };
        // a named speaker is someone a later "he" or "she" can point back to
        insertSorted(resolvedPronouns, { start: nameStart, end: sp.end, text: speaker.name!, name: speaker.name!, entity: null, kind: 'person', gender: null, role: null });
      } else {
        // a description: "the professor" may point back to "Ann Lee, a professor at ..."
        const known = /^(?:the|this|that)\b/i.test(raw) ? (appositives.get(w) ?? roleMatch(persons, roles ??= roleWords(text, persons), w, sp.start)) : null;
        speaker = known
          ? { name: known.name, entity: known.entity, resolved: true, start: sp.start, end: sp.end }
          : { name: raw, entity: null, resolved: false, start: sp.start, end: sp.end };
      }
    }
    // "Brandt, who ran the depot, says": the span is the relative pronoun, the name what it stands for
    if (f.refersTo) speaker = { ...speaker, start: f.speaker!.start, end: f.speaker!.end };
    speakerCache.set(f, speaker);
    return speaker;
  };

  const quotes: Quote[] = [];
  for (const d of drafts) {
    const sentence = sentenceOf(d.start);
    let speaker: Speaker = { name: null, entity: null, resolved: false };
    const f = d.frame;
    if (f) {
      speaker = resolve(f, f.content!);
      if (d.inherited || d.continued) speaker = { name: speaker.name, entity: speaker.entity, resolved: speaker.resolved };
    }
    const credits = [...new Set(d.credits)];
    const q: Quote = {
      start: d.start,
      end: d.end,
      text: text.slice(d.start, d.end),
      kind: d.kind,
      cue: f && !d.inherited && !d.continued ? f.cue : null,
      ...(f && !d.inherited && !d.continued ? { cueStart: f.cueStart, cueEnd: f.cueEnd } : {}),
      speaker,
      credits,
      sentence,
    };
    quotes.push(q);
    if (!ctx) continue;
    if (!f) {
      if (d.partial) continue;
      // '"...," said rally driver Dana Hale who runs the firm.' or '"...," she said adding that ...': a speech
      // verb in the quotation's paragraph whose frame could not be read is the reader's gap, not a lifted
      // quote; only a quotation with no speech verb around it is a warning.
      const near = speechVerbNear(doc, d.start, d.end);
      ctx.report({
        ruleId: 'quote/unattributed',
        message: `quotation with no speaker in reach: "${clip(q.text)}"`,
        start: d.start,
        end: d.end,
        sentence,
        ...(near ? { severity: 'info' as const, data: { speechVerb: near } } : {}),
      });
      continue;
    }
    if (d.partial || d.inherited || d.continued) continue; // reported once, on the frame's own quote
    if (!speaker.resolved && speaker.start !== undefined && dangling(text.slice(speaker.start, speaker.end!))) {
      const who = text.slice(speaker.start, speaker.end!);
      ctx.report({
        ruleId: 'quote/unresolved-speaker',
        message: `speaker "${who}" refers to no person named before it`,
        start: speaker.start,
        end: speaker.end!,
        sentence,
        data: { speaker: who },
      });
    }
    for (const outlet of credits) {
      ctx.report({
        ruleId: 'attribution/credit',
        message: `credited to ${outlet}${speaker.name && speaker.name !== outlet ? ` (speaker: ${speaker.name})` : ''}`,
        start: f.cueStart,
        end: f.cueEnd,
        sentence,
        data: { outlet, speaker: speaker.name },
      });
    }
  }
  return quotes;
}

/**
 * Whether an unresolved speaker points back at someone the text never named: "he"/"she", or a definite
 * person description ("the spokesman", "the former teacher"). Institutions ("the report", "it", "they")
 * and anonymous sources ("a spokesman", "officials") stay unresolved in the data without a finding.
 */
function dangling(speaker: string): boolean {
  const words = speaker.toLowerCase().split(/\s+/);
  if (words.length === 1) return words[0] === 'he' || words[0] === 'she';
  return /^(?:the|this|that)$/.test(words[0]) && PERSON_NOUNS.has(words[words.length - 1]);
}

function trimTo(text: string, end: number): number {
  while (end > 0 && /[\s,.]/.test(text[end - 1])) end--;
  return end;
}

function clip(s: string): string {
  return s.length > 60 ? `${s.slice(0, 57)}...` : s;
}

/** "officials in Dunmore", "organizers of the Hollin fair": a common noun before a preposition heads the phrase. */
function describedByPlace(t: Token[], a: number, b: number): boolean {
  for (let k = a + 1; k < b; k++) if (/^(?:in|from|at|of)$/i.test(t[k].text)) return t[k - 1].pos === 'NOUN' || GROUP_NOUNS.has(t[k - 1].text.toLowerCase());
  return false;
}

function firstCapital(doc: Document, a: number, b: number): number {
  for (let k = a; k <= b; k++) if (/^\p{Lu}/u.test(doc.tokens[k].text) && doc.tokens[k].pos === 'PROPN') return doc.tokens[k].start;
  return doc.tokens[a].start;
}

/**
 * "the chancellor" -> the nearest person named before it with that role: as the entity's role, or in the
 * words around a mention ("Chancellor Ann Lee", "Ann Lee, the chancellor,"). `roles` holds those words
 * per mention, computed once.
 */
function roleMatch(persons: NameMention[], roles: Map<NameMention, Set<string>>, head: string, before: number): NameMention | null {
  for (let i = firstStartingAt(persons, before) - 1; i >= 0; i--) {
    if (roles.get(persons[i])?.has(head)) return persons[i];
  }
  return null;
}

function roleWords(text: string, persons: NameMention[]): Map<NameMention, Set<string>> {
  const out = new Map<NameMention, Set<string>>();
  for (const m of persons) {
    const around = `${m.role ?? ''} ${text.slice(Math.max(0, m.start - 30), m.start)} ${text.slice(m.end, m.end + 30).split(/[.;]/)[0]}`;
    out.set(m, new Set(around.toLowerCase().split(/[^a-z-]+/)));
  }
  return out;
}

/**
 * The person a "he" or "she" at `pos` refers to: in its own sentence the nearest person named before it, in
 * earlier sentences the first one (the subject, most often), gender permitting, names inside quotation
 * marks and inside the quote's own content left out.
 */
function antecedent(
  doc: Document,
  persons: NameMention[],
  chained: NameMention[],
  pos: number,
  gender: 'm' | 'f',
  content: { start: number; end: number },
): NameMention | null {
  const here = sentenceAt(doc, pos);
  if (here === null) return null;
  const ok = (m: NameMention) => (m.gender === null || m.gender === gender) && !(m.start >= content.start && m.end <= content.end);
  // Both lists are sorted by start; the nearest candidates are found by binary search and short scans, not by
  // collecting every mention in reach: 28,000 repeats of '"He said "they said ' made that quadratic.
  const SCAN = 500;
  // The latest acceptable mention before pos in this sentence (on equal starts, a chained one).
  const hereStart = doc.sentences[here].start;
  let best: NameMention | null = null;
  for (const list of [persons, chained]) {
    let steps = 0;
    for (let i = firstStartingAt(list, pos) - 1; i >= 0 && list[i].start >= hereStart && steps < SCAN; i--, steps++) {
      const m = list[i];
      if (m.start >= content.start && m.end <= content.end) {
        i = firstStartingAt(list, content.start); // skip what lies inside the quotation
        continue;
      }
      if (!ok(m)) continue;
      if (!best || m.start >= best.start) best = m;
      break;
    }
  }
  if (best) return best;
  // Otherwise the first acceptable mention of the nearest earlier sentence (on equal starts, a person's).
  for (let s = here - 1; s >= Math.max(0, here - MAX_LOOKBACK); s--) {
    const { start, end } = doc.sentences[s];
    for (const list of [persons, chained]) {
      let steps = 0;
      for (let i = firstStartingAt(list, start); i < list.length && list[i].start < end && steps < SCAN; i++, steps++) {
        if (!ok(list[i])) continue;
        if (!best || list[i].start < best.start) best = list[i];
        break;
      }
    }
    if (best) return best;
  }
  return null;
}

/** Inserts m into a list sorted by start, after any mention with the same start. */
function insertSorted(list: NameMention[], m: NameMention): void {
  let i = firstStartingAt(list, m.start);
  while (i < list.length && list[i].start === m.start) i++;
  if (i === list.length) list.push(m);
  else list.splice(i, 0, m);
}

export type { Marked };

/** A speech verb ("said", "told", "adds") in the paragraph of [start, end), outside the quotation itself. */
function speechVerbNear(doc: Document, start: number, end: number): string | null {
  const p = doc.paragraphs.find((x) => x.start <= start && start < x.end);
  if (!p) return null;
  // Binary search for the paragraph's first token, and at most 400 tokens read: linear however many quotations.
  const toks = doc.tokens;
  let lo = 0;
  for (let hi = toks.length; lo < hi; ) {
    const mid = (lo + hi) >> 1;
    if (toks[mid].end <= p.start) lo = mid + 1;
    else hi = mid;
  }
  for (let i = lo; i < toks.length && i < lo + 400; i++) {
    const t = toks[i];
    if (t.start >= p.end) break;
    if (t.start >= start && t.end <= end) continue;
    const w = t.text.toLowerCase();
    if (t.pos === 'VERB' && SPEECH_FORMS.has(w)) return w;
  }
  return null;
}
