/** What the fuzz harness's parent and its runner process share: the protocol and the source documents. */
import { textToArticle } from '../../src/ingest/text.js';
import type { Article } from '../../src/model/document.js';
import { generatedArticle } from '../helpers/generated.js';

export const MARK = '\u0001fuzz ';

export type Request =
  | { id: number; op: 'text'; text: string }
  | { id: number; op: 'html'; html: string }
  | { id: number; op: 'bytes'; b64: string; name: string; html?: boolean }
  | { id: number; op: 'jsonl'; content: string }
  | { id: number; op: 'analyze'; input?: string; b64?: string; html?: boolean; store?: boolean; published?: string };

export type ArticleOut = Pick<Article, 'id' | 'kind' | 'text' | 'title' | 'byline' | 'published' | 'url'>;

/** `ms` is wall time, `cpuMs` the runner process's CPU time (all its threads, GC included) for the case. */
export type Answer = { id: number; ms: number; cpuMs?: number } & (
  | { ok: true; article?: ArticleOut; items?: ({ ok: true; article: ArticleOut } | { ok: false; message: string })[]; json?: string; sources?: Record<string, string> }
  | { ok: false; userError: string }
  | { ok: false; crash: { name: string; message: string; stack: string } }
);

/** Source documents of the index the reuse analyzer traces against: generated, fictional. */
export const SOURCE_COUNT = 40;
export const sourceText = (i: number) => textToArticle(generatedArticle(500 + i, 10), { id: `src${i}`, origin: null }).text;

