import { sentenceAt, titleDocument, type Document } from '../../model/document.js';
import type { Entity } from '../../model/types.js';
import type { Analyzer } from '../analyzer.js';
import { mentions } from './combine.js';
import { group } from './group.js';
import { recognize } from './recognize.js';
import { capsTitle } from './wire.js';

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
    const inArticle = mentions(doc).filter((m) => doc.sentences[sentenceAt(doc, m.start) ?? -1]?.role !== 'boilerplate');
    doc.data.entities = withTitle(doc, inArticle);
  },
};

/**
 * The headline's mentions join the body's: "Kim Jong Un" in the title groups with "Kim Jong-un" below it.
 * They are shifted past the end of the body for grouping (so the body's own grouping and entity numbers
 * come first and stay as they were), then given back their offsets into the title with `field: 'title'`.
 */
function withTitle(doc: Document, body: ReturnType<typeof mentions>): Entity[] {
  const sub = titleDocument(doc);
  if (!sub) return group(body);
  const shift = doc.text.length + 1;
  const title = capsTitle(sub.text, mentions(sub), body).map((m) => ({ ...m, start: m.start + shift, end: m.end + shift }));
  const entities = group([...body, ...title]);
  for (const e of entities) {
    e.mentions = e.mentions.map((m) => (m.start >= shift ? { start: m.start - shift, end: m.end - shift, text: m.text, field: 'title' as const } : m));
  }
  return entities;
}

export { group, mentions, recognize };
