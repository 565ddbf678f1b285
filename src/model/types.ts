// The shapes of the unspun.report/1 contract (see schema/report.schema.json).
// Analyzers fill these; the report builder copies them out unchanged.

export type Severity = 'info' | 'warning' | 'error';

/** A half-open [start, end) character range into Document.text. */
export interface Span {
  start: number;
  end: number;
}

/** A positioned message, like a linter's. */
export interface Finding extends Span {
  ruleId: string; // family/name, e.g. "boilerplate/template-line"
  severity: Severity;
  message: string;
  sentence: number | null;
  data?: Record<string, unknown>;
}

export type ReuseKind = 'verbatim' | 'edited' | 'spun' | 'fragment' | 'paraphrased';

/** A run of the source lifted into the article sentence (a `fragment`): offsets on both sides. */
export interface LiftedSpan {
  /** Offsets into the article's text. */
  start: number;
  end: number;
  /** Offsets into the source document's text. */
  sourceStart: number;
  sourceEnd: number;
  text: string;
}

/** A passage of an indexed document that a sentence reuses. */
export interface SourceMatch extends Span {
  docId: string;
  text: string; // the source passage; start/end are offsets into the source's text
  similarity: number; // 0..1
  kind: ReuseKind;
  /** Word substitutions (source word -> article word), for edited and spun matches. */
  substitutions?: { from: string; to: string }[];
  /** `fragment`: the distinctive runs lifted from the source, in order. */
  lifted?: LiftedSpan[];
  /** `paraphrased`: source word or phrase -> article word or phrase, with the alignment's similarity (0..1). */
  aligned?: { from: string; to: string; score: number }[];
  /** `paraphrased` and `fragment`: anchors both sentences share (names, numbers, places, rare words). */
  anchors?: string[];
  /** `paraphrased`: the verifier's probability that the sentence restates the source (0..1). */
  confidence?: number;
  /** A sentence cut down from a longer source sentence (`edited` or `fragment`): the source's words it dropped. */
  dropped?: string;
}

export type EntityType = 'person' | 'organization' | 'place';

/** Where a position points: the body text (the default, and the only one before `field` existed) or the headline. */
export type TextField = 'title';

export interface Mention extends Span {
  text: string;
  /** Set on a mention in the headline: start/end are then offsets into article.title. */
  field?: TextField;
}

export interface Entity {
  id: string; // "e1", "e2", ...
  type: EntityType;
  name: string; // canonical name
  aliases: string[];
  role: string | null; // title or role: "President", "U.S. Ambassador to South Korea"
  /** Set when the entity is an outlet or news agency (AP, Reuters, TASS, the ABC). */
  outlet?: boolean;
  /** e.g. "the Kremlin" -> the id of Russia. */
  relatedTo?: string | null;
  mentions: Mention[];
}

export interface Speaker {
  name: string | null;
  entity: string | null;
  resolved: boolean;
  /** Where the speaker is named in the text (a name, pronoun or description), when it is. */
  start?: number;
  end?: number;
}

export interface Quote extends Span {
  text: string;
  kind: 'direct' | 'indirect';
  cue: string | null;
  cueStart?: number;
  cueEnd?: number;
  speaker: Speaker;
  credits: string[]; // outlets the words are credited to
  sentence: number;
}

export type Granularity = 'time' | 'day' | 'week' | 'month' | 'quarter' | 'year';
export type Tense = 'past' | 'present' | 'future';

export interface TimeExpression extends Span {
  text: string;
  value: string; // ISO 8601 as in TimeML: 2019-04-23, 2019-04-23T15:00, 2019-W16, 2019-04
  granularity: Granularity;
  tense: Tense;
  sentence: number;
  /** Set on an expression in the headline: start/end are then offsets into article.title (sentence 0 is the title). */
  field?: TextField;
}
