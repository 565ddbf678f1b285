/**
 * Property-based fuzzing of configuration checking: any JSON value is either accepted as a configuration that
 * only names known rules, families and analyzers with valid values, or refused with a one-line UserError; an
 * accepted one never puts a severity outside info|warning|error into a report. Runs in-process (fast).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { textToArticle } from '../../src/ingest/text.js';
import { UserError } from '../../src/model/errors.js';
import { allRules, analyzeArticle } from '../../src/pipeline/analyze.js';
import { parseConfig, RULE_SETTINGS, type Config } from '../../src/pipeline/config.js';
import { params, testTimeout } from './harness.js';

const rules = allRules();
const ids = rules.map((r) => r.id);
const families = [...new Set(ids.map((id) => id.split('/')[0]))];
const names = [...new Set(rules.map((r) => r.analyzer)), 'segment'];
// Known keys and values mixed with near misses and junk, so that both sides of the check are exercised.
const ruleKey = fc.oneof(fc.constantFrom(...ids, ...families), fc.constantFrom('spin', 'quote/', '/x', 'QUOTE', 'quote/unattributed ', '__proto__', 'constructor'), fc.string({ maxLength: 12 }));
const setting = fc.oneof(fc.constantFrom(...RULE_SETTINGS), fc.constantFrom('fatal', 'Error', 'OFF', '', 0, 1, true, null), fc.jsonValue({ maxDepth: 1 }));
const config = fc.oneof(
  { weight: 4, arbitrary: fc.record({ rules: fc.dictionary(ruleKey, setting, { maxKeys: 4 }), analyzers: fc.dictionary(fc.oneof(fc.constantFrom(...names), fc.string({ maxLength: 8 })), fc.oneof(fc.boolean(), fc.jsonValue({ maxDepth: 0 })), { maxKeys: 3 }) }, { requiredKeys: [] }) },
  { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 3 }) },
);

const article = textToArticle('The bridge over the Arle reopened on Monday.\n\n"Nobody in this town expected the work to take this long."\n\nShare this article', { id: 'c', origin: null });

describe('fuzz: configuration', () => {
  it('any JSON value: a valid config, or one line naming the problem; valid configs give valid severities', async () => {
    await fc.assert(
      fc.asyncProperty(config, async (value) => {
        let c: Config;
        try {
          c = parseConfig(value);
        } catch (e) {
          expect(e).toBeInstanceOf(UserError);
          expect((e as Error).message).toMatch(/^config: [^\n]+$/);
          return;
        }
        for (const [k, v] of Object.entries(c.rules ?? {})) {
          expect([...ids, ...families]).toContain(k);
          expect(RULE_SETTINGS).toContain(v);
        }
        for (const [k, v] of Object.entries(c.analyzers ?? {})) {
          expect(names).toContain(k);
          expect(typeof v).toBe('boolean');
          if (k === 'segment') expect(v).toBe(true);
        }
        const doc = await analyzeArticle(article, { config: c });
        for (const f of doc.findings) {
          expect(['info', 'warning', 'error']).toContain(f.severity);
          const setting = c.rules?.[f.ruleId] ?? c.rules?.[f.ruleId.split('/')[0]];
          if (setting) expect(f.severity).toBe(setting);
        }
      }),
      params(150, 0.02, 30_000),
    );
    // The long run (npm run fuzz) gives this property its share of FUZZ_SECONDS: the timeout follows it.
  }, testTimeout(30_000, 0.02));
});
