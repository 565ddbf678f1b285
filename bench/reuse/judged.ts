/**
 * Links judged by hand, and the false-link rate they give (bench:reuse). A judgment names a traced sentence
 * (offsets into its article's body text) and the indexed document it was linked to, with what a person
 * reading both passages saw. Only offsets are stored: the text stays in ../shared/data.
 *
 * Verdicts: "reuse" (the same wording or a rewrite of it carried over, an outlet's own earlier copy
 * included), "quote" (only a quotation both carry), "stock" (a boilerplate or stock line: "Follow us on
 * ...", a standard sign-off), "independent" (no reuse: a false link).
 */
import { existsSync, readFileSync } from 'node:fs';

export type LinkVerdict = 'reuse' | 'quote' | 'stock' | 'independent';
export const LINK_VERDICTS: readonly LinkVerdict[] = ['reuse', 'quote', 'stock', 'independent'];

export interface LinkRef {
  /** The traced article. */
  id: string;
  start: number;
  end: number;
  /** The indexed document it was linked to. */
  to: string;
}

export interface JudgedLink extends LinkRef {
  verdict: LinkVerdict;
}

export const linkKey = (l: LinkRef) => `${l.id}|${l.start}|${l.end}|${l.to}`;

/** The judgments of an annotation file ({ about, links: [...] }), by link; an absent file gives none. */
export function loadJudgments(file: URL | string): Map<string, LinkVerdict> {
  const out = new Map<string, LinkVerdict>();
  if (!existsSync(file)) return out;
  for (const j of JSON.parse(readFileSync(file, 'utf8')).links as JudgedLink[]) {
    if (!LINK_VERDICTS.includes(j.verdict)) throw new Error(`${String(file)}: unknown verdict "${j.verdict}" for ${linkKey(j)}`);
    out.set(linkKey(j), j.verdict);
  }
  return out;
}

export interface FalseLinks {
  sentences: number;
  links: number;
  judged: Record<LinkVerdict, number>;
  unjudged: number;
  /** Independent and stock links, and every link no one judged (counted as false until read). */
  false: number;
  rate: number;
}

/**
 * The judged false-link rate over `sentences` sentences that should have no source: a link judged reuse
 * or quote is a true find (the "unindexed" article really carries indexed wording); independent, stock and
 * unjudged links are false.
 */
export function countFalseLinks(sentences: number, links: LinkRef[], judged: Map<string, LinkVerdict>): FalseLinks {
  const counts: Record<LinkVerdict, number> = { reuse: 0, quote: 0, stock: 0, independent: 0 };
  let unjudged = 0;
  for (const l of links) {
    const v = judged.get(linkKey(l));
    if (v) counts[v]++;
    else unjudged++;
  }
  const falseLinks = counts.independent + counts.stock + unjudged;
  return { sentences, links: links.length, judged: counts, unjudged, false: falseLinks, rate: sentences ? falseLinks / sentences : NaN };
}
