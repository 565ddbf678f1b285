/**
 * The index of reference documents that the reuse analyzer traces sentences against.
 * SQLite (embedded default) and PostgreSQL implement it; one conformance suite tests both.
 * (The reuse engine issue defines its methods.)
 */
export interface Store {
  close(): void | Promise<void>;
}
