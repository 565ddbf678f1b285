// Organizations in general news (issue 13, round 3, ner-org): listed names with a possessive, the tagger's
// document-wide cues, one-word names typed apart by the tagger. Texts and names are invented (the rating
// agencies are listed names, as in the gazetteer).
import { describe, expect, it } from 'vitest';
import { agree } from '../src/analyzers/entities/combine.js';
import { recognize, type RawMention } from '../src/analyzers/entities/recognize.js';
import { docContext } from '../src/analyzers/entities/tagger.js';
import { at, segmented as docOf, typed } from './helpers/entities.js';

describe('listed organizations with a possessive', () => {
  it('keeps the possessive of a listed name, glued or split off, and drops it elsewhere', () => {
    const t1 = "Standard & Poor's cut Pellam's rating on Monday, and analysts at Moody's said they would follow.";
    const m1 = typed(t1);
    expect(m1.get(at(t1, "Standard & Poor's"))).toBe('organization');
    expect(m1.get(at(t1, "Moody's"))).toBe('organization');
    expect([...m1.keys()].some((k) => k.endsWith(':& Poor') || k.endsWith(":Pellam's"))).toBe(false);
    const t2 = "Moody 's Investors Service cut its rating , and Standard & Poor 's said it would review the bonds .";
    const m2 = typed(t2);
    expect(m2.get(at(t2, "Moody 's Investors Service"))).toBe('organization');
    expect(m2.get(at(t2, "Standard & Poor 's"))).toBe('organization');
    // An unlisted name keeps the possessive outside.
    const rules = recognize(docOf("Anna Ruiz 's plan was dropped, Marten Dahl's too."));
    expect(rules.map((r) => r.text)).toEqual(['Anna Ruiz', 'Marten Dahl']);
  });
});

describe('document-wide cues of the tagger', () => {
  it('collects the contexts of each capitalised word over the whole document', () => {
    const doc = docOf('Analysts at Fjordbank expect a cut. Mr Tolvanen said rates would fall. Fjordbank shares rose 2 percent in Karsk.');
    const { cues } = docContext(doc, doc.tokens, []);
    // "analyst at X" and "X shares": a firm's cues, wherever the mention sits.
    expect(cues.get('Fjordbank')).toBe('jo');
    expect(cues.get('Tolvanen')).toBe('hs');
    expect(cues.get('Karsk')).toBe('i');
    expect(cues.has('Analysts')).toBe(false);
  });
});

describe('one-word names the tagger typed apart', () => {
  const m = (start: number, text: string, type: RawMention['type'], evidence: RawMention['evidence']): RawMention => ({ start, end: start + text.length, text, type, evidence, sentence: 0 });

  it('gives a one-word name the type its mentions vote for, between person and organization only', () => {
    const ms = [m(0, 'Veltrum', 'organization', 'strong'), m(40, 'Veltrum', 'person', 'weak'), m(80, 'Plymouth', 'place', 'strong'), m(120, 'Plymouth', 'organization', 'weak')];
    agree(ms);
    expect(ms[1].type).toBe('organization');
    // "in Plymouth" and "Plymouth beat": context decides each.
    expect(ms[2].type).toBe('place');
    expect(ms[3].type).toBe('organization');
  });

  it('leaves a surname of a person named in full to grouping', () => {
    const ms = [m(0, 'Anna Brightwell', 'person', 'strong'), m(40, 'Brightwell', 'organization', 'weak'), m(80, 'Brightwell', 'organization', 'weak'), m(120, 'Brightwell', 'person', 'weak')];
    agree(ms);
    expect(ms[3].type).toBe('person');
  });
});
