// Language detection and the English-only layer: fictional articles written for these tests.
import { describe, expect, it } from 'vitest';
import { textToArticle } from '../src/ingest/text.js';
import { analyzeArticle } from '../src/pipeline/analyze.js';
import { buildReport } from '../src/report/build.js';
import { detectLanguage } from '../src/text/language.js';
import { ENGLISH_ONLY } from '../src/analyzers/language/index.js';

const ES =
  'El Gobierno provincial aprobó el martes un plan para reparar el muelle norte, cerrado desde que una tormenta dañó su estructura hace dos inviernos, según informó Radio Nacional. ' +
  '"Vamos a empezar en primavera", dijo la ministra Pilar Achával a los periodistas reunidos en el puerto.';
const EN =
  'The provincial government approved a plan on Tuesday to repair the north pier, closed since a storm damaged it two winters ago, the public broadcaster reported. ' +
  '"We will start in the spring," minister Pilar Achaval told reporters gathered at the harbour.';

describe('language', () => {
  it('tells English, Spanish and German news prose apart (ISO 639-3)', () => {
    expect(detectLanguage(EN).code).toBe('eng');
    expect(detectLanguage(ES).code).toBe('spa');
    expect(detectLanguage('Der Gemeinderat hat am Dienstag beschlossen, den Nordpier zu sanieren, der seit einem Sturm vor zwei Wintern gesperrt ist.').code).toBe('deu');
  });

  it('does not guess on a short text', () => {
    expect(detectLanguage('Pier to reopen').code).toBe('und');
    expect(detectLanguage('El muelle abre').code).toBe('und');
  });

  it('skips the English-only passes on a Spanish article and says so, while the rest still runs', async () => {
    const r = buildReport(await analyzeArticle(textToArticle(ES, { id: 'es', origin: null })));
    expect(r.article.language).toBe('spa');
    expect(r.entities).toEqual([]);
    expect(r.quotes).toEqual([]);
    expect(r.timeline).toEqual([]);
    const f = r.findings.filter((x) => x.ruleId === 'language/unsupported');
    expect(f).toHaveLength(1);
    expect(f[0].severity).toBe('info');
    for (const name of ENGLISH_ONLY) expect(f[0].message).toContain(name);
    expect(r.findings.every((x) => !/^(quote|spin|coherence|consistency|time)\//.test(x.ruleId))).toBe(true);
    expect(r.sentences.length).toBeGreaterThan(0);
  });

  it('runs every pass on English, and on a text too short to tell', async () => {
    const r = buildReport(await analyzeArticle(textToArticle(EN, { id: 'en', origin: null })));
    expect(r.article.language).toBe('eng');
    expect(r.findings.some((x) => x.ruleId === 'language/unsupported')).toBe(false);
    expect(r.quotes.length).toBeGreaterThan(0);
    const short = buildReport(await analyzeArticle(textToArticle('Pier to reopen in spring, the board said.', { id: 's', origin: null })));
    expect(short.article.language).toBe('und');
    expect(short.findings.some((x) => x.ruleId === 'language/unsupported')).toBe(false);
  });

  it('reports modified beside published', async () => {
    const r = buildReport(await analyzeArticle({ ...textToArticle(EN, { id: 'm', origin: null }), published: '2019-04-26', modified: '2019-04-28' }));
    expect(r.article.published).toBe('2019-04-26');
    expect(r.article.modified).toBe('2019-04-28');
  });
});
