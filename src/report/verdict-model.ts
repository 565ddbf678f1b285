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
    bias: -78.7478,
    weights: [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 82.1435, -37.8766, -5.0418, 40.1136, 5.0299, 2.8867, 0, 0, 0, 0],
    reference: [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0.0582, 0.6352, 0.9299, 0.9785, 0.7857, 0.8933, 0.056, 0.6808, 0, 0, 0, 0]
  },
  corpus: {
    bias: -35.4117,
    weights: [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1.0829, 0, 9.9933, -8.0826, 13.3374, 11.3667, 4.5333, 0.8883, 3.4981, 3.9455, 13.8976, 12.9501],
    reference: [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0.0582, 0.6352, 0.9299, 0.9785, 0.7857, 0.8933, 0.056, 0.6808, 0.0568, 0.1115, 0.0002, 0.0036]
  }
};
