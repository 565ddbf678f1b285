import type { Analyzer } from '../analyzer.js';
import { findOffTopic } from './off-topic.js';
import { profiles } from './profile.js';
import { findDangling } from './reference.js';
import { findVoiceShift } from './voice.js';

/**
 * Does the article hold together? Without a corpus: a sentence that shares nothing with the article around it
 * (off-topic), one that leans on something the article never said (dangling-reference), and first person
 * in a third-person article outside any quotation (voice-shift): the marks of text stitched from elsewhere.
 */
export const coherenceAnalyzer: Analyzer = {
  name: 'coherence',
  description: 'off-topic sentences, references with nothing to refer to, first person outside quotations',
  rules: [
    {
      id: 'coherence/off-topic',
      severity: 'warning',
      description: 'a sentence that shares neither entities nor content words with the rest of the article (info when the evidence is weak)',
    },
    {
      id: 'coherence/dangling-reference',
      severity: 'warning',
      description: 'a pronoun, definite description or connective ("Nor was ...", "However,") with nothing before it to refer to',
    },
    {
      id: 'coherence/voice-shift',
      severity: 'warning',
      description: 'first person ("we", "our country") outside quotation marks and reported speech in a third-person article',
    },
  ],
  run(doc, ctx) {
    const body = doc.sentences.filter((s) => s.role === 'body');
    if (body.length < 2) return;
    const p = profiles(doc);
    findOffTopic(doc, p, ctx);
    findDangling(doc, p, ctx);
    findVoiceShift(doc, ctx);
  },
};
