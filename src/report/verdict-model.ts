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
    bias: -73.2349,
    weights: [4.2852, 3.4246, 4.9553, 0, 8.5124, 0, 5.065, 4.1827, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0.1964, 0.1094, 57.9453, -21.1399, -1.0879, 37.2853, 4.3266, 2.9292, 0, 0, 0, 0],
    reference: [0.0033, 0.0017, 0, 0, 0, 0, 0, 0.005, 0.0017, 0, 0, 0, 0, 0, 0, 0, 0, 0.0151, 0.6382, 0.9299, 0.9785, 0.7857, 0.8933, 0.056, 0.6808, 0, 0, 0, 0]
  },
  corpus: {
    bias: -40.4345,
    weights: [1.9854, 2.4427, 0.0662, 0, 0.1397, 0, 1.1039, 0.5348, 0, 3.6102, 1.1195, 0, 0.0056, 0, 0, 0, 0, 0.6962, 0, 11.1522, -0.6651, 13.4185, 8.7812, 4.961, -0.2834, 3.3755, 3.857, 14.5535, 9.0915],
    reference: [0.0033, 0.0017, 0, 0, 0, 0, 0, 0.005, 0.0017, 0, 0.0017, 0, 0, 0, 0, 0, 0, 0.0151, 0.6382, 0.9299, 0.9785, 0.7857, 0.8933, 0.056, 0.6808, 0.0568, 0.1115, 0.0002, 0.0036]
  }
};
