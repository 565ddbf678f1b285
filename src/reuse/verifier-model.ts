// Written by `npm run fit:paraphrase` (bench/paraphrase/fit.ts): do not edit by hand.
// Logistic regression over src/reuse/meaning.ts's features, standardized (x - mean) / scale. Fit on the fit
// halves of the MSRP train split and the same-event hard negatives; threshold: best fit-half MSRP accuracy with
// at most 1.0% of the same-event fit pairs accepted.
export const VERIFIER = {
  features: ["coverMin","coverMax","exact","cosine","anchorsShared","anchorsOnlyQ","anchorsOnlyS","numberChanged","numberOneSide","negationDiff","lengthRatio","inOrder","unalignedQ","unalignedS"],
  mean: [0.75389,0.85747,0.66137,0.9193,2.3222,0.81683,0.76693,0.13566,0.17464,0.04456,0.1684,0.90924,0.17701,0.17873],
  scale: [0.16663,0.15529,0.19297,0.06784,1.67568,1.12185,1.08088,0.34243,0.37966,0.20633,0.1372,0.12608,0.18374,0.18554],
  weights: [0.2338,-0.12187,0.59495,0.33328,-0.32521,0.08255,0.10946,0.00617,0.02543,-0.2711,-0.11348,0.09424,-0.14181,-0.1626],
  bias: 0.86823,
  threshold: 0.805,
};
