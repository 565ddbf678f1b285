import { parseArgs, type ParseArgsConfig } from 'node:util';
import { UserError } from '../model/errors.js';

export interface Parsed {
  values: Record<string, string | boolean | undefined>;
  positionals: string[];
}

/** util.parseArgs with its errors turned into one-line usage errors. */
export function parse(args: string[], options: NonNullable<ParseArgsConfig['options']>, command: string): Parsed {
  try {
    return parseArgs({ args, options, allowPositionals: true, strict: true }) as Parsed;
  } catch (e) {
    const msg = (e as Error).message.split('\n')[0];
    throw new UserError(`${command}: ${msg} (see unspun ${command} --help)`);
  }
}

export function intOption(value: string | boolean | undefined, name: string, fallback: number): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n <= 0) throw new UserError(`--${name} must be a positive integer, got "${String(value)}"`);
  return n;
}

export function stringOption(value: string | boolean | undefined): string | undefined {
  return typeof value === 'string' ? value : undefined;
}
