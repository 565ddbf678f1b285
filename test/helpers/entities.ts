// Entity mentions of a text through segment + entities, keyed "start:text", for the entity rule tests.
import { entitiesAnalyzer } from '../../src/analyzers/entities/index.js';
import { segmentAnalyzer } from '../../src/analyzers/segment/index.js';
import { createDocument } from '../../src/model/document.js';

/** A plain-text Document of `text`, segmented (sentences, tokens), before any other pass. */
export function segmented(text: string) {
  const doc = createDocument({ id: 't', kind: 'text', origin: 't', text, title: null, byline: null, published: null, url: null });
  segmentAnalyzer.run(doc, { published: null, report() {} });
  return doc;
}

/** Mention "start:text" -> entity type. */
export function typed(text: string): Map<string, string> {
  const doc = segmented(text);
  entitiesAnalyzer.run(doc, { published: null, report() {} });
  const out = new Map<string, string>();
  for (const e of doc.data.entities!) for (const m of e.mentions) out.set(`${m.start}:${m.text}`, e.type);
  return out;
}

/** The key of the k-th occurrence of `s` in `text`. */
export const at = (text: string, s: string, k = 0) => {
  let i = -1;
  for (let n = 0; n <= k; n++) i = text.indexOf(s, i + 1);
  return `${i}:${s}`;
};
