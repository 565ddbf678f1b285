import winkNLP from 'wink-nlp';
import model from 'wink-eng-lite-web-model';

type Nlp = ReturnType<typeof winkNLP>;

/** The parts of wink-nlp's private lexeme cache that we reach (see `isolate`). */
interface WinkCache {
  lookup(text: string): number[] | null;
  add(text: string, category: number): number;
  intrinsicSize(): number;
  currentSize(): number;
}

// A fresh instance is made once this many words have been learned: wink keeps every new word of every
// document it reads, so a long batch would otherwise grow without bound.
const MAX_LEARNED = 200_000;

let instance: Nlp | null = null;
let cache: WinkCache | null = null;

/**
 * wink-nlp learns: every word it has not seen becomes a cached lexeme, and its tokenizer consults that
 * cache before splitting. On a fresh start "Trump's plan" gives "Trump" + "'s"; once a text ending in
 * "Trump's." has been read, "Trump's" is cached whole and comes out as one token — so a batch's results
 * depended on document order. We make lookups see only the model's own (intrinsic) lexicon, except while
 * wink adds a word (its features read the word back). Every document is then tokenized as on a fresh
 * start. The cache is private; wink hands it to the model's feature functions, so we catch it there.
 */
function create(): { nlp: Nlp; cache: WinkCache } {
  let caught: WinkCache | null = null;
  const featureFn = (config: unknown) => {
    const features = (model as unknown as { featureFn: (c: unknown) => Record<string, unknown> }).featureFn(config);
    const out: Record<string, unknown> = {};
    for (const [k, f] of Object.entries(features)) {
      out[k] =
        typeof f === 'function'
          ? (word: string, category: number, c: WinkCache) => {
              caught ??= c;
              return (f as (w: string, cat: number, c: WinkCache) => unknown)(word, category, c);
            }
          : f;
    }
    return out;
  };
  const nlp = winkNLP({ ...(model as object), featureFn } as unknown as typeof model);
  // Adding one unknown word makes wink call the feature functions with its cache.
  nlp.readDoc('unspunwarmupword');
  if (!caught) throw new Error('wink-nlp: could not reach the lexeme cache');
  const c: WinkCache = caught;
  const intrinsic = c.intrinsicSize();
  const lookup = c.lookup.bind(c);
  const add = c.add.bind(c);
  let adding = 0;
  c.add = (text, category) => {
    adding++;
    try {
      return add(text, category);
    } finally {
      adding--;
    }
  };
  c.lookup = (text) => {
    const r = lookup(text);
    return r && !adding && r.length === 1 && r[0] >= intrinsic ? null : r;
  };
  return { nlp, cache: c };
}

/** The shared wink-nlp instance (loading the model takes ~70 ms, so it is done once, lazily). */
export function nlp(): Nlp {
  if (!instance || !cache || cache.currentSize() - cache.intrinsicSize() > MAX_LEARNED) {
    const made = create();
    instance = made.nlp;
    cache = made.cache;
  }
  return instance;
}
