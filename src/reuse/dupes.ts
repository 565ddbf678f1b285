// Near-duplicate documents inside an index: minhash signatures bucketed by bands (LSH), candidate pairs
// verified on the texts themselves (Jaccard of content-word 3-shingles), clusters by union-find.
import type { Store } from '../store/store.js';
import { mix, tokenize } from './normalize.js';
import { SIGNATURE_SIZE, storedText } from './prepare.js';

export interface DuplicateCluster {
  /** Lowest pairwise similarity that joined the cluster (1 for exact copies). */
  similarity: number;
  docs: { id: string; similarity: number }[];
}

const ROWS = 2; // signature values per band: documents sharing a band of 2 are candidates
const MAX_BUCKET = 500; // a bucket this full is boilerplate shared by many documents

function shingles(text: string): Set<number> {
  const c = tokenize(text).filter((t) => t.content);
  const out = new Set<number>();
  for (let j = 0; j + 2 < c.length; j++) out.add(mix(mix(c[j].key, c[j + 1].key), c[j + 2].key));
  return out;
}

function jaccard(a: Set<number>, b: Set<number>): number {
  if (!a.size && !b.size) return 1;
  let inter = 0;
  const [small, big] = a.size <= b.size ? [a, b] : [b, a];
  for (const x of small) if (big.has(x)) inter++;
  return inter / (a.size + b.size - inter);
}

export async function findDuplicates(store: Store, opts: { threshold?: number } = {}): Promise<DuplicateCluster[]> {
  const threshold = opts.threshold ?? 0.8;
  const ids = new Map<number, string>();
  const buckets = new Map<string, number[]>();
  for await (const { n, id, sig } of store.signatures()) {
    ids.set(n, id);
    const v = new Int32Array(sig.buffer.slice(sig.byteOffset, sig.byteOffset + SIGNATURE_SIZE * 4));
    if (v.every((x) => x === 0x7fffffff)) continue; // no shingles: too short to compare
    for (let b = 0; b < SIGNATURE_SIZE / ROWS; b++) {
      const key = `${b}:${v[b * ROWS]}:${v[b * ROWS + 1]}`;
      const l = buckets.get(key);
      if (l) l.push(n);
      else buckets.set(key, [n]);
    }
  }
  const pairs = new Set<string>();
  for (const l of buckets.values()) {
    if (l.length < 2 || l.length > MAX_BUCKET) continue;
    for (let i = 0; i < l.length; i++) for (let j = i + 1; j < l.length; j++) pairs.add(l[i] < l[j] ? `${l[i]},${l[j]}` : `${l[j]},${l[i]}`);
  }
  const cache = new Map<number, Set<number>>();
  const sh = async (n: number) => {
    let s = cache.get(n);
    if (!s) {
      const d = (await store.docs([n])).get(n);
      s = d ? shingles(storedText(store, d)) : new Set();
      cache.set(n, s);
    }
    return s;
  };
  const parent = new Map<number, number>();
  const find = (x: number): number => {
    while (parent.has(x) && parent.get(x) !== x) x = parent.get(x)!;
    return x;
  };
  const best = new Map<number, number>();
  const linkSim = new Map<number, number>();
  for (const key of pairs) {
    const [a, b] = key.split(',').map(Number);
    const sim = jaccard(await sh(a), await sh(b));
    if (sim < threshold) continue;
    best.set(a, Math.max(best.get(a) ?? 0, sim));
    best.set(b, Math.max(best.get(b) ?? 0, sim));
    if (!parent.has(a)) parent.set(a, a);
    if (!parent.has(b)) parent.set(b, b);
    const ra = find(a);
    const rb = find(b);
    const low = Math.min(sim, linkSim.get(ra) ?? 1, linkSim.get(rb) ?? 1);
    if (ra !== rb) parent.set(rb, ra);
    linkSim.set(ra, low);
  }
  const clusters = new Map<number, number[]>();
  for (const n of parent.keys()) {
    const r = find(n);
    const l = clusters.get(r) ?? [];
    l.push(n);
    clusters.set(r, l);
  }
  const round = (x: number) => Math.round(x * 1000) / 1000;
  return [...clusters]
    .map(([r, ns]) => ({
      similarity: round(linkSim.get(r) ?? 1),
      docs: ns.map((n) => ({ id: ids.get(n)!, similarity: round(best.get(n) ?? 1) })).sort((x, y) => x.id.localeCompare(y.id)),
    }))
    .sort((x, y) => y.similarity - x.similarity || x.docs[0].id.localeCompare(y.docs[0].id));
}
