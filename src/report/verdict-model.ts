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
    bias: -69.8937,
    weights: [2.0586, 3.6342, 4.5054, 0, 0.0382, 0, 4.8755, 3.2291, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 53.4074, -21.3246, -1.4369, 39.0855, 5.0828, 2.8511, 0, 0, 0, 0],
    reference: [0.0017, 0.0017, 0, 0, 0.005, 0, 0, 0.005, 0.0017, 0, 0, 0, 0, 0, 0, 0, 0, 0.0582, 0.6352, 0.9299, 0.9785, 0.7857, 0.8933, 0.056, 0.6808, 0, 0, 0, 0]
  },
  corpus: {
    bias: -41.451,
    weights: [2.4092, 1.7909, 0.0226, 0, 0, 0, 1.2818, 1.0379, 0, 3.3839, 1.4063, 0, 0.0083, 0, 0, 0, 0, 1.2718, 0, 9.6916, -0.7373, 14.4943, 10.1379, 5.2186, -0.4247, 3.566, 3.8659, 13.3765, 10.0151],
    reference: [0.0017, 0.0017, 0, 0, 0.005, 0, 0, 0.005, 0.0017, 0, 0.0017, 0, 0, 0, 0, 0, 0, 0.0582, 0.6352, 0.9299, 0.9785, 0.7857, 0.8933, 0.056, 0.6808, 0.0568, 0.1115, 0.0002, 0.0036]
  }
};
