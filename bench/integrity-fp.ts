// False alarms of the no-corpus integrity rules on unaltered real articles: the share of articles with a
// warning-or-error finding of the coherence and consistency families, per rule.
//
//   npx tsx bench/integrity-fp.ts            # TimeBank 1.2 (dated: its creation time is the publication date)
//                                            # and the FakeNewsAMT legit half (undated)
//
// TimeBank is the set where the date rules (consistency/date, consistency/headline) can fire at all; the BBC
// articles have no date (bench/coherence.ts covers them).
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { textToArticle } from '../src/ingest/text.js';
import type { Article } from '../src/model/document.js';
import { analyzeArticle } from '../src/pipeline/analyze.js';
import { DATA } from './lib/data.js';
import { parseTml } from './timeml.js';

const SHOW = process.argv.includes('--show');
const FAMILIES = /^(?:coherence|consistency)\//;

async function run(name: string, articles: Article[]): Promise<void> {
  let warned = 0;
  const byRule = new Map<string, number>();
  const examples: string[] = [];
  for (const a of articles) {
    const doc = await analyzeArticle(a);
    const serious = doc.findings.filter((f) => FAMILIES.test(f.ruleId) && f.severity !== 'info');
    if (serious.length) warned++;
    for (const r of new Set(serious.map((f) => f.ruleId))) byRule.set(r, (byRule.get(r) ?? 0) + 1);
    if (SHOW) for (const f of serious) examples.push(`  ${a.id} ${f.ruleId}: ${f.message.slice(0, 160)}\n      ${doc.sentences[f.sentence ?? 0]?.text.slice(0, 220)}`);
  }
  console.log(`${name}: ${warned} of ${articles.length} articles (${((100 * warned) / articles.length).toFixed(1)}%) with a coherence/consistency warning`);
  for (const [r, n] of [...byRule].sort((x, y) => y[1] - x[1])) console.log(`  ${r}: ${n}`);
  if (SHOW) console.log(examples.join('\n'));
}

const tbDir = path.join(DATA, 'bench/timebank/TimeBank');
const timebank = readdirSync(tbDir)
  .filter((f) => f.endsWith('.tml'))
  .sort()
  .map((f) => {
    const d = parseTml(f, readFileSync(path.join(tbDir, f), 'utf8'));
    return { id: f, kind: 'text', origin: null, text: d.text.trim(), title: null, byline: null, published: /^\d{4}-\d{2}-\d{2}$/.test(d.dct) ? d.dct : null, url: null } as Article;
  });
await run('TimeBank 1.2', timebank);

const legitDir = path.join(DATA, 'corpora/fakenewsamt/fakeNewsDataset/legit');
const legit = readdirSync(legitDir)
  .filter((f) => f.endsWith('.txt'))
  .sort()
  .map((f) => textToArticle(readFileSync(path.join(legitDir, f), 'utf8'), { id: f, origin: null }));
await run('FakeNewsAMT legit', legit);
