// Written by `npm run fit:paraphrase` (bench/paraphrase/fit.ts): do not edit by hand.
// Logistic regression over src/reuse/meaning.ts's features, standardized (x - mean) / scale. Fit on the fit
// halves of the MSRP train split and the same-event hard negatives; threshold: best fit-half MSRP accuracy with
// at most 5.0% of the same-event fit sentences linked to another outlet.
export const VERIFIER = {
  features: ["coverMin","coverMax","cosine","anchorsShared","anchorsOnlyQ","anchorsOnlyS","numberChanged","numberOneSide","negationDiff","lengthRatio","inOrder","unalignedQ","unalignedS"],
  mean: [0.75389,0.85747,0.9193,2.3222,0.81683,0.76693,0.13566,0.17464,0.04456,0.1684,0.8778,0.05562,0.05873],
  scale: [0.16663,0.15529,0.06784,1.67568,1.12185,1.08088,0.34243,0.37966,0.20633,0.1372,0.13706,0.08933,0.0921],
  weights: [0.62038,0.1714,0.31217,-0.29904,0.02373,0.06019,-0.0386,0.01374,-0.27485,-0.15149,0.18058,-0.18141,-0.11395],
  bias: 0.86093,
  threshold: 0.705,
};
