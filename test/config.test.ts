import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Analyzer } from '../src/analyzers/index.js';
import { textToArticle } from '../src/ingest/text.js';
import { UserError } from '../src/model/errors.js';
import { allRules, analyzeArticle } from '../src/pipeline/analyze.js';
import { configSchema, parseConfig } from '../src/pipeline/config.js';
import { runCli } from './helpers/cli.js';

const tmp = mkdtempSync(path.join(tmpdir(), 'unspun-config-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const message = (v: unknown, analyzers?: readonly Analyzer[]): string => {
  try {
    parseConfig(v, { analyzers });
  } catch (e) {
    expect(e).toBeInstanceOf(UserError);
    return (e as Error).message;
  }
  return 'accepted';
};

describe('parseConfig', () => {
  it('accepts every rule id, family and analyzer the registry has', () => {
    const rules = allRules();
    expect(rules.length).toBeGreaterThan(3);
    const config = {
      rules: Object.fromEntries(rules.map((r, i) => [r.id, (['off', 'info', 'warning', 'error'] as const)[i % 4]])),
      analyzers: Object.fromEntries([...new Set(rules.map((r) => r.analyzer))].map((a) => [a, true])),
    };
    expect(parseConfig(config)).toEqual(config);
    for (const family of new Set(rules.map((r) => r.id.split('/')[0]))) expect(message({ rules: { [family]: 'off' } })).toBe('accepted');
    expect(message({})).toBe('accepted');
  });

  it('names the key of an unknown rule, family or analyzer', () => {
    expect(message({ rules: { 'quote/no-such-rule': 'off' } })).toMatch(/^config: rules\["quote\/no-such-rule"\]: unknown rule or family \(rules of quote: quote\/unattributed/);
    expect(message({ rules: { nosuchfamily: 'off' } })).toMatch(/^config: rules\["nosuchfamily"\]: unknown rule or family \(families: .*boilerplate/);
    expect(message({ analyzers: { sentiment: false } })).toMatch(/^config: analyzers\["sentiment"\]: unknown analyzer \(known: .*quotes/);
    expect(message({ rulez: {} })).toMatch(/unknown key "rulez"/);
  });

  it('rejects bad values and shapes', () => {
    expect(message({ rules: { quote: 'fatal' } })).toBe('config: rules["quote"] must be off, info, warning or error, got "fatal"');
    expect(message({ rules: { 'time/no-anchor': 2 } })).toMatch(/rules\["time\/no-anchor"\] must be .* got 2$/);
    expect(message(null)).toMatch(/must be a JSON object .* got null$/);
    expect(message([1, 2])).toMatch(/must be a JSON object .* got an array$/);
    expect(message('off')).toMatch(/must be a JSON object/);
    expect(message({ rules: 'off' })).toMatch(/^config: "rules" must be an object .* got "off"$/);
    expect(message({ rules: [] })).toMatch(/"rules" must be an object/);
    expect(message({ analyzers: { quotes: 'no' } })).toMatch(/analyzers\["quotes"\] must be true or false, got "no"/);
    expect(message({ analyzers: { segment: false } })).toMatch(/analyzers\["segment"\]: segment cannot be switched off/);
    expect(message({ rules: { ['x'.repeat(5000)]: 'off' } }).length).toBeLessThan(300);
  });

  it('builds its lists from the analyzers it is given, so a new analyzer needs no edit', () => {
    const extra: Analyzer = {
      name: 'weather',
      description: 'test analyzer',
      rules: [{ id: 'climate/heatwave', severity: 'info', description: 'x' }],
      run: () => {},
    };
    expect(message({ rules: { 'climate/heatwave': 'error' }, analyzers: { weather: false } })).toMatch(/unknown rule or family/);
    expect(message({ rules: { 'climate/heatwave': 'error', climate: 'off' }, analyzers: { weather: false } }, [extra])).toBe('accepted');
    const schema = configSchema([extra]) as { properties: { rules: { propertyNames: { enum: string[] } } } };
    expect(schema.properties.rules.propertyNames.enum).toEqual(['climate', 'climate/heatwave']);
  });
});

describe('analyzeArticle with a config', () => {
  // An unattributed quotation (quote/unattributed fires on it).
  const article = textToArticle('The bridge over the Arle reopened on Monday.\n\n"Nobody in this town expected the work to take this long."', { id: 't', origin: null });

  it('throws a UserError for a bad config instead of copying it into findings', async () => {
    await expect(analyzeArticle(article, { config: { rules: { quote: 'fatal' } } as never })).rejects.toThrow(UserError);
    await expect(analyzeArticle(article, { config: null as never })).rejects.toThrow(/got null/);
  });

  it('still applies a valid one, also with analyzers of its own', async () => {
    const on = await analyzeArticle(article, { config: { rules: { quote: 'error' } } });
    expect(on.findings.some((f) => f.ruleId.startsWith('quote/') && f.severity === 'error')).toBe(true);
    const off = await analyzeArticle(article, { config: { rules: { quote: 'off' } } });
    expect(off.findings.some((f) => f.ruleId.startsWith('quote/'))).toBe(false);
    const probe: Analyzer = {
      name: 'probe',
      description: 'test analyzer',
      rules: [{ id: 'probe/always', severity: 'info', description: 'x' }],
      run: (_doc, ctx) => ctx.report({ ruleId: 'probe/always', message: 'here', start: 0, end: 3 }),
    };
    const { analyzers } = await import('../src/analyzers/index.js');
    const doc = await analyzeArticle(article, { analyzers: [analyzers[0], probe], config: { rules: { 'probe/always': 'error', quote: 'off' } } });
    expect(doc.findings.map((f) => `${f.ruleId}:${f.severity}`)).toEqual(['probe/always:error']);
  });
});

describe('unspun analyze --config', () => {
  const article = path.join(tmp, 'a.txt');
  writeFileSync(article, 'The bridge over the Arle reopened on Monday.\n\n"Nobody in this town expected the work to take this long."\n');
  const run = (name: string, body: string) => {
    const file = path.join(tmp, name);
    writeFileSync(file, body);
    return runCli(['analyze', article, '--format', 'json', '--config', file]);
  };

  it('gives a one-line usage error naming the key, exit 2, and no report', async () => {
    const cases: [string, string, RegExp][] = [
      ['fatal.json', '{"rules": {"quote": "fatal"}}', /^unspun: --config \S+fatal\.json: rules\["quote"\] must be off, info, warning or error, got "fatal"$/],
      ['null.json', 'null', /--config \S+null\.json: must be a JSON object .* got null$/],
      ['array.json', '[1,2]', /must be a JSON object .* got an array$/],
      ['rules-off.json', '{"rules":"off"}', /"rules" must be an object/],
      ['unknown-rule.json', '{"rules": {"spin/formal-nam": "off"}}', /rules\["spin\/formal-nam"\]: unknown rule or family/],
      ['unknown-analyzer.json', '{"analyzers": {"sentiment": false}}', /analyzers\["sentiment"\]: unknown analyzer/],
      ['broken.json', '{"rules": {', /--config \S+broken\.json: not valid JSON$/],
    ];
    const results = await Promise.all(cases.map(([name, body]) => run(name, body)));
    results.forEach((r, i) => {
      expect(r.code, cases[i][0]).toBe(2);
      expect(r.stdout).toBe('');
      const lines = r.stderr.trim().split('\n');
      expect(lines, r.stderr).toHaveLength(1);
      expect(lines[0]).toMatch(cases[i][2]);
    });
  });

  it('stops reading a config that never ends', async () => {
    const r = await runCli(['analyze', article, '--config', '/dev/zero']);
    expect(r.code).toBe(2);
    expect(r.stderr.trim()).toMatch(/^unspun: --config \/dev\/zero: over the size limit of \d+ bytes$/);
  });

  it('runs with a valid config', async () => {
    const r = await run('ok.json', '{"rules": {"quote": "error"}, "analyzers": {"reuse": false}}');
    expect(r.code).toBe(1); // a quote finding at error severity
    expect(JSON.parse(r.stdout).findings.some((f: { severity: string }) => f.severity === 'error')).toBe(true);
  });
});
