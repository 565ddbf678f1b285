// Written by `npm run fit:paraphrase` (bench/paraphrase/fit.ts): do not edit by hand.
// Logistic regression over src/reuse/meaning.ts's features, standardized (x - mean) / scale,
// chosen by 5-fold cross-validation in the fit half. Fit on the fit halves of the MSRP train split and the same-event
// hard negatives; threshold: best fit-half MSRP accuracy with at most 5.0% of the same-event fit
// sentences linked to another outlet.
import type { VerifierModel } from './meaning.js';

export const VERIFIER: VerifierModel = {
  features: ["coverMin","coverMax","cosine","anchorsShared","anchorsOnlyQ","anchorsOnlyS","numberChanged","numberOneSide","negationDiff","lengthRatio","inOrder","unalignedQ","unalignedS","lcsMin","lcsMax","bigramMin","bigramMax","unalignedMaxQ","unalignedMaxS","lengthDiff"],
  mean: [0.73881,0.84426,0.9116,2.29283,0.88429,0.87205,0.13984,0.19133,0.05159,0.18296,0.861,0.06323,0.06619,0.55513,0.66633,0.39762,0.48185,0.25561,0.26311,2.2236],
  scale: [0.17515,0.16309,0.07704,1.65507,1.19954,1.21445,0.34682,0.39335,0.2212,0.16621,0.1566,0.09899,0.10049,0.19306,0.21036,0.22605,0.25978,0.33062,0.33233,1.95497],
  weights: [0.57225,0.13079,0.36483,-0.21513,0.06345,0.08138,0.00311,0.00082,-0.32168,0.34469,0.15458,-0.12192,-0.03892,0.55463,0.6142,0.3113,-1.04832,-0.05255,-0.10263,-0.39912],
  bias: 0.65247,
  threshold: 0.61,
};
