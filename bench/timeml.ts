// TimeML (TimeBank 1.2) reading and TempEval-3-style scoring, shared by bench/time.ts and the TimeBank test.

export interface Timex {
  start: number;
  end: number;
  type: string;
  value: string | null;
  text: string;
}

export interface Doc {
  name: string;
  text: string;
  dct: string;
  gold: Timex[];
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/** Strips the TimeML tags of <TEXT>, keeping the offsets of each TIMEX3 in the plain text. */
export function parseTml(name: string, xml: string): Doc {
  const dctTag = /<TIMEX3[^>]*functionInDocument="CREATION_TIME"[^>]*>/.exec(xml);
  const dct = dctTag ? (/value="([^"]+)"/.exec(dctTag[0])?.[1] ?? '').slice(0, 10) : '';
  const from = xml.indexOf('<TEXT>');
  const to = xml.indexOf('</TEXT>');
  const body = xml.slice(from + 6, to);
  let text = '';
  const gold: Timex[] = [];
  let open: { start: number; type: string; value: string | null } | null = null;
  const re = /<(\/?)([A-Za-z0-9]+)([^>]*)>|&(\w+);|[^<&]+|[<&]/g;
  for (let m = re.exec(body); m; m = re.exec(body)) {
    if (m[2]) {
      if (m[2] !== 'TIMEX3') continue;
      if (m[1]) {
        if (open) gold.push({ start: open.start, end: text.length, type: open.type, value: open.value, text: text.slice(open.start) });
        open = null;
      } else {
        const type = /type="([^"]+)"/.exec(m[3])?.[1] ?? 'DATE';
        const value = /value="([^"]*)"/.exec(m[3])?.[1] ?? null;
        open = { start: text.length, type, value };
      }
    } else if (m[4]) text += ENTITIES[m[4]] ?? m[0];
    else text += m[0];
  }
  // Leading and trailing white space inside a TIMEX3 is not part of the expression.
  for (const g of gold) {
    while (g.start < g.end && /\s/.test(text[g.start])) g.start++;
    while (g.end > g.start && /\s/.test(text[g.end - 1])) g.end--;
    g.text = text.slice(g.start, g.end);
  }
  return { name, text, dct, gold };
}

export interface Sys {
  start: number;
  end: number;
  value: string | null;
  type: string;
}

export interface Counts {
  gold: number;
  sys: number;
  strict: number;
  relaxed: number;
  value: number;
}
export const zero = (): Counts => ({ gold: 0, sys: 0, strict: 0, relaxed: 0, value: 0 });

/** One-to-one matching: exact spans first, then the largest overlaps. */
export function score(gold: Timex[], sys: Sys[], c: Counts, perType?: Map<string, Counts>, errors?: string[], doc?: Doc): void {
  c.gold += gold.length;
  c.sys += sys.length;
  const used = new Set<number>();
  const pair = new Map<number, number>();
  gold.forEach((g, gi) => {
    const si = sys.findIndex((s, i) => !used.has(i) && s.start === g.start && s.end === g.end);
    if (si >= 0) {
      used.add(si);
      pair.set(gi, si);
    }
  });
  gold.forEach((g, gi) => {
    if (pair.has(gi)) return;
    let best = -1;
    let bestOverlap = 0;
    sys.forEach((s, i) => {
      if (used.has(i)) return;
      const o = Math.min(s.end, g.end) - Math.max(s.start, g.start);
      if (o > bestOverlap) {
        bestOverlap = o;
        best = i;
      }
    });
    if (best >= 0) {
      used.add(best);
      pair.set(gi, best);
    }
  });
  gold.forEach((g, gi) => {
    const t = perType ? (perType.get(g.type) ?? perType.set(g.type, zero()).get(g.type)!) : null;
    if (t) t.gold++;
    const si = pair.get(gi);
    if (si === undefined) {
      if (errors && doc) errors.push(`MISS  ${g.type} ${g.value}\t"${g.text}"\t(${doc.name})`);
      return;
    }
    const s = sys[si];
    c.relaxed++;
    if (t) t.relaxed++;
    if (s.start === g.start && s.end === g.end) c.strict++;
    else if (errors && doc) errors.push(`SPAN  gold="${g.text}" sys="${doc.text.slice(s.start, s.end)}"`);
    if (s.value === g.value) {
      c.value++;
      if (t) t.value++;
    } else if (errors && doc)
      errors.push(`VALUE ${g.type} gold=${g.value} sys=${s.value}\t"${g.text}" ~ "${doc.text.slice(s.start, s.end)}"\tdct=${doc.dct} (${doc.name})`);
  });
  if (errors && doc)
    sys.forEach((s, i) => {
      if (!used.has(i)) errors.push(`EXTRA ${s.type} ${s.value}\t"${doc.text.slice(s.start, s.end)}"\t(${doc.name})`);
    });
}
