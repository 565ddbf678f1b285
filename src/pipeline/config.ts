import type { Severity } from '../model/types.js';

export type RuleSetting = Severity | 'off';

/** Which analyzers run and at which severity each rule reports. */
export interface Config {
  /** Per-rule severity or "off", by rule id ("spin/formal-name") or family ("spin"). */
  rules?: Record<string, RuleSetting>;
  /** Analyzers switched off by name (segment cannot be). */
  analyzers?: Record<string, boolean>;
}

export function ruleSetting(config: Config, ruleId: string, fallback: Severity): RuleSetting {
  const rules = config.rules ?? {};
  return rules[ruleId] ?? rules[ruleId.split('/')[0]] ?? fallback;
}
