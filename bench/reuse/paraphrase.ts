/**
 * The benchmark's own sentence paraphraser: what a rewriter does beyond a spinner. Each paraphrase applies
 * at least two operations, one of them structural:
 *   voice        "Ostrel bought the yard" → "The yard was bought by Ostrel"
 *   drop-clause  a trailing ", which …", ", who …", ", according to …", ", adding …" or a leading
 *                "In 2004, " is cut (the sentence is cut down from a longer one)
 *   reorder      a trailing attribution moved to the front, a leading time phrase to the end
 *   attribution  "X said the plan…" / "…, X said." → "According to X, the plan…"
 *   synonyms     20–35% of content words swapped from the half's own resource (tune: WordNet and the hand
 *                thesaurus; held-out: the Moby thesaurus)
 * Like the spinner, it shares no table or code with the engine. Token offsets refer to the source sentence.
 */
import type { SourceDoc, SrcSentence } from '../lib/reuse-corpus.js';
import { int, pick, shuffle, type Rand } from '../lib/random.js';
import { eligible, prng, reorderClauses, type GenArticle, type GenLabel, type GenSentence } from './generate.js';
import { lemmatize, pastParticiple, type Spinner } from './spin.js';

export type ParaOp = 'voice' | 'drop-clause' | 'reorder' | 'attribution' | 'synonyms';

export interface Paraphrase {
  text: string;
  ops: ParaOp[];
  substitutions: { from: string; to: string }[];
  /** Words of the source the paraphrase left out (drop-clause). */
  dropped?: string;
}

const OBJECT_PRONOUN: Record<string, string> = { he: 'him', she: 'her', they: 'them', we: 'us', i: 'me', it: 'it' };
const NO_PASSIVE = new Set(['said', 'told', 'added', 'says', 'had', 'got', 'became', 'seemed', 'went', 'came', 'made']);
const NP = new Set(['DET', 'ADJ', 'NOUN', 'PROPN', 'NUM', 'PART']);
const upperFirst = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
const wordCount = (s: string) => (s.match(/[\p{L}\p{N}]+/gu) ?? []).length;

interface Voice {
  subject: [number, number];
  verb: [number, number];
  object: [number, number];
  participle: string;
  plural: boolean;
  pronoun?: string;
}

/** "<subject> <past verb> <object> <rest>" with a short noun-phrase subject and object. Offsets in the sentence. */
function findVoice(s: SrcSentence): Voice | null {
  const t = s.tokens.map((x) => ({ ...x, a: x.start - s.start, b: x.end - s.start }));
  let k = 0;
  while (k < t.length && k < 6 && (NP.has(t[k].pos) || t[k].text === "'s")) k++;
  const single = t[0] && t[0].pos === 'PRON' && OBJECT_PRONOUN[t[0].text.toLowerCase()];
  if (single) k = 1;
  if (k === 0 || k >= t.length || t[k].pos !== 'VERB' || NO_PASSIVE.has(t[k].text.toLowerCase())) return null;
  if (!single && !['NOUN', 'PROPN'].includes(t[k - 1].pos)) return null;
  const lem = lemmatize(t[k].text, 'verb');
  if (!lem || lem.form !== 'past') return null;
  let j = k + 1;
  if (j >= t.length || !['DET', 'PROPN', 'NOUN', 'ADJ', 'NUM'].includes(t[j].pos)) return null;
  while (j < t.length && j - k <= 6 && NP.has(t[j].pos)) j++;
  const last = t[j - 1];
  if (!['NOUN', 'PROPN'].includes(last.pos) || j - k > 6) return null;
  // The object must end the clause: "bought the yard from ..." is fine, "bought the yard's" is not.
  // ... nor "accused Mr Blair and other ministers", "recalled a stream of remarks".
  if (j < t.length && (!['ADP', 'PUNCT', 'SCONJ'].includes(t[j].pos) || /^(of|and|or|'s)$/i.test(t[j].text))) return null;
  // A subject is one noun phrase: "The following year Bournemouth" is two.
  if (!single && t.slice(1, k).some((x) => x.pos === 'DET')) return null;
  if (!single && t.slice(0, k).filter((x, i, all) => x.pos === 'NOUN' && all[i + 1]?.pos === 'PROPN').length) return null;
  const plural = (last.pos === 'NOUN' && /[^s]s$/.test(last.text)) || t.slice(k + 1, j).some((x) => x.text === 'and');
  return {
    subject: [0, t[k - 1].b],
    verb: [t[k].a, t[k].b],
    object: [t[k + 1].a, last.b],
    participle: pastParticiple(lem.lemma),
    plural,
    pronoun: single ? OBJECT_PRONOUN[t[0].text.toLowerCase()] : undefined,
  };
}

// ", which is now ..." / ", according to ..." / ", adding that ..." at the end; "In 2004, " at the start.
const TRAILING = /, (?:which|who|according to|adding|saying|while|although|as well as|including) [^"“”]{12,}(?=[.!?]$)/;
const LEADING = /^(?:In|On|At|By|During|Since|Last|Earlier|Later) [^,"“”]{3,30}, (?=[a-zA-Z])/;

function findDrop(text: string): [number, number] | null {
  const tr = TRAILING.exec(text);
  if (tr && wordCount(text) - wordCount(tr[0]) >= 8) return [tr.index, tr.index + tr[0].length];
  const ld = LEADING.exec(text);
  if (ld && wordCount(text) - wordCount(ld[0]) >= 8) return [0, ld[0].length];
  return null;
}

const TIME = '(?:(?:early|late|mid)[- ])?(?:\\d{4}|January|February|March|April|May|June|July|August|September|October|November|December|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|spring|summer|autumn|winter)(?: \\d{4})?';
const LEAD_TIME = new RegExp(`^((?:In|On|During|By|Since|Until) (?:the )?${TIME}|Last (?:year|week|month|${TIME})|Earlier this (?:year|week|month)), (.{20,})\\.$`);
const ATTRIBUTION = /^(.{20,}?),["”]? (he|she|they|it|[A-Z][\w.'’-]*(?: [A-Z][\w.'’-]*){0,3}) (said|says|added|explained|argued|warned)\.$/;

/**
 * Reorderings that keep the meaning: a trailing attribution to the front (the spinner's own rule), a leading
 * time phrase to the end ("In 2004, sales rose." → "Sales rose in 2004."). Not the spinner's subordinate-clause
 * swap, which also fires on prepositions ("profit before exceptional items").
 */
function reorder(text: string): string | null {
  if (ATTRIBUTION.test(text)) return reorderClauses(text);
  const lead = LEAD_TIME.exec(text);
  if (lead) return `${upperFirst(lead[2])} ${lead[1][0].toLowerCase()}${lead[1].slice(1)}.`;
  return null;
}

const PERSONAL: Record<string, string> = { he: 'him', she: 'her', they: 'them', it: 'it', He: 'him', She: 'her', They: 'them', It: 'it' };
const HEAD_ATTRIBUTION = /^(He|She|They|[A-Z][\w.'’-]*(?: [A-Z][\w.'’-]*){0,3}) (?:said|says|added) (?:that )?([a-z][^"“”]{20,})$/;

/** "Mr Smith said the plan…" / "…, Mr Smith said." → "According to Mr Smith, the plan…". */
function attribution(text: string): string | null {
  const head = HEAD_ATTRIBUTION.exec(text);
  if (head) return `According to ${PERSONAL[head[1]] ?? head[1]}, ${head[2]}`;
  const tail = ATTRIBUTION.exec(text);
  if (tail && !/["“”]/.test(tail[1])) return `According to ${PERSONAL[tail[2]] ?? tail[2]}, ${/^(The|A|An|It|Its|There|This|That|These|Those|They|We|He|She|His|Her|Their|Our)\b/.test(tail[1]) ? tail[1][0].toLowerCase() + tail[1].slice(1) : tail[1]}.`;
  return null;
}

/** A paraphrase of `s`, or null when no structural operation applies. */
export function paraphraseSentence(s: SrcSentence, spinner: Spinner, r: Rand): Paraphrase | null {
  const text = s.text;
  const voice = findVoice(s);
  const drop = r() < 0.7 ? findDrop(text) : null;
  // A dropped span must not cut through the parts the voice change moves.
  const useDrop = drop && !(voice && drop[0] < voice.object[1]) ? drop : null;
  // Synonyms: 20–35% of content words, never the verb the voice change re-inflects.
  const content = s.tokens.filter((x) => x.pos in { NOUN: 1, VERB: 1, ADJ: 1, ADV: 1 } || (x.pos === 'PROPN' && spinner.formalNames[x.text]));
  const target = Math.max(1, Math.round((0.2 + r() * 0.15) * content.length));
  const subs = new Map<number, { end: number; from: string; to: string }>();
  for (const x of shuffle(r, [...content])) {
    if (subs.size >= target) break;
    const a = x.start - s.start;
    if (voice && a >= voice.verb[0] && a < voice.verb[1]) continue;
    if (useDrop && a >= useDrop[0] && a < useDrop[1]) continue;
    const c = spinner.substitutes(x.text, x.pos, r);
    if (c.length) subs.set(a, { end: x.end - s.start, from: x.text, to: pick(r, c) });
  }
  /** The source text of [a, b) with the substitutions inside it applied. */
  const render = (a: number, b: number) => {
    let out = '';
    let at = a;
    for (const [p, e] of [...subs].sort((x, y) => x[0] - y[0])) {
      if (p < a || e.end > b) continue;
      out += text.slice(at, p) + e.to;
      at = e.end;
    }
    return out + text.slice(at, b);
  };
  const ops: ParaOp[] = [];
  let out: string;
  const restEnd = useDrop && useDrop[0] > 0 ? useDrop[0] : text.length;
  const tail = useDrop && useDrop[0] > 0 ? text.slice(useDrop[1]) : '';
  if (voice) {
    const subj = voice.pronoun ?? lowerSubject(render(...voice.subject));
    out = `${upperFirst(render(...voice.object))} ${voice.plural ? 'were' : 'was'} ${voice.participle} by ${subj}${render(voice.object[1], restEnd)}${tail}`;
    ops.push('voice');
  } else {
    const from = useDrop && useDrop[0] === 0 ? useDrop[1] : 0;
    out = upperFirst(render(from, restEnd)) + tail;
  }
  if (useDrop) ops.push('drop-clause');
  if (!voice) {
    const at = r() < 0.6 ? attribution(out) : null;
    const re = at ? null : reorder(out);
    if (at) {
      out = at;
      ops.push('attribution');
    } else if (re && r() < 0.8) {
      out = re;
      ops.push('reorder');
    }
  }
  if (subs.size) ops.push('synonyms');
  if (ops.length < 2 || !ops.some((o) => o !== 'synonyms')) return null;
  return {
    text: out,
    ops,
    substitutions: [...subs].sort((x, y) => x[0] - y[0]).map(([, e]) => ({ from: e.from, to: e.to })),
    ...(useDrop ? { dropped: text.slice(useDrop[0], useDrop[1]).replace(/^, |, $/g, '').trim() } : {}),
  };
}

// "The firm" → "the firm"; names keep their capital.
function lowerSubject(s: string): string {
  return /^(The|A|An|This|That|These|Those|Its|His|Her|Their|Our|Some|Many|Most)\b/.test(s) ? s[0].toLowerCase() + s.slice(1) : s;
}

// ---- articles of paraphrased sentences -----------------------------------------------------------------

export interface ParaGenOptions {
  seed: number;
  count: number;
  spinner: Spinner;
}

/**
 * Articles stitched from paraphrased sentences: 2–4 documents of `material`, up to three paraphrasable
 * sentences of each (in document order), and in 70% of articles one verbatim sentence of an unindexed
 * document (`offtopic`: must stay untraced). Labels as the stitching generator's.
 */
export function generateParaphraseArticles(material: SourceDoc[], offtopic: SourceDoc[], o: ParaGenOptions): GenArticle[] {
  const r = prng(o.seed ^ 0x9a7a);
  const out: GenArticle[] = [];
  for (let n = 0; n < o.count; n++) {
    const chosen: SourceDoc[] = [];
    const want = Math.min(material.length, int(r, 2, 4));
    while (chosen.length < want) {
      const d = pick(r, material);
      if (!chosen.includes(d)) chosen.push(d);
    }
    const units: { text: string; label: GenLabel }[] = [];
    for (const d of chosen) {
      const el = d.sentences.filter(eligible);
      const from = int(r, 0, Math.max(0, el.length - 1));
      let taken = 0;
      for (let i = 0; i < el.length && taken < 3; i++) {
        const s = el[(from + i) % el.length];
        const p = paraphraseSentence(s, o.spinner, r);
        if (!p) continue;
        taken++;
        units.push({
          text: p.text,
          label: { kind: 'paraphrased', sources: [{ docId: d.id, start: s.start, end: s.end }], ops: p.ops, substitutions: p.substitutions, ...(p.dropped ? { dropped: p.dropped } : {}) },
        });
      }
    }
    if (offtopic.length && r() < 0.7) {
      const d = pick(r, offtopic);
      const el = d.sentences.filter(eligible);
      if (el.length) units.splice(int(r, 1, units.length), 0, { text: pick(r, el).text, label: { kind: 'offtopic', sources: [], from: d.id } });
    }
    let text = '';
    const sentences: GenSentence[] = [];
    for (let i = 0; i < units.length; i++) {
      if (i > 0) text += r() < 0.4 ? '\n\n' : ' ';
      sentences.push({ start: text.length, end: text.length + units[i].text.length, text: units[i].text, label: units[i].label });
      text += units[i].text;
    }
    const id = `para/${o.seed}/${String(n).padStart(4, '0')}`;
    out.push({ article: { id, kind: 'text', origin: null, text, title: null, byline: null, published: null, url: null }, strength: 0, sources: chosen.map((d) => d.id), sentences });
  }
  return out;
}
