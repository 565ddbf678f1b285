/**
 * The index of reference documents that the reuse analyzer traces sentences against.
 * SQLite (embedded default) and PostgreSQL implement it; one conformance suite tests both.
 * Methods return promises so that a networked store fits the same interface.
 */

/**
 * Sentence ids pack the document number and the sentence index: doc * SENTENCE_SLOTS + index. Every store
 * uses this one constant. 2^24 slots: a sentence takes at least two characters, so every sentence of a
 * document up to 32 MB is indexed (the default size cap is 5 MB), and ids stay below 2^53 up to 2^29
 * documents. Ids need 64-bit integer columns (SQLite INTEGER, PostgreSQL bigint).
 */
export const SENTENCE_SLOTS = 2 ** 24;

/** A document as the reuse engine prepared it for storage (see src/reuse/prepare.ts). */
export interface StoredDocInput {
  id: string;
  title: string | null;
  /** Content hash (8 bytes): the same id with the same hash is not stored again. */
  hash: Uint8Array;
  /** The body text, compressed (raw deflate with the preset dictionary of src/reuse/prepare.ts). */
  body: Uint8Array;
  /** Minhash signature for near-duplicate search. */
  sig: Uint8Array;
  /** Fingerprint, sentence index, fingerprint, sentence index, ... */
  postings: Int32Array;
  /** Number of sentences in the body. */
  sentences: number;
}

export interface StoredDoc {
  /** Internal document number (never reused). */
  n: number;
  id: string;
  title: string | null;
  body: Uint8Array;
}

export interface StoreStats {
  documents: number;
  sentences: number;
  /** Bytes on disk (database plus write-ahead log). */
  bytes: number;
  /** Postings (fingerprint, sentence) stored, including those of replaced documents. */
  postings: number;
  /** Set when the counts are the database's estimates (PostgreSQL past a million documents: counting would scan it all). */
  estimated?: boolean;
}

export interface Store {
  /** Where it lives: a file path or a URL. */
  readonly location: string;
  /** Content hashes of the ids already stored (ids not stored are absent). */
  hashes(ids: string[]): Promise<Map<string, Uint8Array>>;
  /** Adds (or replaces, by id) documents in one transaction: all of them are stored or none. */
  write(docs: StoredDocInput[]): Promise<void>;
  /** Sentence ids (doc * SENTENCE_SLOTS + sentence) per fingerprint, at most `limit` each. */
  lookup(fps: number[], limit: number): Promise<Map<number, number[]>>;
  /** Documents by internal number (absent numbers were replaced or never existed). */
  docs(ns: number[]): Promise<Map<number, StoredDoc>>;
  /** Every document's minhash signature, for near-duplicate search. */
  signatures(): AsyncIterable<{ n: number; id: string; sig: Uint8Array }>;
  stats(): Promise<StoreStats>;
  /**
   * Optional: a value that changes whenever stored documents change (in this process or another), so that
   * tracing may keep parsed documents between calls. Stores without it are read afresh on every trace.
   */
  generation?(): string;
  /**
   * Optional: claims the index for this process's writes, refusing (UserError) while another live process
   * holds it. A store that has it claims on its first write anyway; an index run claims up front.
   * PostgreSQL takes many writers at once: there it only checks that this connection may write.
   */
  claim?(): Promise<void>;
  /**
   * Optional (the server's permalinks): keeps a rendered `unspun.report/1` JSON under an id, and reads it back
   * (null when absent). Stores that lack them cannot back `unspun serve`'s stored reports.
   */
  saveReport?(id: string, json: string): Promise<void>;
  report?(id: string): Promise<string | null>;
  /** Optional: deletes all but the `keep` most recently saved reports; returns how many went. */
  pruneReports?(keep: number): Promise<number>;
  /** Optional: an indexed document by its external id (null when absent), to show a source beside an article. */
  docById?(id: string): Promise<StoredDoc | null>;
  close(): void | Promise<void>;
}
