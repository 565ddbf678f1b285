/**
 * `npx tsx bench/paraphrase/doc-negatives.ts [--count 300]`: a tune-side negative set for the document pass
 * (src/reuse/trace-document.ts). BBC articles of bench:reuse's tuning material (even positions, seed 1) are
 * left out of the index and traced against the rest: the BBC writes many stories of one shape (results,
 * monthly figures, award nights), so each has indexed neighbours it does not copy. Prints how many sentences
 * each kind of link reaches (counts only); a document-pass link here is almost always false (the BBC's own
 * rewrites aside). The held-out half's unindexed articles are never read. `--show` prints every link with
 * both texts (BBC text: for reading, not for the repository).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { listBbc, loadSourceDoc, sharedTextDocs } from '../lib/reuse-corpus.js';
import { loadEngine } from '../lib/reuse-engine.js';
import { prng } from '../reuse/generate.js';

const { values: args } = parseArgs({ options: { count: { type: 'string', default: '300' }, show: { type: 'boolean', default: false } } });
const docs = listBbc().map(loadSourceDoc);
const dupes = sharedTextDocs(docs.map((d) => ({ id: d.id, text: d.article.text })));
const clean = docs.filter((d) => !dupes.has(d.id));
// As bench/reuse/run.ts with seed 1: the first 200 of this order are its unindexed articles (both halves).
const r = prng(1 ^ 0x5eed);
const order = clean.map((d) => ({ d, k: r() })).sort((a, b) => a.k - b.k).map((x) => x.d);
const unindexed = new Set(order.slice(0, 200).map((d) => d.id));
const material = docs.filter((d) => !unindexed.has(d.id) && !dupes.has(d.id));
const tune = material.filter((_, i) => i % 2 === 0);
const pick = prng(7);
const out = new Set(tune.map((d) => ({ d, k: pick() })).sort((a, b) => a.k - b.k).slice(0, Number(args.count)).map((x) => x.d.id));
const engine = await loadEngine();
const dir = mkdtempSync(join(tmpdir(), 'unspun-docneg-'));
const store = await engine.openStore(join(dir, 'bbc.db'), { create: true });
// Indexed: everything but the left-out tune articles and the 200 unindexed originals of bench:reuse.
await engine.indexArticles(store, docs.filter((d) => !out.has(d.id) && !unindexed.has(d.id)).map((d) => d.article), { workers: 0 });
let sentences = 0;
const kinds: Record<string, number> = {};
const arts = new Set<string>();
for (const d of docs.filter((x) => out.has(x.id))) {
  const { report } = await engine.trace(d.article, store);
  for (const s of report.sentences) {
    if (s.role !== 'body') continue;
    sentences++;
    const m = s.sources[0];
    if (!m) continue;
    kinds[m.kind] = (kinds[m.kind] ?? 0) + 1;
    if (m.kind === 'paraphrased') arts.add(d.id);
    if (args.show) console.log(`${d.id} -> ${m.docId} [${m.kind} ${(m as { confidence?: number }).confidence ?? m.similarity}]\n  Q: ${s.text}\n  S: ${m.text}`);
  }
}
await store.close();
rmSync(dir, { recursive: true, force: true });
console.log(`${out.size} tune BBC articles left out of the index, ${sentences} body sentences: linked ${Object.entries(kinds).map(([k, n]) => `${k} ${n}`).join(', ')}; paraphrased in ${arts.size} articles`);
