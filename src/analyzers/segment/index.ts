import type { Analyzer } from '../analyzer.js';
import { findParagraphs } from './paragraphs.js';
import { segment } from './sentences.js';

/** Paragraphs, sentences and tokens: the ground every other analyzer stands on. Always runs first. */
export const segmentAnalyzer: Analyzer = {
  name: 'segment',
  description: 'paragraphs, sentences and part-of-speech tokens (wink-nlp plus repair passes)',
  rules: [],
  run(doc) {
    doc.paragraphs = findParagraphs(doc.text);
    const { sentences, tokens } = segment(doc.text, doc.paragraphs);
    doc.sentences = sentences;
    doc.tokens = tokens;
    // The headline is segmented on its own (offsets into the title) so entities and time can read it too.
    const title = doc.article.title?.trim() ? doc.article.title : null;
    if (title) {
      const t = segment(title, findParagraphs(title));
      doc.data.title = { text: title, sentences: t.sentences, tokens: t.tokens, tense: null };
    }
  },
};

export { findParagraphs, segment };
