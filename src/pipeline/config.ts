import { Ajv2020, type ErrorObject, type ValidateFunction } from 'ajv/dist/2020.js';
import { analyzers as registry, type Analyzer } from '../analyzers/index.js';
import { UserError } from '../model/errors.js';
import type { Severity } from '../model/types.js';

export type RuleSetting = Severity | 'off';

/** Which analyzers run and at which severity each rule reports. */
export interface Config {
  /** Per-rule severity or "off", by rule id ("spin/formal-name") or family ("spin"). */
  rules?: Record<string, RuleSetting>;
  /** Analyzers switched off by name (segment cannot be). */
  analyzers?: Record<string, boolean>;
}

export const RULE_SETTINGS: readonly RuleSetting[] = ['off', 'info', 'warning', 'error'];

export function ruleSetting(config: Config, ruleId: string, fallback: Severity): RuleSetting {
  const rules = config.rules ?? {};
  return rules[ruleId] ?? rules[ruleId.split('/')[0]] ?? fallback;
}

/**
 * The JSON Schema (2020-12) of a configuration for these analyzers: rule ids, families and analyzer names
 * are enumerated from the analyzers themselves, so a new analyzer's rules are accepted without an edit here.
 * The CLI's --config and the library use it; an HTTP API can publish it as is.
 */
export function configSchema(analyzers: readonly Analyzer[] = registry): Record<string, unknown> {
  const ids = [...new Set(analyzers.flatMap((a) => a.rules.map((r) => r.id)))].sort();
  const families = [...new Set(ids.map((id) => id.split('/')[0]))].sort();
  const names = [...new Set(analyzers.map((a) => a.name))].sort();
  return {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    title: 'unspun configuration',
    type: 'object',
    additionalProperties: false,
    properties: {
      rules: {
        description: 'Severity or "off" per rule id (family/name) or per family.',
        type: 'object',
        propertyNames: { enum: [...families, ...ids] },
        additionalProperties: { enum: [...RULE_SETTINGS] },
      },
      analyzers: {
        description: 'false switches an analyzer off (segment always runs).',
        type: 'object',
        propertyNames: { enum: names },
        properties: names.includes('segment') ? { segment: { const: true } } : {},
        additionalProperties: { type: 'boolean' },
      },
    },
  };
}

interface Checker {
  validate: ValidateFunction;
  ids: string[];
  names: string[];
}

// Compiling costs ~1 ms; a batch validates once per document, so the validator is kept per analyzer list.
const checkers = new WeakMap<readonly Analyzer[], Checker>();

function checker(analyzers: readonly Analyzer[]): Checker {
  let c = checkers.get(analyzers);
  if (!c) {
    // allErrors off: the first problem is the one the user is told about.
    const validate = new Ajv2020({ strict: true, allErrors: false }).compile(configSchema(analyzers));
    c = { validate, ids: analyzers.flatMap((a) => a.rules.map((r) => r.id)), names: analyzers.map((a) => a.name) };
    checkers.set(analyzers, c);
  }
  return c;
}

function show(v: unknown): string {
  if (v === undefined) return 'nothing';
  if (Array.isArray(v)) return 'an array';
  const s = JSON.stringify(v) ?? String(v);
  return s.length > 40 ? `${s.slice(0, 37)}...` : s;
}

/** "/rules/spin~1formal-name" -> ["rules", "spin/formal-name"] */
function pathOf(pointer: string): string[] {
  return pointer
    .split('/')
    .slice(1)
    .map((p) => p.replace(/~1/g, '/').replace(/~0/g, '~'));
}

function keyName(path: string[]): string {
  return path.map((p, i) => (i === 0 ? p : `[${JSON.stringify(p.length > 60 ? `${p.slice(0, 57)}...` : p)}]`)).join('');
}

function describe(e: ErrorObject, value: unknown, c: Checker): string {
  const path = pathOf(e.instancePath);
  let here: unknown = value;
  for (const p of path) here = (here as Record<string, unknown>)[p];
  const bad = (e as { propertyName?: string }).propertyName;
  if (path.length === 0) {
    if (e.keyword === 'type') return `must be a JSON object such as {"rules": {"quote": "off"}}, got ${here === null ? 'null' : show(here)}`;
    if (e.keyword === 'additionalProperties')
      return `unknown key "${(e.params as { additionalProperty: string }).additionalProperty}" (a config has "rules" and "analyzers")`;
  }
  const [section, key] = path;
  if (section === 'rules') {
    if (path.length === 1 && bad !== undefined) {
      const family = bad.split('/')[0];
      const inFamily = c.ids.filter((id) => id.startsWith(`${family}/`));
      const known = inFamily.length ? `rules of ${family}: ${inFamily.join(', ')}` : `families: ${[...new Set(c.ids.map((id) => id.split('/')[0]))].sort().join(', ')}`;
      return `${keyName(['rules', bad])}: unknown rule or family (${known})`;
    }
    if (path.length === 1) return `"rules" must be an object of rule ids or families to ${RULE_SETTINGS.join('|')}, got ${show(here)}`;
    return `${keyName(['rules', key])} must be ${RULE_SETTINGS.slice(0, -1).join(', ')} or ${RULE_SETTINGS.at(-1)}, got ${show(here)}`;
  }
  if (section === 'analyzers') {
    if (path.length === 1 && bad !== undefined) return `${keyName(['analyzers', bad])}: unknown analyzer (known: ${[...c.names].sort().join(', ')})`;
    if (path.length === 1) return `"analyzers" must be an object of analyzer names to true or false, got ${show(here)}`;
    if (key === 'segment' && here === false) return `${keyName(['analyzers', key])}: segment cannot be switched off (every other analyzer reads its sentences)`;
    return `${keyName(['analyzers', key])} must be true or false, got ${show(here)}`;
  }
  return `${keyName(path) || 'config'} ${e.message ?? 'is not valid'}`;
}

/**
 * Checks a configuration (parsed JSON, or what a library caller passes) against `configSchema` and returns
 * it typed. A problem is a UserError of one line naming the key: `rules["quote/x"] must be off, info, ...`.
 * `label` prefixes the message (the CLI passes "--config FILE").
 */
export function parseConfig(value: unknown, opts: { analyzers?: readonly Analyzer[]; label?: string } = {}): Config {
  const c = checker(opts.analyzers ?? registry);
  if (c.validate(value)) return value as Config;
  const e = c.validate.errors?.[0];
  const message = e ? describe(e, value, c) : 'not a valid configuration';
  throw new UserError(`${opts.label ?? 'config'}: ${message}`);
}
