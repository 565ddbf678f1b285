/**
 * Shared helpers of bench/unseen/build-sets.ts: reading files out of fetched repository snapshots (git
 * directories under $UNSPUN_MIRRORS, default /work/.mirror, as the `fetch` tool leaves them) and naming a
 * page's registered domain, the unit of "one page per site" and of the exclusions between sets.
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';

export const MIRRORS = process.env.UNSPUN_MIRRORS ?? '/work/.mirror';

export function repoDir(repo: string): string {
  const dir = path.join(MIRRORS, repo.replace('/', '+'), 'repo');
  if (!existsSync(dir)) throw new Error(`no snapshot of ${repo} at ${dir} (fetch github:${repo} first)`);
  return dir;
}

export function gitShow(repo: string, file: string): Buffer {
  return execFileSync('git', ['-C', repoDir(repo), 'show', `HEAD:${file}`], { maxBuffer: 64 << 20 });
}

export function gitList(repo: string, under: string): string[] {
  return execFileSync('git', ['-C', repoDir(repo), 'ls-tree', '-r', '--name-only', 'HEAD', under], { maxBuffer: 64 << 20 })
    .toString()
    .split('\n')
    .filter(Boolean);
}

export function gitHead(repo: string): string {
  return execFileSync('git', ['-C', repoDir(repo), 'rev-parse', 'HEAD']).toString().trim();
}

// Second-level labels under a country code that are registries' own (co.uk, com.br, ne.jp, gv.at...): the
// registered domain then takes three labels. Not the whole public-suffix list, enough for news hosts.
const SECOND_LEVEL = new Set(['co', 'com', 'org', 'net', 'gov', 'ac', 'edu', 'ne', 'or', 'go', 'gv', 'gob', 'nic', 'info', 'biz', 'nom', 'ltd', 'plc', 'sch', 'mil', 'int', 'web', 'blog', 'tv', 'news', 'press']);
const HOSTED = /\.(?:wordpress\.com|blogspot\.[a-z.]+|tumblr\.com|medium\.com|github\.io|substack\.com|over-blog\.com|typepad\.com|hypotheses\.org)$/;

export function hostOf(url: string): string {
  try {
    return new URL(url).hostname.toLowerCase().replace(/^www\d?\./, '');
  } catch {
    return '';
  }
}

/** The registered domain of a URL or host ("news.bbc.co.uk" -> "bbc.co.uk"); a hosted blog keeps its own name. */
export function siteOf(urlOrHost: string): string {
  const host = urlOrHost.includes('/') ? hostOf(urlOrHost) : urlOrHost.toLowerCase().replace(/^www\d?\./, '');
  if (!host) return '';
  const hosted = host.match(HOSTED);
  if (hosted) return host.split('.').slice(-(hosted[0].split('.').length)).join('.');
  const labels = host.split('.');
  if (labels.length <= 2) return host;
  const [sld, tld] = labels.slice(-2);
  const n = tld.length === 2 && SECOND_LEVEL.has(sld) ? 3 : 2;
  return labels.slice(-n).join('.');
}
