/** Bugs the fuzz harness found, kept as plain tests (each names the property that found it). */
import { describe, expect, it } from 'vitest';
import { articleFromRecord, DEFAULT_INGEST } from '../../src/ingest/index.js';
import { htmlToArticle } from '../../src/ingest/html.js';
import { textToArticle } from '../../src/ingest/text.js';
import { analyzeArticle } from '../../src/pipeline/analyze.js';
import { normalizeDate } from '../../src/text/dates.js';
import { decode } from '../../src/ingest/decode.js';
import { MAX_SENTENCE } from '../../src/analyzers/segment/sentences.js';

describe('found by fuzzing', () => {
  it('readers/JSONL: "published": "2019-02-30" is not a date (it was kept as one)', () => {
    expect(normalizeDate('2019-02-30')).toBeNull();
    expect(normalizeDate('2019-04-31')).toBeNull();
    expect(normalizeDate('2019-02-29')).toBeNull();
    expect(normalizeDate('2020-02-29')).toBe('2020-02-29');
    expect(normalizeDate('2019-04-30')).toBe('2019-04-30');
    expect(() => articleFromRecord({ text: 'The ferry left at noon.', published: '2019-02-30' }, 'x', 'f.jsonl:1', DEFAULT_INGEST)).toThrow(/"published" is not a date/);
  });

  it('readers/HTML: "<!--<body>The." (a comment never closed) is "no article text", not a linkedom TypeError', () => {
    expect(() => htmlToArticle('<!--<body>The.', { id: 'x', origin: null })).toThrow(/no article text found/);
  });

  it('pipeline/HTML: a time in a headline of several sentences has sentence 0, not an index past the body', async () => {
    const article = textToArticle('The harbour board met on Monday and voted on the plan.', { id: 'x', origin: null });
    const doc = await analyzeArticle({ ...article, title: 'The ferry sails. The bridge shuts. The vote was in May 1949.', published: '2022-05-20' });
    const titled = (doc.data.timeline ?? []).filter((t) => t.field === 'title');
    expect(titled.length).toBeGreaterThan(0);
    for (const t of titled) expect(t.sentence).toBe(0);
  });

  it('pipeline/text: 40,000 one-word lines are analyzed (the coherence pass compared every pair of sentences)', async () => {
    const doc = await analyzeArticle(textToArticle('a\n'.repeat(40_000), { id: 'x', origin: null }));
    expect(doc.sentences.length).toBeGreaterThan(10_000);
  });

  it('pipeline/text: 127 KB of \'"He said "they said \' (quote marks never closed) is analyzed, as text and as UTF-16', async () => {
    // The long run flagged it over the time bound while the machine was loaded; alone it takes about a second.
    const text = '"He said "they said '.repeat(6300);
    const doc = await analyzeArticle(textToArticle(text, { id: 'x', origin: null }));
    expect(doc.text.length).toBeGreaterThan(120_000);
    const bytes = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
    expect(decode(bytes, { name: 'x', html: true })).toBe(text);
  }, 60_000);

  it('pipeline/HTML: 566 KB of \'"He said "they said \' in 8 "sentences" (the quotes pass scanned each whole sentence per quotation)', async () => {
    const html = `<html><body><article><p>${'"He said "they said '.repeat(28_000)}</p></article></body></html>`;
    const doc = await analyzeArticle(htmlToArticle(html, { id: 'x', origin: null }));
    // sentences are cut at MAX_SENTENCE, so that per-sentence scans stay bounded
    expect(doc.sentences.length).toBeGreaterThan(300);
    for (const s of doc.sentences) expect(s.end - s.start).toBeLessThanOrEqual(MAX_SENTENCE);
    expect((doc.data.quotes ?? []).length).toBeGreaterThan(1000);
  }, 120_000);

  it('segment: a sentence past MAX_SENTENCE is cut after a clause mark in its last third, offsets exact', async () => {
    const text = 'The board heard the plan ' + 'and the members asked about the ferry and the bridge and the harbour, '.repeat(40) + 'before the vote.';
    const doc = await analyzeArticle(textToArticle(text, { id: 'x', origin: null }));
    expect(doc.sentences.length).toBeGreaterThan(1);
    for (const s of doc.sentences) {
      expect(s.end - s.start).toBeLessThanOrEqual(MAX_SENTENCE);
      expect(doc.text.slice(s.start, s.end)).toBe(s.text);
    }
    for (const s of doc.sentences.slice(0, -1)) expect(s.text.endsWith(',')).toBe(true);
    expect(doc.sentences[doc.sentences.length - 1].text.endsWith('before the vote.')).toBe(true);
  });

  it('pipeline/HTML: 4,000 repeats of "U.S., the, Gazette, i.e., Ostrena, " (grouping scanned every mention per lone word)', async () => {
    // The second long run (seed 750791218) found it at 20.5 s of CPU; the look-up is now by normalized text.
    const doc = await analyzeArticle(textToArticle('The. ' + 'U.S., the, Gazette, i.e., Ostrena, '.repeat(4000) + 'end.', { id: 'x', origin: null }));
    // Every repeat of "U.S." is still found, as one entity (whether the made-up "Ostrena" in a list of fragments
    // is a name is the tagger's call, not what this input tests).
    const us = (doc.data.entities ?? []).filter((e) => e.mentions.some((m) => m.text === 'U.S.'));
    expect(us.length).toBe(1);
    expect(us[0].mentions.length).toBe(4000);
    expect((doc.data.entities ?? []).length).toBeLessThan(10); // the repeats join their entities
  }, 120_000);
});
