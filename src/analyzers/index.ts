import type { Analyzer } from './analyzer.js';
import { boilerplateAnalyzer } from './boilerplate/index.js';
import { coherenceAnalyzer } from './coherence/index.js';
import { consistencyAnalyzer } from './consistency/index.js';
import { entitiesAnalyzer } from './entities/index.js';
import { languageAnalyzer } from './language/index.js';
import { provenanceAnalyzer } from './provenance/index.js';
import { quotesAnalyzer } from './quotes/index.js';
import { reuseAnalyzer } from './reuse/index.js';
import { segmentAnalyzer } from './segment/index.js';
import { spinAnalyzer } from './spin/index.js';
import { timeAnalyzer } from './time/index.js';

/**
 * Every analyzer, in the order they run. Adding one is adding its folder and one line here.
 * `segment` always runs first: every other pass reads its sentences and tokens. `language` comes next: the
 * passes it lists as English-only are skipped on an article in another language.
 */
export const analyzers: readonly Analyzer[] = Object.freeze([
  segmentAnalyzer,
  languageAnalyzer,
  boilerplateAnalyzer,
  entitiesAnalyzer,
  quotesAnalyzer,
  timeAnalyzer,
  spinAnalyzer,
  coherenceAnalyzer,
  consistencyAnalyzer,
  reuseAnalyzer,
  provenanceAnalyzer,
]);

export type { Analyzer, AnalyzerContext, FindingInput, RuleMeta } from './analyzer.js';
