// The message loop of an indexing worker (worker.ts), apart so that tests can serve another `prepare`.
// Before each document it writes (job, index) into the shared `progress` array: the main thread's watchdog
// reads it to find a document that has run past the time budget.
import { parentPort, workerData } from 'node:worker_threads';
import type { DocInput, PreparedDoc } from './prepare.js';

export function serve(prepare: (d: DocInput) => PreparedDoc): void {
  const progress = new Int32Array((workerData as { progress: SharedArrayBuffer }).progress);
  parentPort?.on('message', (msg: { job: number; docs: DocInput[] }) => {
    const out = [];
    for (let i = 0; i < msg.docs.length; i++) {
      const d = msg.docs[i];
      Atomics.store(progress, 0, msg.job);
      Atomics.store(progress, 1, i);
      try {
        out.push(prepare(d));
      } catch (e) {
        out.push({ id: d.id, error: (e as Error)?.message ?? String(e) });
      }
    }
    Atomics.store(progress, 1, -1);
    parentPort!.postMessage({ job: msg.job, docs: out });
  });
  parentPort?.postMessage({ ready: true });
}
