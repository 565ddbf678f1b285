import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import type { Article } from '../model/document.js';
import { UserError } from '../model/errors.js';

/** Main text and metadata of an HTML page. (Basic version; the extraction work improves it.) */
export function htmlToArticle(html: string, meta: { id: string; origin: string | null; url?: string | null; kind?: Article['kind'] }): Article {
  const { document } = parseHTML(html);
  const parsed = new Readability(document as never).parse();
  const text = (parsed?.textContent ?? '').trim();
  if (!parsed || text.split(/\s+/).length < 20) throw new UserError(`${meta.origin ?? meta.id}: no article text found in the HTML`);
  return {
    id: meta.id,
    kind: meta.kind ?? 'html',
    origin: meta.origin,
    text,
    title: parsed.title || null,
    byline: parsed.byline || null,
    published: null,
    url: meta.url ?? null,
    raw: html,
  };
}
