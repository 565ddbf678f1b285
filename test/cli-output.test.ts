import { mkdirSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { emit } from '../src/cli/output.js';
import { UserError } from '../src/model/errors.js';

describe('emit --out', () => {
  it('writes the file and leaves no temporary file', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'unspun-out-'));
    emit('report\n', path.join(dir, 'r.json'));
    expect(readFileSync(path.join(dir, 'r.json'), 'utf8')).toBe('report\n');
    expect(readdirSync(dir)).toEqual(['r.json']);
  });

  it('refuses a folder in one line and leaves nothing behind', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'unspun-out-'));
    const target = path.join(dir, 'reports');
    mkdirSync(target);
    expect(() => emit('report\n', target)).toThrow(new UserError(`cannot write ${target}: is a folder (give a file name)`));
    expect(readdirSync(dir)).toEqual(['reports']);
    expect(readdirSync(target)).toEqual([]);
  });

  it('names a missing parent folder, and leaves nothing behind', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'unspun-out-'));
    const target = path.join(dir, 'no', 'r.json');
    expect(() => emit('x', target)).toThrow(new UserError(`cannot write ${target}: no such folder`));
    expect(readdirSync(dir)).toEqual([]);
  });
});
