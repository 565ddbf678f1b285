// Written by `npm run fit:verdict` (bench/integrity/fit.ts) on the FIT half of bench/integrity: do not
// edit by hand, re-run the fit. Features are src/report/features.ts's, in this order.
import type { VerdictModel } from './verdict.js';

export const VERDICT_MODEL: VerdictModel = {
  fitted: {
    command: "npm run fit:verdict",
    date: "2026-11-30",
    articles: 720,
    seed: 1
  },
  features: ["coherence/off-topic", "coherence/dangling-reference", "coherence/voice-shift", "consistency/headline", "consistency/date", "consistency/claim", "spin/formal-name", "spin/unnatural-phrase", "spin/tense-shift", "attribution/mismatch", "quote/stripped", "quote/fabricated", "reuse/altered-fact", "coherence/*other", "consistency/*other", "spin/*other", "attribution/*other", "quote/*other", "boilerplate/template-line", "cohesion/mean", "cohesion/max", "cohesion/neighbour", "cohesion/lede", "cohesion/outside-largest", "cohesion/lone-entities", "reuse/share", "reuse/sources", "reuse/beyond-first", "reuse/spun-share"],
  intrinsic: {
    bias: -72.9202,
    weights: [5.1974, 4.5537, 6.2626, 0, 10.306, 0, 6.2942, 5.8039, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0.1649, 87.3969, -48.5394, -4.1734, 38.1792, 4.4885, 2.9599, 0, 0, 0, 0],
    reference: [0.0033, 0.0017, 0, 0, 0, 0, 0, 0.005, 0.0017, 0, 0, 0, 0, 0, 0, 0, 0, 0.0151, 0.6382, 0.9299, 0.9785, 0.7857, 0.8933, 0.056, 0.6985, 0, 0, 0, 0]
  },
  corpus: {
    bias: -25.9282,
    weights: [0.8931, 0.7963, 0.0301, 0, 0.0949, 0, 0.9631, 0.7777, 0, 3.3004, 1.4506, 0, 0, 0, 0, 0, 0, 0.7868, 0, 21.7739, -37.9262, 15.3618, 15.1971, 6.2443, 4.0155, 2.8875, 6.0493, 11.9995, 8.7045],
    reference: [0.0078, 0.0078, 0, 0, 0, 0, 0, 0, 0, 0, 0.0078, 0, 0.0669, 0, 0, 0, 0, 0, 0.7128, 0.9376, 0.9886, 0.7665, 0.899, 0.0276, 0.6876, 0.2941, 0.7296, 0.0061, 0.017]
  }
};
