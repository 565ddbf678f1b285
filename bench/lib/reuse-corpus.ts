/**
 * Reading the evaluation corpora for the reuse benchmark: BBC articles as `Article`s with their sentences and
 * POS tokens (from the project's own segmenter, so sentence offsets match what the engine indexes), and the
 * near-duplicate clusters inside the corpus (hard negatives must have no twin in the index).
 */
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { decode } from '../../src/ingest/decode.js';
import { textToArticle } from '../../src/ingest/text.js';
import { findParagraphs, segment } from '../../src/analyzers/segment/index.js';
import type { Article, Token } from '../../src/model/document.js';

export interface SrcSentence {
  start: number;
  end: number;
  text: string;
  paragraph: number;
  /** Tokens of this sentence, offsets relative to the document text. */
  tokens: Token[];
}

export interface SourceDoc {
  id: string;
  category: string;
  article: Article;
  sentences: SrcSentence[];
}

/** Sentences and tokens of a text, grouped per sentence. */
export function segmentText(text: string): SrcSentence[] {
  const paragraphs = findParagraphs(text);
  const { sentences, tokens } = segment(text, paragraphs);
  const out: SrcSentence[] = sentences.map((s) => ({ start: s.start, end: s.end, text: s.text, paragraph: s.paragraph, tokens: [] }));
  for (const t of tokens) out[t.sentence]?.tokens.push(t);
  return out;
}

export function dataDir(): string {
  // Resolved from this file: the project sits next to ../shared/data.
  return new URL('../../../shared/data/', import.meta.url).pathname;
}

export function bbcRoot(): string {
  return join(dataDir(), 'corpora/bbc');
}

/** Every BBC file as an Article with id "bbc/<category>/<file>" (sorted, so runs are reproducible). */
export function listBbc(root = bbcRoot()): { id: string; category: string; path: string }[] {
  if (!existsSync(root)) throw new Error(`${root}: BBC corpus not found`);
  const out: { id: string; category: string; path: string }[] = [];
  for (const cat of readdirSync(root).sort()) {
    const dir = join(root, cat);
    if (!/^[a-z]+$/.test(cat) || !existsSync(dir)) continue;
    let files: string[];
    try {
      files = readdirSync(dir).filter((f) => f.endsWith('.txt')).sort();
    } catch {
      continue;
    }
    for (const f of files) out.push({ id: `bbc/${cat}/${f}`, category: cat, path: join(dir, f) });
  }
  return out;
}

export function readArticle(path: string, id: string): Article {
  // One BBC file is Windows-1252: the project's decoder handles it.
  const text = decode(readFileSync(path), { name: path });
  return textToArticle(text, { id, origin: path });
}

export function loadSourceDoc(entry: { id: string; category: string; path: string }): SourceDoc {
  const article = readArticle(entry.path, entry.id);
  return { id: entry.id, category: entry.category, article, sentences: segmentText(article.text) };
}

// ---- near-duplicates -------------------------------------------------------------------------------

function fnv(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

export function words(text: string): string[] {
  return text.toLowerCase().match(/[\p{L}\p{N}]+(?:['’][\p{L}]+)?/gu) ?? [];
}

/**
 * Documents that share text with another document of the corpus: at least `minShared` word 8-grams in
 * common. The BBC corpus has republished items (the same story filed twice); any document touching one is
 * kept out of the hard negatives and out of the generator's material, so a label can never be ambiguous.
 */
export function sharedTextDocs(docs: { id: string; text: string }[], minShared = 3): Set<string> {
  const first = new Map<number, number>();
  const pairs = new Map<string, number>();
  docs.forEach((d, i) => {
    const w = words(d.text);
    const seen = new Set<number>();
    for (let k = 0; k + 8 <= w.length; k++) {
      const h = fnv(w.slice(k, k + 8).join(' '));
      if (seen.has(h)) continue;
      seen.add(h);
      const j = first.get(h);
      if (j === undefined) first.set(h, i);
      else if (j !== i) {
        const key = `${j}:${i}`;
        pairs.set(key, (pairs.get(key) ?? 0) + 1);
      }
    }
  });
  const out = new Set<string>();
  for (const [key, n] of pairs) {
    if (n < minShared) continue;
    const [a, b] = key.split(':').map(Number);
    out.add(docs[a].id);
    out.add(docs[b].id);
  }
  return out;
}
