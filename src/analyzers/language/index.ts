import { detectLanguage } from '../../text/language.js';
import type { Analyzer } from '../analyzer.js';

/** The language this build's language layer is written for (ISO 639-3). */
export const SUPPORTED = 'eng';

/**
 * Passes that read English: named entities from English POS patterns and gazetteers, quote cues ("said",
 * "told"), chrono's English time expressions, spin and coherence word lists, and the consistency checks built
 * on them. On a Spanish page they name "Radio Nacional" a person: they are skipped instead. Reuse tracing,
 * provenance and boilerplate run on any language.
 */
export const ENGLISH_ONLY: readonly string[] = Object.freeze(['entities', 'quotes', 'time', 'spin', 'coherence', 'consistency']);

/**
 * Detects the article's language (headline and body, by franc) into doc.data.language. On a language other
 * than English it lists the English-only passes to skip (the pipeline skips them) and reports it once. A text
 * too short to tell is "und" and analyzed as English, as before.
 */
export const languageAnalyzer: Analyzer = {
  name: 'language',
  description: 'the article\'s language (ISO 639-3, franc); English-only passes are skipped on other languages',
  rules: [
    {
      id: 'language/unsupported',
      severity: 'info',
      description: 'the article is not in English: the English-only passes (entities, quotes, time, spin, coherence, consistency) were skipped',
    },
  ],
  run(doc, ctx) {
    const { code } = detectLanguage(`${doc.article.title ?? ''}\n\n${doc.text}`);
    const skipped = code === SUPPORTED || code === 'und' ? [] : [...ENGLISH_ONLY];
    doc.data.language = { code, skipped };
    if (!skipped.length) return;
    const first = doc.sentences[0];
    ctx.report({
      ruleId: 'language/unsupported',
      message: `The article's language is ${code} (ISO 639-3), not English: ${skipped.join(', ')} were skipped; reuse tracing, provenance and boilerplate still ran.`,
      start: first?.start ?? 0,
      end: first?.end ?? 0,
      sentence: first ? 0 : null,
      data: { language: code, skipped },
    });
  },
};
