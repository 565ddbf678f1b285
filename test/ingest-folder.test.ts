import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { errorItem, isProjectFile, listFolder, readInputs, type Ingested } from '../src/ingest/index.js';
import { UserError } from '../src/model/errors.js';

const ARTICLE = (title: string) => `${title}

The county library will stay open until nine on weekdays from next month, the council said, after a petition
signed by more than two thousand residents asked for longer hours during the exam season.
`;

async function all(inputs: string[]): Promise<Ingested[]> {
  const out: Ingested[] = [];
  for await (const x of readInputs(inputs)) out.push(x);
  return out;
}

describe('folder inputs', () => {
  it('follows links to files and folders, once each, through a loop', async () => {
    const root = mkdtempSync(path.join(tmpdir(), 'unspun-links-'));
    const outside = mkdtempSync(path.join(tmpdir(), 'unspun-outside-'));
    writeFileSync(path.join(outside, 'far.txt'), ARTICLE('Far story'));
    mkdirSync(path.join(outside, 'more'));
    writeFileSync(path.join(outside, 'more', 'deep.txt'), ARTICLE('Deep story'));
    const corpus = path.join(root, 'corpus');
    mkdirSync(corpus);
    writeFileSync(path.join(corpus, 'local.txt'), ARTICLE('Local story'));
    symlinkSync(path.join(outside, 'far.txt'), path.join(corpus, 'linked.txt'));
    symlinkSync(outside, path.join(corpus, 'shelf'));
    symlinkSync(corpus, path.join(corpus, 'loop')); // the folder itself
    symlinkSync(outside, path.join(corpus, 'shelf-again')); // a second way to the same folder
    symlinkSync(path.join(root, 'gone.txt'), path.join(corpus, 'dangling.txt'));
    const files = await listFolder(corpus);
    expect(files.map((f) => f.id)).toEqual(['linked.txt', 'local.txt', 'shelf/more/deep.txt']);
    // far.txt is the same file as linked.txt: read once.
    const items = await all([corpus]);
    expect(items.map((x) => x.ok && x.article.title)).toEqual(['Far story', 'Local story', 'Deep story']);
  });

  it('a folder holding only a link to an article folder is not "a folder with no articles"', async () => {
    const root = mkdtempSync(path.join(tmpdir(), 'unspun-onlylink-'));
    const real = path.join(root, 'real');
    mkdirSync(real);
    writeFileSync(path.join(real, 'a.txt'), ARTICLE('Only story'));
    const corpus = path.join(root, 'corpus');
    mkdirSync(corpus);
    symlinkSync(real, path.join(corpus, 'current'));
    const items = await all([corpus]);
    expect(items.map((x) => (x.ok ? x.article.id : x.message))).toEqual(['current/a.txt']);
  });

  it('skips README, LICENSE, CHANGELOG and the like in folders, not articles with similar words', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'unspun-proj-'));
    for (const f of ['README.TXT', 'readme.md', 'LICENSE', 'LICENCE.txt', 'CHANGELOG.md', 'COPYING', 'AUTHORS', 'NOTICE.txt', 'CONTRIBUTING.md', 'code_of_conduct.md'])
      writeFileSync(path.join(dir, f), ARTICLE('Not an article'));
    for (const f of ['history.txt', 'license-fees-rise.txt', 'authors.txt', 'readme-day.html']) writeFileSync(path.join(dir, f), ARTICLE(f));
    expect((await listFolder(dir)).map((f) => f.id)).toEqual(['authors.txt', 'history.txt', 'license-fees-rise.txt', 'readme-day.html']);
    // Given by name, a README is read like any file.
    expect((await all([path.join(dir, 'README.TXT')]))[0].ok).toBe(true);
  });

  it('isProjectFile: the names, in which case', () => {
    expect(['README', 'Readme.rst', 'LICENSE-MIT', 'license.txt', 'CHANGELOG', 'ChangeLog.md', 'HISTORY.md', 'SECURITY.md'].every(isProjectFile)).toBe(true);
    expect(['history.md', 'security-breach.txt', 'news.txt', 'changes-to-rules.txt', 'licensed.txt'].some(isProjectFile)).toBe(false);
  });
});

describe('errorItem', () => {
  it('keeps a user error as it is', () => {
    expect(errorItem('a', 'a.txt', new UserError('a.txt: bad'))).toEqual({ ok: false, id: 'a', origin: 'a.txt', message: 'a.txt: bad' });
  });

  it('turns any other failure into a one-line item naming the document, instead of throwing', () => {
    let overflow: unknown;
    const recurse = (n: number): number => recurse(n + 1) + 1;
    try {
      recurse(0);
    } catch (e) {
      overflow = e;
    }
    const item = errorItem('b', 'b.html', overflow);
    expect(item).toEqual({ ok: false, id: 'b', origin: 'b.html', message: 'b.html: could not be read (internal error: RangeError: Maximum call stack size exceeded)' });
    const multi = errorItem('c', null, new Error('first line\n    at somewhere'));
    expect(!multi.ok && multi.message).toBe('c: could not be read (internal error: Error: first line)');
  });
});
