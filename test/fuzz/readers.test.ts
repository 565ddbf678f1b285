/**
 * Property-based fuzzing of the readers (text, HTML, bytes through the decoder, JSON Lines): whatever the
 * input, each finishes within the bound with an article or a one-line user error, never an exception.
 * See test/fuzz/harness.ts for the settings (npm run fuzz for a long run; FUZZ_SEED/FUZZ_PATH to replay).
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deep, encoded, htmlDoc, jsonl, spliced, textDoc } from './arbitraries.js';
import { expectHandled, params, Runner, testTimeout } from './harness.js';
import type { ArticleOut } from './shared.js';

const runner = new Runner();
// Per property in CI: the four share about two minutes of one core.
const CI_MS = 30_000;
beforeAll(() => runner.warm(), 120_000);
afterAll(() => runner.stop());

function checkArticle(a: ArticleOut) {
  expect(typeof a.text).toBe('string');
  for (const k of ['title', 'byline', 'url'] as const) expect(a[k] === null || typeof a[k] === 'string').toBe(true);
  if (a.published !== null) {
    expect(a.published).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    // A real calendar day, not 2019-02-30.
    expect(new Date(`${a.published}T00:00:00Z`).toISOString().slice(0, 10)).toBe(a.published);
  }
}

describe('fuzz: readers', () => {
  it('text: the body is a piece of the input, header and outer blank space aside', async () => {
    await fc.assert(
      fc.asyncProperty(fc.oneof(textDoc, spliced), async (text) => {
        const r = await runner.run({ op: 'text', text });
        expectHandled(r, 'text reader');
        expect(r.ok, !r.ok ? r.userError : '').toBe(true);
        if (!r.ok) return;
        checkArticle(r.article!);
        expect(text.replace(/\r\n?/g, '\n').includes(r.article!.text)).toBe(true);
      }),
      params(40, 0.06, CI_MS),
    );
  }, testTimeout(CI_MS, 0.06));

  it('HTML: an article with text, or "no article text found"', async () => {
    await fc.assert(
      fc.asyncProperty(fc.oneof({ weight: 4, arbitrary: htmlDoc }, { weight: 1, arbitrary: deep }), async (html) => {
        const r = await runner.run({ op: 'html', html });
        expectHandled(r, 'HTML reader');
        if (!r.ok) {
          expect(r.userError).toMatch(/no article text found/);
          return;
        }
        checkArticle(r.article!);
        expect(r.article!.text.trim().length).toBeGreaterThan(0);
      }),
      params(40, 0.1, CI_MS),
    );
  }, testTimeout(CI_MS, 0.1));

  it('bytes in any encoding: decoded to text or refused in one line (empty, binary)', async () => {
    await fc.assert(
      fc.asyncProperty(encoded(fc.oneof(textDoc, htmlDoc)), fc.boolean(), async (bytes, asHtml) => {
        const r = await runner.run({ op: 'bytes', b64: bytes.toString('base64'), name: asHtml ? 'fuzz.html' : 'fuzz.txt', html: asHtml ? undefined : false });
        expectHandled(r, 'decoder');
        if (r.ok) checkArticle(r.article!);
      }),
      params(40, 0.06, CI_MS),
    );
  }, testTimeout(CI_MS, 0.06));

  it('JSON Lines: one item per non-blank line, each an article or an error line', async () => {
    await fc.assert(
      fc.asyncProperty(jsonl, async (content) => {
        const r = await runner.run({ op: 'jsonl', content });
        expectHandled(r, 'JSONL reader');
        expect(r.ok).toBe(true);
        if (!r.ok) return;
        const lines = content.split(/\r\n|\r|\n/).filter((l) => l.trim());
        expect(r.items!.length).toBe(lines.length);
        for (const it of r.items!) {
          if (it.ok) checkArticle(it.article);
          else expect(it.message).not.toMatch(/\n/);
        }
        // A byte-order mark (as Windows tools write one) changes nothing.
        if (content.startsWith('\ufeff')) {
          const plain = await runner.run({ op: 'jsonl', content: content.slice(1) });
          expectHandled(plain, 'JSONL reader');
          // The two runs read files of different names: ids and origins differ, nothing else may.
          const bare = (items: typeof r.items) => JSON.stringify(items).replace(/"(id|origin)":"[^"]*"/g, '');
          if (plain.ok) expect(bare(r.items)).toEqual(bare(plain.items));
        }
      }),
      params(30, 0.06, CI_MS),
    );
  }, testTimeout(CI_MS, 0.06));
});
