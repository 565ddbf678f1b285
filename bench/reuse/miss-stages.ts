/**
 * Where missed spun sentences are lost, by stage, from a `bench:reuse --misses FILE` file: counts only, so it
 * may be run on the held-out half without reading its sentences (`--show` prints them: tune or probe only).
 *
 *   npx tsx bench/reuse/miss-stages.ts FILE [--half held] [--min 0.3] [--show]
 *
 * Stages, per missed sentence against its labelled source sentence: retrieval (how many of the fingerprints
 * the index keeps for the source sentence the spun sentence still has), alignment (whether `align` accepts
 * the pair, and the share of content words matched by stem, synonym class or WordNet synonym), and the
 * meaning tier's verifier (its probability against its threshold). The stages are judged by the engine's
 * code as it is now, not as it was when the misses were written.
 */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { align } from '../../src/reuse/align.js';
import { compare, meaningSide } from '../../src/reuse/meaning.js';
import { contentKeys, tokenize } from '../../src/reuse/normalize.js';
import { FINGERPRINTS_PER_SENTENCE, pairFingerprints, selectFingerprints } from '../../src/reuse/prepare.js';
import { areSynonyms } from '../../src/reuse/synonyms.js';
import { VERIFIER } from '../../src/reuse/verifier-model.js';

const { values: args, positionals } = parseArgs({
  allowPositionals: true,
  options: { half: { type: 'string', default: 'held' }, min: { type: 'string', default: '0.3' }, show: { type: 'boolean', default: false } },
});
if (!positionals[0]) {
  console.error('usage: miss-stages.ts FILE [--half held] [--min 0.3] [--show]');
  process.exit(2);
}
if (args.show && args.half === 'held') {
  console.error('--show reads the sentences: not on the held-out half');
  process.exit(2);
}
const counts: Record<string, number> = {};
const inc = (k: string) => (counts[k] = (counts[k] ?? 0) + 1);
for (const line of readFileSync(positionals[0], 'utf8').split('\n')) {
  if (!line) continue;
  const m = JSON.parse(line);
  if (m.half !== args.half || m.set !== 'stitched' || m.label.kind !== 'spun' || !(m.label.strength >= Number(args.min)) || !m.source) continue;
  inc('missed');
  const q = tokenize(m.text);
  const s = tokenize(m.source);
  const keys: number[] = [];
  const flags: number[] = [];
  contentKeys(m.source, 0, m.source.length, keys, flags);
  const kept = new Set(selectFingerprints(keys, flags, FINGERPRINTS_PER_SENTENCE));
  const shared = pairFingerprints(q).filter((f) => kept.has(f)).length;
  inc(`retrieval: ${Math.min(shared, 2)}${shared >= 2 ? '+' : ''} indexed fingerprints kept`);
  const a = align(q, m.text, 0, m.text.length, s, m.source, 0, m.source.length);
  inc(`alignment: ${a ? 'accepted' : 'rejected'}`);
  const qc = q.filter((t) => t.content);
  const matched = qc.filter((t) => s.some((u) => u.content && (u.norm === t.norm || u.key === t.key || areSynonyms(t.norm, u.norm)))).length;
  const cov = qc.length ? matched / qc.length : 0;
  inc(`coverage by stem/synonym: ${cov >= 0.7 ? '>= 0.7' : cov >= 0.5 ? '0.5-0.7' : '< 0.5'}`);
  const c = compare(meaningSide(q, m.text, 0, m.text.length), meaningSide(s, m.source, 0, m.source.length));
  inc(`verifier: ${c.p >= VERIFIER.threshold ? 'accepts' : 'rejects'}`);
  if (args.show) console.log(`kept ${shared} align ${a?.similarity ?? '-'} coverage ${cov.toFixed(2)} p ${c.p.toFixed(2)}\n  ${m.text}\n  ${m.source}`);
}
for (const k of Object.keys(counts).sort()) console.log(`${k}: ${counts[k]}`);
