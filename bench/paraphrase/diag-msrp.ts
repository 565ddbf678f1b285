/**
 * Where MSRP fit-half pairs are won and lost through the index (fit half only; never the held-out half, never
 * the test split). Prints counts by cause; OUT=file writes the rows (third-party text: keep it outside the
 * project).
 *
 *   npx tsx bench/paraphrase/diag-msrp.ts [--out /tmp/rows.json]
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import type { Article } from '../../src/model/document.js';
import { textToArticle } from '../../src/ingest/text.js';
import { align } from '../../src/reuse/align.js';
import { liftedRuns } from '../../src/reuse/fragment.js';
import { indexArticles, openStore, traceSentences } from '../../src/reuse/index.js';
import { compare, meaningSide } from '../../src/reuse/meaning.js';
import { tokenize } from '../../src/reuse/normalize.js';
import { splitSentences } from '../../src/reuse/split.js';
import { debugMeaning, enoughToParaphrase, firmEvidence } from '../../src/reuse/trace-meaning.js';
import { SENTENCE_SLOTS } from '../../src/reuse/prepare.js';
import { VERIFIER } from '../../src/reuse/verifier-model.js';
import { msrpTrain } from './pairs.js';

const { values: args } = parseArgs({ options: { out: { type: 'string' } } });
const pairs = msrpTrain().fit;
const tmp = mkdtempSync(path.join(os.tmpdir(), 'unspun-diag-'));
const file = path.join(tmp, 'i.db');
const store = await openStore(file, { create: true });
const article = (id: string, text: string): Article => ({ ...textToArticle(text, { id, origin: null }), text });
await indexArticles(store, pairs.map((p, k) => article(`p${k}`, p.a)), { workers: 0 });
const rows: Record<string, unknown>[] = [];
const count = new Map<string, number>();
const inc = (k: string) => count.set(k, (count.get(k) ?? 0) + 1);
const idOf = new Map<number, string>();
const docIds = async (sids: number[]) => {
  const ns = [...new Set(sids.map((s) => Math.floor(s / SENTENCE_SLOTS)))].filter((n) => !idOf.has(n));
  if (ns.length) for (const [n, d] of await store.docs(ns)) idOf.set(n, d.id);
  return sids.map((s) => idOf.get(Math.floor(s / SENTENCE_SLOTS)));
};
let seen: { found: number[]; read: number[]; compared: number[] } | null = null;
debugMeaning.onCandidates = (_i, found, read, compared) => {
  seen ??= { found: [], read: [], compared: [] };
  seen.found.push(...found);
  seen.read.push(...read);
  seen.compared.push(...compared);
};
for (const [k, p] of pairs.entries()) {
  seen = null;
  const spans = splitSentences(p.b);
  const out = await traceSentences(store, p.b, spans.length ? spans : [{ start: 0, end: p.b.length }]);
  const all = out.flat();
  const m = seen as { found: number[]; read: number[]; compared: number[] } | null;
  const stage = !m ? 'no-meaning' : (await docIds(m.compared)).includes(`p${k}`) ? 'compared' : (await docIds(m.read)).includes(`p${k}`) ? 'read' : (await docIds(m.found)).includes(`p${k}`) ? 'found' : 'not-found';
  const own = all.find((m) => m.docId === `p${k}`);
  const other = all.find((m) => m.docId !== `p${k}`);
  const qt = tokenize(p.b);
  const st = tokenize(p.a);
  const q = meaningSide(qt, p.b, 0, p.b.length);
  const s = meaningSide(st, p.a, 0, p.a.length);
  const lex = align(qt, p.b, 0, p.b.length, st, p.a, 0, p.a.length);
  const cmp = compare(q, s);
  const enough = enoughToParaphrase(q, s, cmp.p);
  const frag = liftedRuns(q, s).length > 0;
  const verif = cmp.p >= VERIFIER.threshold;
  const pairYes = !!lex || frag || (verif && !cmp.facts.length && enough);
  let cause: string;
  if (own) cause = `traced:${own.kind}`;
  else if (pairYes) cause = other ? `lost:other-${other.kind}` : `lost:${lex ? 'lexical' : frag ? 'fragment' : 'verifier'}-${stage}`;
  else if (other) cause = `no:other-${other.kind}`;
  else if (!verif) cause = 'no:p-low';
  else if (cmp.facts.length) cause = `no:facts`;
  else cause = 'no:not-enough';
  inc(`${p.label} ${cause}`);
  rows.push({ k, label: p.label, a: p.a, b: p.b, cause, own: own?.kind, other: other ? `${other.docId}:${other.kind}` : undefined, lex: lex?.kind, frag, p: Number(cmp.p.toFixed(3)), facts: cmp.facts.map((f) => `${f.kind}:${f.from}->${f.to}`), enough, ev: firmEvidence(q, s), words: q.words.length, nSent: spans.length, stage });
}
await store.close();
rmSync(tmp, { recursive: true, force: true });
const pos = pairs.filter((p) => p.label).length;
for (const [k, v] of [...count].sort()) console.log(`${k.padEnd(40)} ${v}  (${((100 * v) / (k.startsWith('1') ? pos : pairs.length - pos)).toFixed(1)}%)`);
if (args.out) writeFileSync(args.out, JSON.stringify(rows, null, 1));
