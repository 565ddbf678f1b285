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
    bias: -109.8917,
    weights: [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0.4997, 0.0499, 43.3325, 22.5875, 2.6306, 41.4968, 3.1094, 3.9313, 0, 0, 0, 0],
    reference: [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0.0622, 0.647, 0.9306, 0.9785, 0.787, 0.8936, 0.0645, 0.6649, 0, 0, 0, 0]
  },
  corpus: {
    bias: -56.0607,
    weights: [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1.1582, 0.8937, 5.997, 4.4255, 13.6945, 21.6039, 5.5823, 1.7244, 4.1658, 4.632, 13.1633, 10.7642],
    reference: [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0.0622, 0.647, 0.9306, 0.9785, 0.787, 0.8936, 0.0645, 0.6649, 0.0572, 0.1142, 0.0005, 0.0043]
  }
};
