/**
 * `npm run fit:verdict`: fits the verdict's two logistic models (without a corpus, and against an index) on
 * the FIT half of the labelled set (bench/integrity/generate.ts) and writes src/report/verdict-model.ts.
 * The TEST half is never read here.
 *
 *   npm run fit:verdict -- [--seed 1] [--positives 300] [--dry-run]
 */
import { writeFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { extractFeatures, FEATURES } from '../../src/report/features.js';
import type { LinearModel, VerdictModel } from '../../src/report/verdict.js';
import { runHalf, type Row } from './evaluate.js';
import { buildHalf } from './generate.js';
import { chooseLambda, fitLogistic } from './lr.js';

const { values: args } = parseArgs({
  options: {
    seed: { type: 'string', default: '1' },
    positives: { type: 'string', default: '300' },
    'dry-run': { type: 'boolean', default: false },
  },
});
const seed = Number(args.seed);
const t0 = performance.now();
const log = (s: string) => process.stderr.write(`[${((performance.now() - t0) / 1000).toFixed(1)}s] ${s}\n`);

const half = buildHalf('fit', { seed, positives: Number(args.positives) });
log(`FIT half: ${half.items.length} articles (${half.items.filter((i) => i.positive).length} stitched or spun)`);
const runs = await runHalf(half, { log });

// Evidence may raise the score, never lower it; the cohesion baseline may go either way.
const nonNegative = FEATURES.map((f) => !f.startsWith('cohesion/'));
const LAMBDAS = [0.03, 0.1, 0.3, 1, 3, 10, 30];

function fit(rows: Row[], name: string): LinearModel {
  const X = rows.map((r) => extractFeatures(r.report).values);
  const y = rows.map((r) => (r.item.positive ? 1 : 0));
  const { lambda, losses } = chooseLambda(X, y, LAMBDAS, { nonNegative });
  const m = fitLogistic(X, y, { lambda, nonNegative });
  const neg = X.filter((_, i) => !y[i]);
  const reference = FEATURES.map((_, j) => neg.reduce((a, x) => a + x[j], 0) / neg.length);
  log(`${name}: lambda ${lambda} (5-fold log loss ${losses.map((l) => l.toFixed(3)).join(' ')})`);
  for (const [j, f] of FEATURES.entries()) if (m.weights[j]) log(`  ${f.padEnd(30)} ${m.weights[j].toFixed(3)}`);
  log(`  bias ${m.bias.toFixed(3)}`);
  const r4 = (x: number) => Math.round(x * 1e4) / 1e4;
  return { bias: r4(m.bias), weights: m.weights.map(r4), reference: reference.map(r4) };
}

const model: VerdictModel = {
  fitted: { command: 'npm run fit:verdict', date: new Date().toISOString().slice(0, 10), articles: half.items.length, seed },
  features: [...FEATURES],
  intrinsic: fit(runs.plain, 'without a corpus'),
  // The corpus model only judges articles the index traced (src/report/verdict.ts): it is fitted on those.
  corpus: fit(runs.corpus!.filter((r) => r.report.summary.reusedSentences > 0), 'with the corpus, traced articles'),
};

const src = `// Written by \`npm run fit:verdict\` (bench/integrity/fit.ts) on the FIT half of bench/integrity: do not
// edit by hand, re-run the fit. Features are src/report/features.ts's, in this order.
import type { VerdictModel } from './verdict.js';

export const VERDICT_MODEL: VerdictModel = ${JSON.stringify(model, null, 2)
  .replace(/"(\w+)":/g, '$1:')
  .replace(/\[\n\s+([^\]{}]*?)\n\s+\]/g, (_m, inner: string) => `[${inner.replace(/\n\s+/g, ' ')}]`)};
`;
if (args['dry-run']) process.stdout.write(src);
else {
  writeFileSync(new URL('../../src/report/verdict-model.ts', import.meta.url), src);
  log('wrote src/report/verdict-model.ts');
}
