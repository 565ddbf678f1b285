/**
 * Property-based fuzzing of the whole pipeline (reader -> analyzeArticle over the registry -> buildReport ->
 * JSON): whatever the input, a case finishes within the bound, no exception escapes, the JSON parses and
 * validates against schema/report.schema.json, every offset lies inside the text and every `text` field is
 * the slice it claims to be, and the report's size stays linear in the input. A new analyzer in the registry
 * is covered without an edit here. Settings: test/fuzz/harness.ts (npm run fuzz for a long run).
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { encoded, htmlDoc, spliced, textDoc } from './arbitraries.js';
import { checkReport, expectHandled, params, Runner, testTimeout } from './harness.js';

const runner = new Runner();
beforeAll(() => runner.warm(), 120_000);
afterAll(() => runner.stop());
// Per property in CI: together about two minutes of one core.
const CI_MS = 40_000;
const published = fc.option(fc.constantFrom('2019-04-26', '2024-02-29', '1999-12-31'), { nil: undefined });

describe('fuzz: analyze pipeline', () => {
  it('text articles, with and without an index to trace against', async () => {
    await fc.assert(
      fc.asyncProperty(fc.oneof(textDoc, spliced), fc.boolean(), published, async (input, store, date) => {
        const r = await runner.run({ op: 'analyze', input, html: false, store, published: date });
        expectHandled(r, 'pipeline (text)');
        expect(r.ok, !r.ok ? r.userError : '').toBe(true);
        if (r.ok) checkReport(r.json!, input.length, r.sources);
      }),
      params(25, 0.3, CI_MS),
    );
  }, testTimeout(CI_MS, 0.3));

  it('HTML pages: a report or "no article text found"', async () => {
    await fc.assert(
      fc.asyncProperty(htmlDoc, fc.boolean(), async (input, store) => {
        const r = await runner.run({ op: 'analyze', input, html: true, store });
        expectHandled(r, 'pipeline (HTML)');
        if (!r.ok) {
          expect(r.userError).toMatch(/no article text found/);
          return;
        }
        checkReport(r.json!, input.length, r.sources);
      }),
      params(20, 0.25, CI_MS),
    );
  }, testTimeout(CI_MS, 0.25));

  it('bytes in odd encodings, through the decoder', async () => {
    await fc.assert(
      fc.asyncProperty(encoded(fc.oneof(textDoc, htmlDoc)), async (bytes) => {
        const r = await runner.run({ op: 'analyze', b64: bytes.toString('base64') });
        expectHandled(r, 'pipeline (bytes)');
        if (r.ok) checkReport(r.json!, bytes.length, r.sources);
      }),
      params(15, 0.15, CI_MS),
    );
  }, testTimeout(CI_MS, 0.15));
});
