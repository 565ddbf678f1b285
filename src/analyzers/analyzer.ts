import type { Document } from '../model/document.js';
import type { Severity } from '../model/types.js';
import type { Store } from '../store/store.js';

/** A rule an analyzer can report. Configuration, not the analyzer, decides its severity or whether it runs. */
export interface RuleMeta {
  id: string; // family/name
  severity: Severity; // the default
  description: string;
}

export interface FindingInput {
  ruleId: string;
  message: string;
  start: number;
  end: number;
  /** Defaults to the sentence containing `start`. */
  sentence?: number | null;
  data?: Record<string, unknown>;
  /** Weak evidence: reported at info instead of the rule's default severity, unless the configuration sets one. */
  weak?: boolean;
  /**
   * This finding's severity when its evidence is weaker or stronger than the rule's default (a single weak
   * hit as info, a repeated one as warning). A severity the configuration sets for the rule still wins.
   */
  severity?: Severity;
}

/** What an analyzer gets besides the Document: no file system, no network, only these. */
export interface AnalyzerContext {
  /** The index to trace reuse against, when the user gave one. */
  readonly store?: Store;
  /** Publication date override (YYYY-MM-DD) from the user, else the article's own. */
  readonly published: string | null;
  report(finding: FindingInput): void;
}

/** A pass over the Document. Each analyzer owns one folder and one result slot. */
export interface Analyzer {
  name: string;
  description: string;
  rules: RuleMeta[];
  run(doc: Document, ctx: AnalyzerContext): void | Promise<void>;
}
