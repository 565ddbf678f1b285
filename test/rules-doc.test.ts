import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { textToArticle } from '../src/ingest/text.js';
import { analyzeArticle, allRules } from '../src/pipeline/analyze.js';
import type { Store } from '../src/store/store.js';
import { withSourceStore } from './helpers/source-store.js';

// docs/rules.md: every rule has an example that fires and one that passes; both are run here.
const doc = readFileSync(new URL('../docs/rules.md', import.meta.url), 'utf8');
const sections = doc.split(/^## /m).slice(1).map((s) => {
  const ruleId = s.split('\n')[0].trim();
  const blocks = [...s.matchAll(/```(fires|passes|source)\n([\s\S]*?)```/g)].map((m) => ({ kind: m[1], text: m[2] }));
  return { ruleId, blocks };
});

async function findingsOf(text: string, sources: string[]) {
  const article = textToArticle(text, { id: 'example', origin: null });
  const run = (store?: Store) => analyzeArticle(article, { store });
  const d = sources.length ? await withSourceStore(sources, run) : await run();
  return d.findings.map((f) => f.ruleId);
}

describe('docs/rules.md', () => {
  it('documents every rule the analyzers report', () => {
    const documented = new Set(sections.map((s) => s.ruleId));
    for (const r of allRules()) expect(documented, `rule ${r.id} is not in docs/rules.md`).toContain(r.id);
  });

  for (const { ruleId, blocks } of sections) {
    const sources = blocks.filter((b) => b.kind === 'source').map((b) => b.text);
    it(`${ruleId}: has an example that fires and one that passes`, () => {
      expect(blocks.some((b) => b.kind === 'fires')).toBe(true);
      expect(blocks.some((b) => b.kind === 'passes')).toBe(true);
    });
    for (const b of blocks.filter((x) => x.kind !== 'source')) {
      it(`${ruleId}: ${b.kind} "${b.text.split('\n').find((l) => l.trim())?.slice(0, 50)}"`, async () => {
        const ids = await findingsOf(b.text, sources);
        if (b.kind === 'fires') expect(ids).toContain(ruleId);
        else expect(ids).not.toContain(ruleId);
      });
    }
  }
});
