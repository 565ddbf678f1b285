import { afterAll, describe, expect, it } from 'vitest';
import { AnalysisService } from '../../src/server/analysis.js';
import { FERRY } from './helpers.js';

const record = (text: string) => ({ id: 'pasted', text, maxBytes: 1 << 20 });

describe('AnalysisService: workers, a bounded queue and a cache', () => {
  const svc = new AnalysisService({
    workers: 1,
    maxQueue: 1,
    timeBudgetMs: 3000,
    analyzersModule: new URL('../fixtures/spin-analyzers.ts', import.meta.url).href,
  });
  afterAll(() => svc.close());

  it('analyzes the same request once: concurrent twins share it, later ones come from the cache until the index changes', async () => {
    const [a, b] = await Promise.all([svc.analyze(record(FERRY), 'g1'), svc.analyze(record(FERRY), 'g1')]);
    expect(a.ok).toBe(true);
    expect(b).toBe(a);
    expect(await svc.analyze(record(FERRY), 'g1')).toBe(a);
    const other = await svc.analyze(record(FERRY), 'g2');
    expect(other).not.toBe(a);
    // The same report, so the same id.
    expect(other.ok && a.ok && other.id === a.id).toBe(true);
  });

  it('turns requests away past the queue, and skips queued ones whose client went away', async () => {
    const stuck = svc.analyze(record(`${FERRY} SPIN-FOREVER`), 'g1');
    await new Promise((r) => setTimeout(r, 100));
    const gone = new AbortController();
    const queued = svc.analyze(record(`${FERRY} One.`), 'g1', gone.signal);
    expect(svc.queued).toBe(1);
    const refused = await svc.analyze(record(`${FERRY} Two.`), 'g1');
    expect(refused).toMatchObject({ ok: false, busy: true, message: expect.stringMatching(/busy/) });
    gone.abort();
    expect(await stuck).toMatchObject({ ok: false, message: expect.stringMatching(/time budget of 3000 ms/) });
    expect(await queued).toEqual({ ok: false, message: 'the client went away before its analysis started' });
    expect((await svc.analyze(record(`${FERRY} Three.`), 'g1')).ok).toBe(true);
  });
});
