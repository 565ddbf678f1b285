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
  features: ["coherence/off-topic", "coherence/dangling-reference", "coherence/voice-shift", "consistency/headline", "consistency/date", "consistency/claim", "spin/formal-name", "spin/unnatural-phrase", "spin/tense-shift", "attribution/mismatch", "quote/stripped", "quote/fabricated", "reuse/altered-fact", "coherence/*other", "consistency/*other", "spin/*other", "attribution/*other", "quote/*other", "boilerplate/template-line", "cohesion/mean", "cohesion/max", "reuse/share", "reuse/sources", "reuse/beyond-first", "reuse/spun-share"],
  intrinsic: {
    bias: -129.3001,
    weights: [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0.997, 0.016, 114.9192, 18.0256, 0, 0, 0, 0],
    reference: [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0.0527, 0.6402, 0.9303, 0.9779, 0, 0, 0, 0]
  },
  corpus: {
    bias: -21.6125,
    weights: [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0.7443, 0, 26.8437, -15.5255, 2.9898, 5.7347, 22.7377, 7.1764],
    reference: [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0.0527, 0.6402, 0.9303, 0.9779, 0.057, 0.1165, 0.0002, 0.0035]
  }
};
