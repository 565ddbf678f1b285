import { Worker, type WorkerOptions } from 'node:worker_threads';

/**
 * A worker thread running `module` (a URL next to the caller: `new URL('./worker.js', import.meta.url)`).
 * From source (a .ts module: tsx, tests) it goes through a small bootstrap that registers tsx in the worker.
 */
export function spawnWorker(module: URL, options: WorkerOptions = {}): Worker {
  if (!module.pathname.endsWith('.ts')) return new Worker(module, options);
  const boot = new URL('./tsx-worker.mjs', import.meta.url);
  return new Worker(boot, { ...options, workerData: { ...(options.workerData as object), __entry: module.href } });
}

/** `./name.ts` from source, `./name.js` once built, next to `base` (the caller's import.meta.url). */
export function sibling(name: string, base: string): URL {
  return new URL(`./${name}${base.endsWith('.ts') ? '.ts' : '.js'}`, base);
}
