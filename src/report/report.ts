import type { Entity, Finding, Quote, SourceMatch, Tense, TimeExpression } from '../model/types.js';
import type { SentenceRole } from '../model/document.js';

export const SCHEMA_ID = 'unspun.report/1';

export interface ReportSentence {
  index: number;
  start: number;
  end: number;
  text: string;
  role: SentenceRole;
  paragraph: number;
  sources: SourceMatch[];
}

export type VerdictLabel = 'original' | 'syndicated' | 'spliced' | 'suspicious';

export interface Report {
  schema: typeof SCHEMA_ID;
  article: {
    id: string;
    title: string | null;
    byline: string | null;
    published: string | null;
    /** When the page says it was last changed (YYYY-MM-DD), null when it does not say or says the same day. */
    modified?: string | null;
    /** ISO 639-3 code of the article's language ("eng", "spa"), "und" when the text is too short to tell. */
    language?: string;
    url: string | null;
    /** The page's canonical URL, when it names one other than where it was fetched. */
    canonical?: string;
    /** The headline's tense ("Kim to meet Putin": future), when a verb of the headline tells it. */
    titleTense?: Tense;
    text: string;
  };
  sentences: ReportSentence[];
  findings: Finding[];
  entities: Entity[];
  quotes: Quote[];
  timeline: TimeExpression[];
  summary: {
    sentences: number; // article (body) sentences; boilerplate excluded
    reusedSentences: number;
    originality: number; // share of body sentences with no source
    sources: { docId: string; sentences: number }[];
    spliceMap: (string | null)[]; // best source per sentence, in order (null: none, or boilerplate)
  };
  verdict: {
    label: VerdictLabel;
    score: number;
    reasons: { text: string; findings: number[] }[];
  };
}

/** One line of a batch: a document that could not be read gets this instead of a report. */
export interface ReportError {
  schema: typeof SCHEMA_ID;
  error: { id: string; origin: string | null; message: string };
}
