// The learned tagger's own machinery (src/analyzers/entities/tagger.ts) and the GUM loader of its training data
// (scripts/entities/data.ts). Texts are invented.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { recognize } from '../src/analyzers/entities/recognize.js';
import { bySentence, docContext, hash, sentenceFeatures } from '../src/analyzers/entities/tagger.js';
import { segmented as docOf } from './helpers/entities.js';

describe('tagger features', () => {
  it('gives a word in a line of capitals how the document writes it elsewhere', () => {
    const doc = docOf('HALVORSEN CUTS JOBS AT KARSK YARD\n\nShipbuilder Halvorsen said it would cut jobs at its yard in Karsk.');
    const ctx = docContext(doc, doc.tokens, recognize(doc));
    const [head, body] = bySentence(doc.tokens);
    const hf = sentenceFeatures(head.toks, head.base, ctx, doc.text);
    const k = head.toks.findIndex((t) => t.text === 'KARSK');
    // Title case elsewhere, never lowercase: "-T"; "CUTS" is written "cut" in lowercase, never in title case.
    expect(hf.feats[k]).toContain(hash('ucd', 'U', '-T'));
    expect(hf.feats[head.toks.findIndex((t) => t.text === 'JOBS')]).toContain(hash('ucd', 'U', 'L-'));
    // A sentence in ordinary case has no such rows.
    const bf = sentenceFeatures(body.toks, body.base, ctx, doc.text);
    expect(bf.feats.flat()).not.toContain(hash('uc', 'U'));
  });
});

// Two invented sentences in GUM's CoNLL-U form (entity brackets in the last column).
const CONLLU = [
  '# sent_id = x-1',
  '1\tPresident\tPresident\tPROPN\tNNP\t_\t3\tcompound\t_\tEntity=(1-person-new-x-cf1-3-coref',
  '2\tAna\tAna\tPROPN\tNNP\t_\t3\tcompound\t_\t_',
  '3\tRuiz\tRuiz\tPROPN\tNNP\t_\t4\tnsubj\t_\tEntity=1)',
  '4\tvisited\tvisit\tVERB\tVBD\t_\t0\troot\t_\t_',
  '5\tthe\tthe\tDET\tDT\t_\t6\tdet\t_\tEntity=(2-organization-new-x-cf2-1-sgl',
  '6\tUniversity\tUniversity\tPROPN\tNNP\t_\t4\tobj\t_\t_',
  '7\tof\tof\tADP\tIN\t_\t8\tcase\t_\t_',
  '8\tCarnforth\tCarnforth\tPROPN\tNNP\t_\t6\tnmod\t_\tEntity=(3-place-new-x-cf3-1-coref)2)',
  '9\t.\t.\tPUNCT\t.\t_\t4\tpunct\t_\t_',
  '',
  '# sent_id = x-2',
  '1\tCarnforth\tCarnforth\tPROPN\tNNP\t_\t3\tnmod:poss\t_\tEntity=(4-person-new-x-cf1-3-coref(3-place-giv-x-cf1-1-coref)',
  "2\t's\t's\tPART\tPOS\t_\t1\tcase\t_\t_",
  '3\tstudents\tstudent\tNOUN\tNNS\t_\t4\tnsubj\t_\tEntity=4)',
  '4\tcheered\tcheer\tVERB\tVBD\t_\t0\troot\t_\t_',
  '5\t.\t.\tPUNCT\t.\t_\t4\tpunct\t_\t_',
  '',
].join('\n');

describe('GUM loader', () => {
  it('keeps named mentions by their proper-noun head, without titles, outer names over inner ones', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'gum-'));
    writeFileSync(path.join(dir, 'GUM_news_x.conllu'), CONLLU);
    const { loadGum } = await import('../scripts/entities/data.js');
    const [ex] = loadGum(['news'], dir);
    const got = ex.gold.map((g) => `${ex.text.slice(g.start, g.end)}/${g.type}`);
    // "Carnforth 's students" has a common-noun head: no name, but its inner place is one.
    expect(got).toEqual(['Ana Ruiz/person', 'University of Carnforth/organization', 'Carnforth/place']);
  });
});
