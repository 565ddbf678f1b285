/**
 * Synthetic news-like corpora for the speed benchmark: no third-party text. A Zipf-distributed vocabulary
 * (English function words at the top ranks, invented words below) gives sentences of 8–30 words and
 * articles of ~600 words; article i is a pure function of (seed, i), so any article can be regenerated for
 * trace queries without keeping the corpus in memory.
 */
import type { Article } from '../../src/model/document.js';
import { prng } from '../reuse/generate.js';

const FUNCTION_WORDS =
  'the of to and a in that is for on it with as was he said at by be his from have has are this an but not they were had who will its their which after been more one would also new people about than two year first over there when up into she last out other her government could we all.'.split(
    ' ',
  );
const SYLLABLES = 'ba be bi bo bu ca ce co da de di do fa fe fi ga go ha he hi ka ke ko la le li lo lu ma me mi mo na ne ni no pa pe pi po ra re ri ro ru sa se si so ta te ti to va ve vi vo za zo ton ber ling mar ster'.split(' ');

export interface Vocabulary {
  words: string[];
  /** Cumulative Zipf weights, for sampling by binary search. */
  cdf: Float64Array;
}

export function vocabulary(size = 50_000, exponent = 1.07, seed = 42): Vocabulary {
  const r = prng(seed);
  const words: string[] = FUNCTION_WORDS.map((w) => w.replace(/\.$/, ''));
  const seen = new Set(words);
  while (words.length < size) {
    const n = 2 + Math.floor(r() * 3);
    let w = '';
    for (let i = 0; i < n; i++) w += SYLLABLES[Math.floor(r() * SYLLABLES.length)];
    if (!seen.has(w)) {
      seen.add(w);
      words.push(w);
    }
  }
  const cdf = new Float64Array(size);
  let acc = 0;
  for (let i = 0; i < size; i++) cdf[i] = acc += 1 / Math.pow(i + 1, exponent);
  for (let i = 0; i < size; i++) cdf[i] /= acc;
  return { words, cdf };
}

export function sampleWord(v: Vocabulary, r: () => number): string {
  const x = r();
  let lo = 0;
  let hi = v.cdf.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (v.cdf[mid] < x) lo = mid + 1;
    else hi = mid;
  }
  return v.words[lo];
}

export function sentence(v: Vocabulary, r: () => number): string {
  const n = 8 + Math.floor(r() * 23);
  const w: string[] = [];
  for (let i = 0; i < n; i++) w.push(sampleWord(v, r));
  // A comma now and then, and a capitalised "name" so the text has some shape.
  if (n > 14) w[Math.floor(n / 2)] += ',';
  if (r() < 0.5) {
    const k = 1 + Math.floor(r() * (n - 2));
    w[k] = w[k][0].toUpperCase() + w[k].slice(1);
  }
  const s = w.join(' ');
  return s[0].toUpperCase() + s.slice(1) + '.';
}

/** Article `i` of corpus `seed`: ~30 sentences (~600 words) in paragraphs of 2–4 sentences. */
export function syntheticArticle(v: Vocabulary, seed: number, i: number, sentences = 30): Article {
  const r = prng((seed * 2654435761 + i * 40503) >>> 0);
  const paras: string[] = [];
  let cur: string[] = [];
  let target = 2 + Math.floor(r() * 3);
  for (let k = 0; k < sentences; k++) {
    cur.push(sentence(v, r));
    if (cur.length >= target) {
      paras.push(cur.join(' '));
      cur = [];
      target = 2 + Math.floor(r() * 3);
    }
  }
  if (cur.length) paras.push(cur.join(' '));
  return { id: `synth/${seed}/${i}`, kind: 'text', origin: null, text: paras.join('\n\n'), title: null, byline: null, published: null, url: null };
}

/**
 * A query article drawn from the corpus: its sentences, some shuffled, with `share` of the words of half
 * of them replaced by other vocabulary words (a spinner without a thesaurus), and 2 fresh sentences.
 */
export function queryArticle(v: Vocabulary, source: Article, seed: number, share = 0.2): Article {
  const r = prng(seed);
  const sents = source.text.split(/(?<=\.)\s+/);
  const out = sents.map((s) => {
    if (r() < 0.5) return s;
    return s
      .split(' ')
      .map((w) => (r() < share ? sampleWord(v, r) + (/[.,]$/.test(w) ? w.slice(-1) : '') : w))
      .join(' ');
  });
  for (let k = 0; k < 2; k++) out.splice(Math.floor(r() * out.length), 1, sentence(v, r));
  if (out.length > 3) {
    const i = Math.floor(r() * (out.length - 1));
    [out[i], out[i + 1]] = [out[i + 1], out[i]];
  }
  const paras: string[] = [];
  for (let i = 0; i < out.length; i += 3) paras.push(out.slice(i, i + 3).join(' '));
  return { ...source, id: `query/${seed}`, text: paras.join('\n\n') };
}
