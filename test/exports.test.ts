import { describe, expect, it } from 'vitest';
import * as unspun from '../src/index.js';

describe('the library entry', () => {
  it('exports exactly its public API', () => {
    expect(Object.keys(unspun).sort()).toEqual(
      [
        'DEFAULT_INGEST',
        'SCHEMA_ID',
        'UserError',
        'allRules',
        'analyze',
        'analyzeArticle',
        'analyzers',
        'buildReport',
        'createDocument',
        'findDuplicates',
        'indexArticles',
        'openStore',
        'readInputs',
        'renderHtml',
        'renderJson',
        'renderPretty',
      ].sort(),
    );
  });

  it('analyzes a text through the same pipeline as the CLI', async () => {
    const r = await unspun.analyze('Quay repairs begin\n\nCrews began repairing the north quay on Monday, the harbour office said.\n\nShare this', {
      published: '2025-05-02',
    });
    expect(r.schema).toBe(unspun.SCHEMA_ID);
    expect(r.article.title).toBe('Quay repairs begin');
    expect(r.sentences.map((s) => s.role)).toEqual(['body', 'boilerplate']);
    expect(r.timeline.map((t) => t.value)).toEqual(['2025-04-28']);
  });
});
