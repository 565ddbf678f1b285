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
  },
};

export { findParagraphs, segment };
