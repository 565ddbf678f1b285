import { analyzers as registry, type Analyzer, type AnalyzerContext, type FindingInput } from '../analyzers/index.js';
import { createDocument, sentenceAt, type Article, type Document } from '../model/document.js';
import type { Severity } from '../model/types.js';
import type { Store } from '../store/store.js';
import { ruleSetting, type Config } from './config.js';

export interface AnalyzeOptions {
  config?: Config;
  store?: Store;
  /** Overrides the article's publication date (YYYY-MM-DD). */
  published?: string | null;
  /** Analyzers to run instead of the registry (tests, benchmarks). */
  analyzers?: readonly Analyzer[];
}

/** Runs the analyzers over one article. The CLI, the server and the library all come through here. */
export async function analyzeArticle(article: Article, options: AnalyzeOptions = {}): Promise<Document> {
  const config = options.config ?? {};
  const published = options.published ?? article.published ?? null;
  const doc = createDocument(published === article.published ? article : { ...article, published });
  const severities = new Map<string, Severity>();
  for (const analyzer of options.analyzers ?? registry) {
    if (analyzer.name !== 'segment' && config.analyzers?.[analyzer.name] === false) continue;
    for (const rule of analyzer.rules) severities.set(rule.id, rule.severity);
    const ctx: AnalyzerContext = {
      store: options.store,
      published,
      report(f: FindingInput) {
        const setting = ruleSetting(config, f.ruleId, f.severity ?? (f.weak ? 'info' : (severities.get(f.ruleId) ?? 'warning')));
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
