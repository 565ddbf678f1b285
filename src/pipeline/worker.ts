// Worker thread of the AnalysisRunner (runner.ts): analyzes one article per message and answers with its report.
import { parentPort, workerData } from 'node:worker_threads';
import type { Analyzer } from '../analyzers/index.js';
import { articleFromRecord, DEFAULT_INGEST } from '../ingest/index.js';
import type { Article } from '../model/document.js';
import { UserError } from '../model/errors.js';
import { buildReport } from '../report/build.js';
import { openStore, type Store } from '../store/index.js';
import { DamagedIndexError } from '../store/errors.js';
import { nlp } from '../text/nlp.js';
import { analyzeArticle } from './analyze.js';
import type { ArticleRecord, RunnerSetup } from './runner.js';

function fromRecord(r: ArticleRecord): Article {
  const a = articleFromRecord(r, r.id, r.url ?? r.id, { ...DEFAULT_INGEST, maxBytes: r.maxBytes });
  return { ...a, id: r.id, kind: r.html !== undefined ? (r.url ? 'url' : 'html') : 'text', origin: r.url ?? null };
}

const setup = workerData as RunnerSetup;
let store: Store | undefined;
let analyzers: readonly Analyzer[] | undefined;

async function init(): Promise<void> {
  if (setup.db) store = await openStore(setup.db, { create: false });
  if (setup.analyzersModule) analyzers = ((await import(setup.analyzersModule)) as { analyzers: readonly Analyzer[] }).analyzers;
  nlp(); // the model loads before the first document's clock starts
}

init().then(
  () => {
    parentPort!.on('message', async (msg: { job: number; article?: Article; record?: ArticleRecord; extract?: ArticleRecord }) => {
      try {
        // Only reading the record (a server's documents to index): the extraction under the time budget.
        if (msg.extract) {
          const { raw: _raw, ...article } = fromRecord(msg.extract);
          return parentPort!.postMessage({ job: msg.job, ok: true, article });
        }
        const article = msg.article ?? fromRecord(msg.record!);
        const doc = await analyzeArticle(article, { config: setup.config, store, published: setup.published ?? undefined, analyzers });
        parentPort!.postMessage({ job: msg.job, ok: true, report: buildReport(doc) });
      } catch (e) {
        const message = e instanceof UserError ? e.message : `internal error: ${(e as Error)?.message ?? String(e)}`;
        // A damaged index fails every document the same way: the batch stops on it (runner.ts).
        parentPort!.postMessage({ job: msg.job, ok: false, message, ...(e instanceof DamagedIndexError ? { fatal: true } : {}) });
      }
    });
    parentPort!.postMessage({ ready: true });
  },
  (e: unknown) => parentPort!.postMessage({ ready: false, message: (e as Error)?.message ?? String(e) }),
);
