/**
 * Facts a copy changed against its source, found by an automatic diff (bench:reuse, FakeNewsAMT): what
 * `reuse/altered-fact` should name. Shares no code with the engine's own fact comparison.
 */
export interface FactDiff {
  kind: 'number' | 'name' | 'date' | 'negation';
  start: number;
  end: number;
  text: string;
  /**
   * For a name: the copy's new names that may stand for it. A copy that names "the star" and changes a film's
   * name has two names its source sentence lacks against one it dropped: one name changed, either named counts.
   */
  among?: { start: number; end: number; text: string }[];
}

/** Which facts a check named, `hit` telling whether a span was: a group of names counts as many as it has facts, at most as many as were hit. */
export function namedFacts(facts: FactDiff[], hit: (start: number, end: number) => boolean): boolean[] {
  const left = new Map<FactDiff['among'], number>();
  return facts.map((f) => {
    if (!f.among) return hit(f.start, f.end);
    if (!left.has(f.among)) left.set(f.among, f.among.filter((x) => hit(x.start, x.end)).length);
    const n = left.get(f.among)!;
    left.set(f.among, n - 1);
    return n > 0;
  });
}

const MONTHS_DAYS = /^(january|february|march|april|may|june|july|august|september|october|november|december|monday|tuesday|wednesday|thursday|friday|saturday|sunday)$/i;
const NUMBER_WORD = /^(one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|forty|fifty|hundred|thousand|million|billion|dozen)$/i;

// Numbers (not inside a word: "SB328"; a time "7:00" is one; a scale word or unit joined), capitalised runs, words.
const FACT_WORDS = /(?<![\p{L}\p{N}])[$£€]?\d[\d,.:]*(?:%| ?per ?cent)?(?: ?(?:thousand|million|billion|trillion)\b|(?:mn|bn|tn|m|b|k)\b)?|\b[A-Z][\p{L}\p{N}'’-]+(?: [A-Z][\p{L}'’-]+)*|\b[\p{L}]+(?:n['’]t)?\b/gu;
const ROUND2 = /\$?\d[\d,.]*(?:%| per ?cent)?|\b[A-Z][\p{L}'’-]+(?: [A-Z][\p{L}'’-]+)*|\b[\p{L}]+(?:n['’]t)?\b/gu;

/** Numbers, names (capitalised words past the first), dates and negations of a text, with offsets. */
function factsOf(text: string, round2 = false): FactDiff[] {
  const out: FactDiff[] = [];
  for (const m of text.matchAll(round2 ? ROUND2 : FACT_WORDS)) {
    const w = m[0];
    const at = m.index!;
    let kind: FactDiff['kind'] | null = null;
    if (/^[$£€]?\d/.test(w) || NUMBER_WORD.test(w)) kind = 'number';
    else if (/^(not|no|never|without|nobody|nothing|none)$/i.test(w) || /n['’]t$/i.test(w)) kind = 'negation';
    else if (/^[A-Z]/.test(w) && at > 0 && !/[.!?"“]\s*$/.test(text.slice(0, at))) kind = w.split(' ').every((x) => MONTHS_DAYS.test(x)) ? 'date' : 'name';
    if (kind) out.push({ kind, start: at, end: at + w.length, text: w.replace(/[.,:]$/, '') });
  }
  return out;
}

// "Mr Okafor" and "Sam Okafor", "Okafor" and "Sam Okafor", "the Harbour Board" and "Harbour Board": one name.
function same(x: string, y: string, kind: string): boolean {
  if (x === y || x.includes(y) || y.includes(x)) return true;
  if (kind !== 'name') return false;
  const last = (s: string) => s.replace(/^(mr|mrs|ms|dr|sir|lord|lady) /, '').split(' ').pop();
  return x.includes(' ') || y.includes(' ') ? last(x) === last(y) : false;
}

/** A word folded for comparison: lowercase, accents and a possessive off ("Sánchez's" -> "sanchez"). */
const foldWord = (w: string) => w.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replace(/['’]s$/, '').replace(/[^\p{L}\p{N}]/gu, '');
/** Every word of a text, folded, any case, hyphenated words split ("Social Democratic-led" -> social, democratic, led). */
const wordsOf = (text: string) => new Set((text.match(/[\p{L}\p{N}][\p{L}\p{M}\p{N}'’]*/gu) ?? []).map(foldWord).filter(Boolean));
const TITLE = /^(mr|mrs|ms|dr|sir|lord|lady|prof|professor|senator|sen|president|minister|judge|the|of|and|for)$/;
/** Initials of every run of capitalised words of a text ("Los Angeles" -> "la", "National Health Service" -> "nhs"). */
function initialsOf(text: string): Set<string> {
  const out = new Set<string>();
  for (const m of text.matchAll(/\p{Lu}[\p{L}'’-]*(?:\s+(?:of\s+|and\s+|the\s+|for\s+)*\p{Lu}[\p{L}'’-]*)+/gu)) {
    const init = m[0].split(/\s+/).filter((w) => !/^(of|and|the|for)$/.test(w)).map((w) => w[0].toLowerCase()).join('');
    for (let a = 0; a < init.length; a++) for (let b = a + 2; b <= init.length; b++) out.add(init.slice(a, b));
  }
  return out;
}
/** A name that the other text writes too, some other way: its last word other than a title (a surname, "Aramco" of "Saudi Aramco") among the other text's words, whatever their case, or an acronym of a run of its names ("LA"). */
function namedIn(name: string, words: Set<string>, initials: Set<string>): boolean {
  const ws = name.split(/[\s-]+/).map(foldWord).filter((w) => w && !TITLE.test(w));
  if (!ws.length) return true;
  const last = ws[ws.length - 1];
  if (words.has(last)) return true;
  // Cut short ("San Fran") or misspelt by a letter ("Standford"): the same name.
  for (const w of words) if ((last.length >= 3 && w.startsWith(last)) || (last.length >= 5 && oneEdit(last, w))) return true;
  if (ws.length !== 1 || !/^\p{Lu}{2,5}$/u.test(name.replace(/['’]s$/, ''))) return false;
  // Initials of a run of names, or the letters of one word's abbreviation ("CA" for "Calif.").
  const [w] = ws;
  return initials.has(w) || [...words].some((o) => o[0] === w[0] && o.length > w.length && new RegExp(w.split('').join('.*')).test(o));
}
const SCALE: Record<string, string> = { thousand: 'e3', k: 'e3', million: 'e6', m: 'e6', mn: 'e6', billion: 'e9', bn: 'e9', b: 'e9', trillion: 'e12', tn: 'e12' };
function oneEdit(a: string, b: string): boolean {
  if (Math.abs(a.length - b.length) > 1) return false;
  if (a.length < b.length) [a, b] = [b, a];
  let i = 0;
  while (i < b.length && a[i] === b[i]) i++;
  return a.length === b.length ? a.slice(i + 1) === b.slice(i + 1) : a.slice(i + 1) === b.slice(i);
}
/** A number's value as written, with its scale and unit: "$1.78bn" and "$1.78 billion" alike; "7:00" one number. */
const numberKey = (w: string) => {
  const m = /^(\$|£|€)?([\d,.:]+?)[.,]?(?:\s?(%|per ?cent))?(?:\s?(thousand|million|billion|trillion|mn|bn|tn|m|b|k))?$/i.exec(w);
  if (!m) return w.toLowerCase();
  return `${m[1] ?? ''}${m[2].replace(/,/g, '')}${m[3] ? '%' : ''}${m[4] ? SCALE[m[4].toLowerCase()] : ''}`;
};
// A verb that says a negation itself: "would not take part" -> "refused to take part" is a rewording.
const NEGATIVE_VERB = /^(refus|fail|deni|deny|declin|reject|unabl|lack|without)/;
const STOP = new Set('the a an and or but of to in on at by for with from as is are was were be been has have had it its this that these those he she they them his her their we our you your i not no said says will would could should may might can also than then there which who whom what when where while after before about into over more most some any all one'.split(' '));

/**
 * Facts a copy changed against its source, by an automatic diff, "the rest matching": a pair of sentences
 * that shares under a quarter of the shorter one's plain content words (lowercase words of three letters or more) says two
 * different things, and its differences are no changed facts. Then a number of the copy whose value the source
 * lacks while the source has another number the copy lacks (a substitution); the same for names and dates, a
 * name counting as the same when the other sentence writes it any other way (surname only, in lowercase,
 * possessive, accents, hyphenated, as its initials: "LA" for "Los Angeles"); a negation on one side only,
 * unless the other side says it with a verb ("refused to" for "would not").  Offsets are into `copy`.
 */
export function changedFacts(copy: string, source: string): FactDiff[] {
  const a = factsOf(copy);
  const b = factsOf(source);
  const plain = (t: string) => (t.match(/(?<![\p{L}\p{N}])\p{Ll}[\p{L}'’]*/gu) ?? []).map(foldWord).filter((w) => w.length > 2 && !STOP.has(w)).map((w) => w.slice(0, 5));
  const pa = new Set(plain(copy));
  const pb = new Set(plain(source));
  const shared = [...pa].filter((w) => pb.has(w)).length;
  if (shared < 2 || shared < 0.25 * Math.min(pa.size, pb.size)) return [];
  const out: FactDiff[] = [];
  const nums = (xs: FactDiff[]) => new Set(xs.filter((x) => x.kind === 'number').map((x) => numberKey(x.text)));
  const na = nums(a);
  const nb = nums(b);
  const onlyNa = a.filter((x) => x.kind === 'number' && !nb.has(numberKey(x.text)));
  if (onlyNa.length && [...nb].some((k) => !na.has(k))) out.push(...onlyNa);
  const wa = wordsOf(copy);
  const wb = wordsOf(source);
  const ia = initialsOf(copy);
  const ib = initialsOf(source);
  const onlyA = a.filter((x) => x.kind === 'name' && !namedIn(x.text, wb, ib));
  const onlyB = new Set(b.filter((x) => x.kind === 'name' && !namedIn(x.text, wa, ia)).map((x) => foldWord(x.text)));
  // As many changed names as the fewer side has: a name added beside a changed one is no second change.
  const among = onlyA.map((x) => ({ start: x.start, end: x.end, text: x.text }));
  for (const x of onlyA.slice(0, onlyB.size)) out.push({ ...x, among });
  const da = a.filter((x) => x.kind === 'date' && !wb.has(foldWord(x.text)));
  const db = b.filter((x) => x.kind === 'date' && !wa.has(foldWord(x.text)));
  if (da.length && db.length) out.push(...da);
  const negA = a.filter((x) => x.kind === 'negation');
  const negB = b.filter((x) => x.kind === 'negation');
  const says = (t: string) => [...wordsOf(t)].some((w) => NEGATIVE_VERB.test(w));
  if (negA.length > negB.length && !says(source)) out.push(negA[negA.length - 1]);
  else if (negB.length > negA.length && !says(copy)) out.push({ kind: 'negation', start: 0, end: copy.length, text: `(dropped "${negB[0].text}")` });
  return out;
}

/**
 * The round-2 diff, kept to report figures on both measures (see `changedFacts`). Facts a copy changed against its source, by an automatic diff: a number, name or date of the copy that the
 * source lacks while the source has another of that kind the copy lacks (a substitution), or a negation on
 * one side only. Offsets are into `copy`.
 */
export function changedFactsRound2(copy: string, source: string): FactDiff[] {
  const a = factsOf(copy, true);
  const b = factsOf(source, true);
  const out: FactDiff[] = [];
  for (const kind of ['number', 'name', 'date'] as const) {
    const inB = new Set(b.filter((x) => x.kind === kind).map((x) => x.text.toLowerCase()));
    const inA = new Set(a.filter((x) => x.kind === kind).map((x) => x.text.toLowerCase()));
    const onlyA = a.filter((x) => x.kind === kind && ![...inB].some((y) => same(x.text.toLowerCase(), y, kind)));
    const onlyB = [...inB].filter((y) => ![...inA].some((x) => same(x, y, kind)));
    if (onlyA.length && onlyB.length) out.push(...onlyA);
  }
  const negA = a.filter((x) => x.kind === 'negation');
  const negB = b.filter((x) => x.kind === 'negation');
  if (negA.length > negB.length) out.push(negA[negA.length - 1]);
  else if (negB.length > negA.length) out.push({ kind: 'negation', start: 0, end: copy.length, text: `(dropped "${negB[0].text}")` });
  return out;
}
