/**
 * Facts a copy changed against its source, found by an automatic diff (bench:reuse, FakeNewsAMT): what
 * `reuse/altered-fact` should name. Shares no code with the engine's own fact comparison.
 */
export interface FactDiff {
  kind: 'number' | 'name' | 'date' | 'negation';
  start: number;
  end: number;
  text: string;
}

const MONTHS_DAYS = /^(january|february|march|april|may|june|july|august|september|october|november|december|monday|tuesday|wednesday|thursday|friday|saturday|sunday)$/i;
const NUMBER_WORD = /^(one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|forty|fifty|hundred|thousand|million|billion|dozen)$/i;

/** Numbers, names (capitalised words past the first), dates and negations of a text, with offsets. */
function factsOf(text: string): FactDiff[] {
  const out: FactDiff[] = [];
  for (const m of text.matchAll(/\$?\d[\d,.]*(?:%| per ?cent)?|\b[A-Z][\p{L}'’-]+(?: [A-Z][\p{L}'’-]+)*|\b[\p{L}]+(?:n['’]t)?\b/gu)) {
    const w = m[0];
    const at = m.index!;
    let kind: FactDiff['kind'] | null = null;
    if (/^\$?\d/.test(w) || NUMBER_WORD.test(w)) kind = 'number';
    else if (/^(not|no|never|without|nobody|nothing|none)$/i.test(w) || /n['’]t$/i.test(w)) kind = 'negation';
    else if (/^[A-Z]/.test(w) && at > 0 && !/[.!?"“]\s*$/.test(text.slice(0, at))) kind = w.split(' ').every((x) => MONTHS_DAYS.test(x)) ? 'date' : 'name';
    if (kind) out.push({ kind, start: at, end: at + w.length, text: w.replace(/[.,]$/, '') });
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

/**
 * Facts a copy changed against its source, by an automatic diff: a number, name or date of the copy that the
 * source lacks while the source has another of that kind the copy lacks (a substitution), or a negation on
 * one side only. Offsets are into `copy`.
 */
export function changedFacts(copy: string, source: string): FactDiff[] {
  const a = factsOf(copy);
  const b = factsOf(source);
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
