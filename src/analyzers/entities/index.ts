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
    doc.data.entities = group(recognize(doc));
  },
};

export { group, recognize };
