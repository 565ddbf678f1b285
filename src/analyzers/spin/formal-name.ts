// spin/formal-name: "Russian Federation" where news copy writes "Russia". Spinners swap short names for the
// official ones the country datasets list; reporters almost never do.
import type { Document } from '../../model/document.js';
import type { AnalyzerContext } from '../analyzer.js';
import { countryNames, formalPattern, type FormalName } from './countries.js';
import { FORMAL_USAGE } from './formal-usage.js';

/**
 * Whether news text itself writes this formal name: written out at least twice in the measured news half
 * (formal-usage.ts: "Czech Republic", "Republic of Ireland" in football - while "Russian Federation",
 * "Republic of Korea" and "People's Republic of China" never are, beside hundreds of short mentions); or the
 * country's short name is shared with another country, so the formal one is how copy tells them apart
 * ("Democratic Republic of Congo" against "Republic of Congo": both are "Congo").
 */
export function newsUsesFormal(f: FormalName, shortForms: Map<string, string[]>): boolean {
  const m = FORMAL_USAGE[f.key];
  if (m && m[0] >= 2) return true;
  const mine = shortForms.get(f.country) ?? [];
  for (const [a3, list] of shortForms) if (a3 !== f.country && list.some((s) => mine.includes(s))) return true;
  return false;
}

interface Table {
  pattern: RegExp;
  byFormal: Map<string, FormalName>;
  short: Map<string, RegExp>;
}

let table: Table | null = null;

function load(): Table {
  if (table) return table;
  const { formal, shortForms } = countryNames();
  const flagged = formal.filter((f) => !newsUsesFormal(f, shortForms));
  const esc = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const short = new Map<string, RegExp>();
  for (const f of flagged)
    if (!short.has(f.country))
      short.set(f.country, new RegExp(`(?<![\\p{L}\\p{N}.-])(?:${(shortForms.get(f.country) ?? [f.short]).map(esc).join('|')})(?![\\p{L}\\p{N}-])`, 'gu'));
  table = { pattern: formalPattern(flagged), byFormal: new Map(flagged.map((f) => [f.formal.replace(/’/g, "'"), f])), short };
  return table;
}

interface Hit {
  start: number;
  end: number;
  name: FormalName;
}

function find(text: string, t: Table): Hit[] {
  const out: Hit[] = [];
  t.pattern.lastIndex = 0;
  for (const m of text.matchAll(t.pattern)) {
    const name = t.byFormal.get(m[1].replace(/’/g, "'"));
    if (name) out.push({ start: m.index, end: m.index + m[1].length, name });
  }
  return out;
}

function countShort(text: string, re: RegExp, formal: RegExp): number {
  // "Korea" inside "Republic of Korea" is not a short mention.
  const masked = text.replace(formal, (m) => ' '.repeat(m.length));
  re.lastIndex = 0;
  return masked.match(re)?.length ?? 0;
}

export function formalNames(doc: Document, ctx: AnalyzerContext): number {
  const t = load();
  const body = find(doc.text, t);
  if (!body.length) return 0;
  const title = doc.article.title ?? '';
  const titleHits = title ? find(title, t) : [];
  const byCountry = new Map<string, Hit[]>();
  for (const h of body) byCountry.set(h.name.country, [...(byCountry.get(h.name.country) ?? []), h]);
  for (const [country, hits] of byCountry) {
    const inTitle = titleHits.filter((h) => h.name.country === country).length;
    const formalCount = hits.length + inTitle;
    const shortCount = countShort(doc.text, t.short.get(country)!, t.pattern) + (title ? countShort(title, t.short.get(country)!, t.pattern) : 0);
    // One formal name may be deliberate (news does write "the Republic of South Sudan" once beside a dozen
    // "South Sudan"s); repeated, it is a pattern: a spinner replaces the name wherever it occurs.
    const strong = formalCount >= 2;
    for (const h of hits) {
      const formal = doc.text.slice(h.start, h.end);
      const why =
        shortCount > 0
          ? `; the article also writes "${h.name.short}" (${shortCount}×) beside ${formalCount} formal`
          : formalCount > 1
            ? `; ${formalCount} formal mentions`
            : '';
      ctx.report({
        ruleId: 'spin/formal-name',
        message: `"${formal}": formal name where news style writes "${h.name.short}"${why}`,
        start: h.start,
        end: h.end,
        severity: strong ? 'warning' : 'info',
        data: { formal, short: h.name.short, country, formalCount, shortCount, inTitle },
      });
    }
  }
  return body.length;
}
