import { analyzers as registry, type Analyzer, type AnalyzerContext, type FindingInput } from '../analyzers/index.js';
import { createDocument, sentenceAt, type Article, type Document } from '../model/document.js';
import type { Severity } from '../model/types.js';
import type { Store } from '../store/store.js';
import { parseConfig, ruleSetting, type Config } from './config.js';

export interface AnalyzeOptions {
  /** Checked against the analyzers' rules and names: a bad one is a UserError naming the key. */
  config?: Config;
  store?: Store;
  /** Overrides the article's publication date (YYYY-MM-DD). */
  published?: string | null;
  /** Analyzers to run instead of the registry (tests, benchmarks). */
  analyzers?: readonly Analyzer[];
}

// Analyzers given instead of the registry (tests, benchmarks) may bring rules of their own; a config naming a
// registry rule stays valid with them.
const unions = new WeakMap<readonly Analyzer[], readonly Analyzer[]>();
function known(custom: readonly Analyzer[] | undefined): readonly Analyzer[] {
  if (!custom) return registry;
  let u = unions.get(custom);
  if (!u) unions.set(custom, (u = [...registry, ...custom.filter((a) => !registry.includes(a))]));
  return u;
}

/** Runs the analyzers over one article. The CLI, the server and the library all come through here. */
export async function analyzeArticle(article: Article, options: AnalyzeOptions = {}): Promise<Document> {
  const config = options.config === undefined ? {} : parseConfig(options.config, { analyzers: known(options.analyzers) });
  const published = options.published ?? article.published ?? null;
  const doc = createDocument(published === article.published ? article : { ...article, published });
  const severities = new Map<string, Severity>();
  for (const analyzer of options.analyzers ?? registry) {
    if (analyzer.name !== 'segment' && config.analyzers?.[analyzer.name] === false) continue;
    // The language pass named it English-only and the article is in another language.
    if (doc.data.language?.skipped.includes(analyzer.name)) continue;
    for (const rule of analyzer.rules) severities.set(rule.id, rule.severity);
    const ctx: AnalyzerContext = {
      store: options.store,
      published,
      report(f: FindingInput) {
        const setting = ruleSetting(config, f.ruleId, f.severity ?? severities.get(f.ruleId) ?? 'warning');
        if (setting === 'off') return;
        doc.findings.push({
          ruleId: f.ruleId,
          severity: setting,
          message: f.message,
          start: f.start,
          end: f.end,
          sentence: f.sentence === undefined ? sentenceAt(doc, f.start) : f.sentence,
          ...(f.data ? { data: f.data } : {}),
        });
      },
    };
    await analyzer.run(doc, ctx);
  }
  doc.findings.sort((a, b) => a.start - b.start || a.end - b.end || a.ruleId.localeCompare(b.ruleId));
  return doc;
}

/** Every rule the registry knows, with its default severity (for docs and `--help`). */
export function allRules() {
  return registry.flatMap((a) => a.rules.map((r) => ({ ...r, analyzer: a.name })));
}
