/**
 * `npx tsx bench/paraphrase/amt.ts`: FakeNewsAMT through the whole engine, alone (the same measure as
 * bench:reuse's paraphrase (b), without the BBC half, so the meaning tier can be iterated on quickly).
 *
 * The 240 legit articles are indexed, each fake traced; a fake counts as traced to its twin when one of its
 * body sentences' first source is the legit article of the same stem, and to a wrong document when any is
 * another one. Changed facts: the automatic diff of bench/reuse/facts.ts on each sentence traced to the twin,
 * named when a `reuse/altered-fact` finding overlaps it. Halves as bench:reuse: odd story numbers tune, even
 * held (report only). --missed also prints those findings (EXTRA).
 *
 *   npx tsx bench/paraphrase/amt.ts [--wrong] [--missed] [--half tune|held]
 *   (--wrong, --missed: print the wrong links / the fakes missed and facts not named, third-party text: not for
 *   the repo; --half: trace that half's fakes only, so that tuning never prints the held half)
 */
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { dataDir, readArticle } from '../lib/reuse-corpus.js';
import { loadEngine } from '../lib/reuse-engine.js';
import { changedFacts, changedFactsRound2, namedFacts } from '../reuse/facts.js';

const { values: args } = parseArgs({ options: { wrong: { type: 'boolean', default: false }, missed: { type: 'boolean', default: false }, half: { type: 'string' } } });
const root = join(dataDir(), 'corpora/fakenewsamt/fakeNewsDataset');
if (!existsSync(root)) throw new Error(`${root}: FakeNewsAMT not found`);
type Half = 'tune' | 'held';
const half = (id: string): Half => (Number(/(\d+)\.(?:fake|legit)\.txt$/.exec(id)![1]) % 2 ? 'tune' : 'held');
const load = (sub: string) =>
  readdirSync(join(root, sub))
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((f) => readArticle(join(root, sub, f), `fakenewsamt/${sub}/${f}`));
const twinOf = (id: string) => `fakenewsamt/legit/${id.split('/').pop()!.replace(/\.fake\.txt$/, '')}.legit.txt`;

const engine = await loadEngine();
const dir = mkdtempSync(join(tmpdir(), 'unspun-amt-'));
const store = await engine.openStore(join(dir, 'amt.db'), { create: true });
await engine.indexArticles(store, load('legit'), { workers: 0 });
const st = new Map<Half, { fakes: number; twin: number; wrong: number; sents: number; sentsTwin: number; sentsWrong: number; kinds: Record<string, number>; facts: Record<string, [number, number]>; facts2: [number, number]; extra: number; noteOnly?: number }>();
for (const h of ['tune', 'held'] as const) st.set(h, { fakes: 0, twin: 0, wrong: 0, sents: 0, sentsTwin: 0, sentsWrong: 0, kinds: {}, facts: {}, facts2: [0, 0], extra: 0 });
for (const a of load('fake')) {
  if (args.half && half(a.id) !== args.half) continue;
  const s = st.get(half(a.id))!;
  s.fakes++;
  const twin = twinOf(a.id);
  const { report } = await engine.trace(a, store);
  let toTwin = false;
  let toWrong = false;
  report.sentences.forEach((x, i) => {
    if (x.role !== 'body') return;
    s.sents++;
    const m = x.sources[0];
    if (!m) return;
    if (m.docId !== twin) {
      s.sentsWrong++;
      toWrong = true;
      if (args.wrong) console.log(`WRONG ${a.id} -> ${m.docId} [${m.kind}]\n  Q: ${x.text}\n  S: ${m.text}`);
      return;
    }
    s.sentsTwin++;
    toTwin = true;
    s.kinds[m.kind] = (s.kinds[m.kind] ?? 0) + 1;
    const named = (report.findings ?? []).filter((f) => f.ruleId === 'reuse/altered-fact' && f.sentence === i);
    const overlaps = (n: { start: number; end: number }, f: { start: number; end: number }) => n.start < x.start + f.end && x.start + f.start < n.end;
    const diffed = changedFacts(x.text, m.text ?? '');
    for (const f of changedFactsRound2(x.text, m.text ?? '')) {
      s.facts2[0]++;
      if (named.some((n) => overlaps(n, f))) s.facts2[1]++;
    }
    // Findings on no fact the diff sees changed: wrong, or a change the diff cannot see (a verdict word).
    for (const n of named) {
      if (diffed.some((f) => [f, ...(f.among ?? [])].some((g) => overlaps(n, g)))) continue;
      s.extra++;
      if (args.missed) console.log(`EXTRA ${(n.data as { kind?: string })?.kind} "${x.text.slice(n.start - x.start, n.end - x.start)}" in ${a.id} [${m.kind}]\n  Q: ${x.text}\n  S: ${m.text}`);
    }
    const hits = namedFacts(diffed, (start, end) => named.some((n) => overlaps(n, { start, end })));
    for (const [k, f] of diffed.entries()) {
      const cell = (s.facts[f.kind] ??= [0, 0]);
      cell[0]++;
      if (hits[k]) cell[1]++;
      else if (args.missed) console.log(`UNNAMED ${f.kind} "${f.text}" in ${a.id} [${m.kind}; named: ${named.map((n) => `${(n.data as { kind?: string })?.kind} "${x.text.slice(n.start - x.start, n.end - x.start)}"`).join(', ') || 'none'}]\n  Q: ${x.text}\n  S: ${m.text}`);
    }
  });
  if (!toTwin && (report.findings ?? []).some((f) => f.ruleId === 'reuse/altered-fact' && (f.data as { docId?: string })?.docId === twin)) s.noteOnly = (s.noteOnly ?? 0) + 1;
  if (toTwin) s.twin++;
  if (toWrong) s.wrong++;
  if (args.missed && !toTwin) console.log(`MISSED ${a.id}`);
}
await store.close();
rmSync(dir, { recursive: true, force: true });
for (const [h, s] of st) {
  if (args.half && h !== args.half) continue;
  const facts = Object.values(s.facts).reduce((a, [n, k]) => [a[0] + n, a[1] + k], [0, 0]);
  console.log(
    `FakeNewsAMT ${h} half: ${s.twin}/${s.fakes} (${((100 * s.twin) / s.fakes).toFixed(0)}%) fakes traced to their twin, ${s.wrong} to a wrong document; ` +
      `sentences ${s.sentsTwin} to twin (${Object.entries(s.kinds).map(([k, n]) => `${k} ${n}`).join(', ')}), ${s.sentsWrong} wrong, of ${s.sents}; ` +
      `altered-fact notes only (untraced) ${s.noteOnly ?? 0}; changed facts named ${facts[1]}/${facts[0]} (${Object.entries(s.facts).map(([k, [n, x]]) => `${k} ${x}/${n}`).join(', ')}); ` +
      `by the round-2 diff ${s.facts2[1]}/${s.facts2[0]}; findings on no diffed fact ${s.extra}`,
  );
}
