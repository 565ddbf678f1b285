import type { Entity, Finding, Quote, SourceMatch, Tense, TimeExpression } from './types.js';

export type InputKind = 'text' | 'html' | 'url' | 'jsonl';

/** What ingestion hands to the pipeline: one article, before analysis. */
export interface Article {
  id: string;
  kind: InputKind;
  /** Where it came from: a path, a URL, "stdin", or "file.jsonl:12". */
  origin: string | null;
  /** The body text every offset refers to. Paragraphs are separated by blank lines. */
  text: string;
  title: string | null;
  byline: string | null;
  published: string | null; // YYYY-MM-DD
  /** When the page says it was last changed (YYYY-MM-DD). */
  modified?: string | null;
  url: string | null;
  /** The page's own <link rel="canonical"> (or og:url), when it names one: a copy may point at its source. */
  canonical?: string | null;
  /** The raw input (HTML or text) as received, after decoding. */
  raw?: string;
}

export interface Paragraph {
  index: number;
  start: number;
  end: number;
}

export type SentenceRole = 'body' | 'boilerplate';

export interface Sentence {
  index: number;
  start: number;
  end: number;
  text: string;
  paragraph: number;
  role: SentenceRole;
}

/** A word token with its part of speech (Universal POS tags from wink-nlp). */
export interface Token {
  start: number;
  end: number;
  text: string;
  pos: string;
  sentence: number;
}

/** Per-sentence reuse result: sources best first (empty when none was found). */
export interface ReuseResult {
  sources: SourceMatch[][];
  /**
   * The text and title of each source document a match points into, by id: later passes compare a sentence
   * with its source passage's surroundings (quotation marks, the speaker, a credit). Not part of the report.
   */
  documents?: Map<string, { title: string | null; text: string }>;
  /**
   * Untraced sentences that restate an indexed sentence except for changed facts (numbers, names, negation):
   * the meaning tier's near misses, which reuse/altered-fact reports. Not part of the report.
   */
  altered?: {
    sentence: number;
    docId: string;
    start: number;
    end: number;
    text: string;
    confidence: number;
    facts: { kind: 'number' | 'name' | 'negation'; from: string; to: string; start: number; end: number }[];
  }[];
}

/**
 * The headline, segmented like the body (offsets into article.title). Filled by `segment`; `time` sets its
 * tense ("Kim to meet Putin" is future, "Kim met Putin" past), null when no verb tells.
 */
export interface TitleLayer {
  text: string;
  sentences: Sentence[];
  tokens: Token[];
  tense: Tense | null;
}

/**
 * Result slots, one per analyzer. An analyzer writes only its own slot.
 */
export interface DocumentData {
  title?: TitleLayer;
  entities?: Entity[];
  quotes?: Quote[];
  timeline?: TimeExpression[];
  reuse?: ReuseResult;
  /** The article's language (ISO 639-3 or "und") and the passes skipped for it; set by `language`. */
  language?: { code: string; skipped: string[] };
}

/** The one object that flows through the pipeline. */
export interface Document {
  article: Article;
  /** Shortcut to article.text: all offsets refer to it. */
  text: string;
  paragraphs: Paragraph[];
  sentences: Sentence[];
  tokens: Token[];
  findings: Finding[];
  data: DocumentData;
}

export function createDocument(article: Article): Document {
  return { article, text: article.text, paragraphs: [], sentences: [], tokens: [], findings: [], data: {} };
}

/** The headline as a Document of its own (offsets into the title), for passes that run on it like on the body. */
export function titleDocument(doc: Document): Document | null {
  const t = doc.data.title;
  if (!t) return null;
  const sub = createDocument({ ...doc.article, text: t.text });
  sub.paragraphs = [{ index: 0, start: 0, end: t.text.length }];
  sub.sentences = t.sentences;
  sub.tokens = t.tokens;
  return sub;
}

/** Index of the span containing offset `pos` in sorted, non-overlapping spans, or -1. Binary search. */
export function spanIndexAt(spans: readonly { start: number; end: number }[], pos: number): number {
  let lo = 0;
  let hi = spans.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (pos < spans[mid].start) hi = mid - 1;
    else if (pos >= spans[mid].end) lo = mid + 1;
    else return mid;
  }
  return -1;
}

/** Index of the sentence containing offset `pos`, or null. */
export function sentenceAt(doc: Document, pos: number): number | null {
  const i = spanIndexAt(doc.sentences, pos);
  return i < 0 ? null : i;
}

/** 1-based line and column of an offset, for display only. */
export function lineColumn(text: string, pos: number): { line: number; column: number } {
  let line = 1;
  let last = -1;
  for (let i = 0; i < pos && i < text.length; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      last = i;
    }
  }
  return { line, column: pos - last };
}
