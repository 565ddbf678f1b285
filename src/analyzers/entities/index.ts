import { sentenceAt } from '../../model/document.js';
import type { Analyzer } from '../analyzer.js';
import { group } from './group.js';
import { recognize } from './recognize.js';

/**
 * People, organizations (outlets among them) and places: capitalised chunks split into role and name,
 * typed by gazetteers and small rules (recognize.ts), grouped per referent (group.ts). Fills
 * `doc.data.entities`; reports no findings (entities are data the other analyzers build on).
 */
export const entitiesAnalyzer: Analyzer = {
  name: 'entities',
  description: 'people, organizations (outlets among them) and places, grouped per referent',
  rules: [],
  run(doc) {
    // "Share this", "Other reports by": template lines name no one.
    const inArticle = recognize(doc).filter((m) => doc.sentences[sentenceAt(doc, m.start) ?? -1]?.role !== 'boilerplate');
    doc.data.entities = group(inArticle);
  },
};

export { group, recognize };
