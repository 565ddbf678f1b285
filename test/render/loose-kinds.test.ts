import pc from 'picocolors';
import { describe, expect, it } from 'vitest';
import { cellLetter, isLoose, liftedRanges, sourceKeys, splitAt } from '../../src/render/common.js';
import { escapeHtml, renderHtml } from '../../src/render/html.js';
import { renderPretty, spliceStrip } from '../../src/render/pretty.js';
import { HOSTILE } from '../fixtures/reports/build.js';
import { CRANE, GAZETTE, WIRE, hostileLooseReport, looseReport } from '../fixtures/reports/loose.js';

const ANSI = /\x1b\[[0-9;]*m/g;
const strip = (s: string) => s.replace(ANSI, '');

describe('loose reuse kinds: shared helpers', async () => {
  const r = await looseReport();
  const frag = r.sentences.find((s) => s.sources[0]?.kind === 'fragment')!;

  it('finds the lifted run on both sides, from the offsets alone', () => {
    const runs = liftedRanges(frag.sources[0], frag);
    expect(runs.article.map(([a, b]) => frag.text.slice(a, b))).toEqual([CRANE.lifted]);
    expect(runs.source.map(([a, b]) => frag.sources[0].text.slice(a, b))).toEqual([CRANE.lifted]);
    expect(splitAt('abcdef', [[1, 3]])).toEqual([
      { text: 'a', marked: false },
      { text: 'bc', marked: true },
      { text: 'def', marked: false },
    ]);
  });

  it('drops a run whose offsets fall outside the sentence or the passage', () => {
    const m = structuredClone(frag.sources[0]);
    m.lifted![0].end = frag.end + 5;
    m.lifted![0].sourceStart = m.start - 3;
    expect(liftedRanges(m, frag)).toEqual({ article: [], source: [] });
  });

  it('writes a loose match lowercase, a copy in capitals', () => {
    const k = sourceKeys(r).get(WIRE);
    expect(isLoose('fragment') && isLoose('paraphrased')).toBe(true);
    expect(['verbatim', 'edited', 'spun'].some(isLoose)).toBe(false);
    expect(cellLetter(k, 'edited')).toBe(k!.letter);
    expect(cellLetter(k, 'paraphrased')).toBe(k!.letter.toLowerCase());
  });
});

describe('loose reuse kinds in the pretty report', async () => {
  const r = await looseReport();
  const plain = renderPretty([r], false);
  const coloured = renderPretty([r], true);
  const keys = sourceKeys(r);
  const [w, g] = [keys.get(WIRE)!.letter, keys.get(GAZETTE)!.letter];

  it('draws fragment and paraphrase cells paler: lowercase, dimmed', () => {
    expect(spliceStrip(r)).toEqual([`${w}${g.toLowerCase()}${w.toLowerCase()}·▒`]);
    expect(plain).toContain('lowercase: fragment or paraphrase');
    // Dim (SGR 2) wraps the loose cells only.
    const cells = spliceStrip(r, pc.createColors(true), keys)[0];
    expect(cells).toMatch(new RegExp(`\\x1b\\[2m[^${w}]*${g.toLowerCase()}`));
    expect(cells.startsWith('\x1b[2m')).toBe(false);
    expect(strip(coloured)).toBe(plain);
  });

  it('marks the lifted run in the sentence and in the source, with both offsets', () => {
    expect(plain).toContain(`«${CRANE.lifted}»`);
    expect(plain.match(/«the jib came down "like a felled pine"»/g)).toHaveLength(2);
    const run = r.sentences[1].sources[0].lifted![0];
    expect(plain).toContain(`lifted: “${CRANE.lifted}” article ${run.start}–${run.end} ← source ${run.sourceStart}–${run.sourceEnd}`);
    expect(plain).toContain('anchors: jib, felled pine');
  });

  it('shows a paraphrase with its confidence, aligned pairs and anchors', () => {
    expect(plain).toContain('confidence 0.88');
    expect(plain).toContain('aligned: shut → closed 0.86, seven days → a week 0.78, check → inspect 0.81, every other crane → the remaining cranes 0.72');
    expect(plain).toContain('anchors: quay, engineers');
  });

  it('names what a cut-down sentence dropped', () => {
    expect(plain).toContain(`dropped from the source: “${CRANE.dropped}”`);
  });
});

describe('loose reuse kinds in the HTML report', async () => {
  const r = await looseReport();
  const html = renderHtml([r]);

  it('draws fragment and paraphrase cells paler, with a legend', () => {
    const cells = [...html.matchAll(/<a class="cell ([\w -]+)"[^>]*>([^<]*)</g)].map((m) => [m[1], m[2]]);
    const keys = sourceKeys(r);
    const [w, g] = [keys.get(WIRE)!, keys.get(GAZETTE)!];
    expect(cells).toEqual([
      [`c${w.slot}`, w.letter],
      [`c${g.slot} loose`, g.letter.toLowerCase()],
      [`c${w.slot} loose`, w.letter.toLowerCase()],
      ['none', ''],
      ['bp', ''],
    ]);
    expect(html).toContain('.cell.loose{');
    expect(html).toContain('paler, lowercase: fragment or paraphrase');
    expect(html).toMatch(/<span class="s src c\d loose" id="a0-s1"/);
  });

  it('marks the lifted run on both sides of the pair', () => {
    const lift = `<mark class="lift">${escapeHtml(CRANE.lifted)}</mark>`;
    const block = html.slice(html.indexOf('id="a0-r1"'), html.indexOf('id="a0-r2"'));
    expect(block.split(lift)).toHaveLength(4); // source side, article side, and the "Lifted:" line
    expect(block).toContain('<span class="kind fragment">fragment</span>');
  });

  it('lists the aligned pairs with their scores, the confidence, anchors and dropped words', () => {
    const block = html.slice(html.indexOf('id="a0-r2"'));
    expect(block).toContain('<span class="kind paraphrased">paraphrased</span>');
    expect(block).toContain('<span>confidence 0.88</span>');
    expect(block).toContain('<tr><td>every other crane</td><td>→</td><td><b>the remaining cranes</b></td><td class="n">0.72</td></tr>');
    expect(block).toContain('Shared anchors: <span>quay</span>, <span>engineers</span>');
    expect(html).toContain(`Dropped from the source: <del>${escapeHtml(CRANE.dropped)}</del>`);
  });

  it('escapes every field the loose kinds add', async () => {
    const hostile = renderHtml([await hostileLooseReport()]);
    expect(hostile).not.toMatch(/<script|<img|<svg|<iframe|<!--|<meta http-equiv="refresh"|<details open|<body onload/i);
    for (const p of Object.values(HOSTILE)) expect(hostile).toContain(escapeHtml(p));
    const pretty = renderPretty([await hostileLooseReport()], false);
    expect(pretty).toContain(HOSTILE.title); // plain text in a terminal: shown as written, no HTML there
  });
});
