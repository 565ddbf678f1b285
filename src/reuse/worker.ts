// Worker thread: parsing and fingerprinting for `indexArticles`; the main thread is the single writer.
import { parentPort } from 'node:worker_threads';
import { prepareDoc, type DocInput } from './prepare.js';

parentPort?.on('message', (msg: { job: number; docs: DocInput[] }) => {
  const out = [];
  const transfer: ArrayBuffer[] = [];
  for (const d of msg.docs) {
    try {
      const p = prepareDoc(d);
      out.push(p);
    } catch (e) {
      out.push({ id: d.id, error: (e as Error).message });
    }
  }
  parentPort!.postMessage({ job: msg.job, docs: out }, transfer);
});
parentPort?.postMessage({ ready: true });
