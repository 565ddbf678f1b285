// Rules and the learned tagger together. Rules with direct evidence (a gazetteer name, an organization head,
// a title before a name) keep their spans and types; the tagger, which sees the rules' output among its
// features, decides the rest (the rules' guesses and what they missed); what the rules ruled out stays out;
// then types by context (context.ts). A tagger span equal to a rule's keeps the rule's details.
import type { Document } from '../../model/document.js';
import { typeClubs, typeFirms, typeSpeakers } from './context.js';
import { lookup, norm } from './gazetteer.js';
import { mention, recognize, vetoed, type RawMention } from './recognize.js';
import { shippedModel, tag, type Model } from './tagger.js';
import { competitors, eventTowns, firmShortNames, trimPositions, wireCopy } from './wire.js';
import { SpanIndex } from '../../text/spans.js';

/**
 * Ablation switches for the benches (empty in use): rules-only, model-first, keep-all-rules, no-context; set by
 * `ENT_POLICY=a,b` or by a bench adding to the set.
 */
export const POLICY = new Set((process.env.ENT_POLICY ?? '').split(',').filter(Boolean));

export function mentions(doc: Document, model: Model | null = shippedModel()): RawMention[] {
  const rules = recognize(doc);
  if (!model || POLICY.has('rules-only')) return rules;
  const vetoes = new SpanIndex([...vetoed]);
  const ruleSpans = new SpanIndex(rules);
  // "Lee Hale won the [Ann Ruiz award]": what the rules ruled out stays out.
  let tagged = tag(doc, rules, model)
    .filter((t) => !vetoes.any(t.start, t.end))
    // "Carnforth 's goalkeeper": a possessive split off by agency copy is never inside the name.
    .map((t) => {
      const poss = /\s+['’]s?$/.exec(doc.text.slice(t.start, t.end));
      return poss ? { ...t, end: t.end - poss[0].length } : t;
    })
    .filter((t) => t.end > t.start);
  // "GunShop[.com]": a tagger span that stops inside a word the rules read whole takes the rule's span.
  tagged = tagged.map((t) => {
    const r = ruleSpans.overlapping(t.start, t.end).find((x) => (x.start !== t.start || x.end !== t.end) && !/\s/.test(doc.text.slice(Math.min(x.start, t.start), Math.max(x.start, t.start)) + doc.text.slice(Math.min(x.end, t.end), Math.max(x.end, t.end))));
    return r ? { ...t, start: r.start, end: r.end } : t;
  });
  // Rules with direct evidence (a gazetteer name, an organization head, a title before a name) keep their span
  // and type over tagger spans that overlap them: "State University of New York at Purchase", "GunShop.com".
  if (!POLICY.has('model-first')) {
    // "Brightwave said": a verb of saying shows a speaker, not a person; where the tagger reads the same words
    // as an organization, the tagger decides.
    // Only a lone word: "Hamid Reza Asefi, told" is a person the tagger may not know.
    const orgTags = new Set(tagged.filter((t) => t.type === 'organization').map((t) => `${t.start}:${t.end}`));
    const orgTag = (r: RawMention) => !r.text.includes(' ') && orgTags.has(`${r.start}:${r.end}`);
    const firm = rules.filter((r) => r.evidence !== 'weak' && !r.unknown && !(r.speaker && orgTag(r)));
    const firmSpans = new SpanIndex(firm);
    tagged = tagged.filter((t) => !firmSpans.any(t.start, t.end));
    for (const r of firm) tagged.push({ start: r.start, end: r.end, type: r.type, sentence: r.sentence });
    tagged.sort((a, b) => a.start - b.start);
  }
  const byspan = new Map<string, RawMention>();
  for (const r of rules) byspan.set(`${r.start}:${r.end}`, r);
  const out: RawMention[] = [];
  const covered: { start: number; end: number }[] = [];
  for (const t of tagged) {
    const r = byspan.get(`${t.start}:${t.end}`);
    covered.push({ start: t.start, end: t.end });
    // A name the gazetteers list as a place or organization is not made a person by the tagger alone
    // ("England beat Wales" opening a sentence); the rules make it one on evidence ("Jordan said").
    if (r && (r.type === t.type || (r.evidence !== 'weak' && !(r.speaker && t.type === 'organization' && !r.text.includes(' '))) || (r.key && t.type === 'person'))) {
      out.push(r);
      continue;
    }
    const text = doc.text.slice(t.start, t.end);
    const e = lookup(text);
    const m = mention(t.start, t.end, doc.text, t.type, /\s/.test(text) ? 'strong' : 'weak', t.sentence, e && e.type === t.type ? e : undefined);
    if (r) {
      if (r.role) m.role = r.role;
      if (r.honorific) {
        m.honorific = r.honorific;
        m.honorificAlias = r.honorificAlias;
      }
    }
    out.push(m);
  }
  // Rule mentions the tagger left out: kept when a gazetteer knows them, or when the same name was found
  // elsewhere in the document ("the port city of Arlenmouth ... Arlenmouth was dark": grouping joins them).
  const found = new Set(out.map((m) => m.text));
  // A surname or a short form ("the Post" after "the Westland Post"), or an organization's acronym ("FBI").
  for (const m of out) {
    const ws = m.text.split(/\s+/);
    if (m.type !== 'place') found.add(ws[ws.length - 1]);
    if (m.type === 'organization') found.add(ws.filter((w) => /^\p{Lu}/u.test(w)).map((w) => w[0]).join(''));
  }
  const dropped: RawMention[] = [];
  const coveredSpans = new SpanIndex(covered);
  for (const r of rules) {
    if (coveredSpans.any(r.start, r.end)) continue;
    if (r.evidence === 'known' || found.has(r.text) || POLICY.has('keep-all-rules')) out.push(r);
    else dropped.push(r);
  }
  out.sort((a, b) => a.start - b.start);
  if (POLICY.has('no-context')) return out;
  const withFirms = typeSpeakers(doc.text, typeFirms(doc.text, out, dropped));
  const kept = new Set(withFirms);
  return agree(eventTowns(doc.text, wireCopy(doc, trimPositions(firmShortNames(doc, typeClubs(doc.text, competitors(doc, withFirms), dropped.filter((d) => !kept.has(d)), doc.article.title ?? ''))))));
}

const WEIGHT = { weak: 1, strong: 2, known: 3 } as const;

/**
 * "IG Metall rejects wage offer ... Germany 's IG Metall engineering union ... IG Metall leader": the same name
 * in two or more words is one referent in a wire story; where the tagger types one mention apart from the
 * others, the majority by evidence decides (a title or honorific before it counts as a person's evidence and
 * such a mention is never retyped). Ties are left as they are.
 */
export function agree(ms: RawMention[]): RawMention[] {
  const by = new Map<string, RawMention[]>();
  // A surname of a person named in full ("Anna Brightwell ... Brightwell said") is left to grouping.
  const surnames = new Set(ms.filter((m) => m.type === 'person' && m.text.includes(' ')).map((m) => m.text.split(/\s+/).pop()));
  for (const m of ms) {
    if (!m.text.includes(' ') && (m.type === 'place' || surnames.has(m.text))) continue;
    const list = by.get(m.text);
    if (list) list.push(m);
    else by.set(m.text, [m]);
  }
  for (const list of by.values()) {
    if (list.length < 2 || list.every((m) => m.type === list[0].type)) continue;
    const votes = new Map<RawMention['type'], number>();
    for (const m of list) votes.set(m.type, (votes.get(m.type) ?? 0) + (m.role || m.honorific ? 3 : WEIGHT[m.evidence]));
    const ranked = [...votes].sort((a, b) => b[1] - a[1]);
    if (ranked[1] && ranked[1][1] === ranked[0][1]) continue;
    const type = ranked[0][0];
    for (const m of list) {
      if (m.type === type || m.role || m.honorific || m.evidence === 'known') continue;
      m.type = type;
      m.key = type === 'organization' ? `o:${norm(m.text)}` : undefined;
      if (!m.key) delete m.key;
      delete m.unknown;
      delete m.name;
      delete m.speaker;
    }
  }
  return ms;
}
