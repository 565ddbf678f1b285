// Written by `npm run fit:paraphrase` (bench/paraphrase/fit.ts): do not edit by hand.
// Logistic regression over src/reuse/meaning.ts's features, standardized (x - mean) / scale,
// chosen by 5-fold cross-validation in the fit half. Fit on the fit halves of the MSRP train split and the same-event
// hard negatives; threshold: best fit-half MSRP accuracy with at most 5.0% of the same-event fit
// sentences linked to another outlet.
import type { VerifierModel } from './meaning.js';

export const VERIFIER: VerifierModel = {
  features: ["coverMin","coverMax","cosine","anchorsShared","anchorsOnlyQ","anchorsOnlyS","numberChanged","numberOneSide","negationDiff","lengthRatio","inOrder","unalignedQ","unalignedS","lcsMin","lcsMax","bigramMin","bigramMax","unalignedMaxQ","unalignedMaxS","lengthDiff","wordsMin"],
  mean: [0.7164,0.82425,0.90248,2.22431,0.98463,1.01433,0.14593,0.21399,0.06236,0.19029,0.84402,0.07235,0.0757,0.53116,0.63662,0.36721,0.44675,0.28412,0.29098,2.37984,9.81311],
  scale: [0.18625,0.17355,0.07966,1.64075,1.30278,1.36411,0.35304,0.41012,0.24181,0.15264,0.1607,0.10289,0.10541,0.19824,0.22425,0.23787,0.27652,0.34191,0.3414,1.96381,2.26218],
  weights: [0.602,0.14748,0.42023,-0.20713,0.05289,0.05674,0.00237,-0.01079,-0.35575,0.31954,0.19872,-0.16197,-0.07678,0.36213,0.92435,0.25473,-1.06751,-0.04616,-0.08865,-0.55035,0.00715],
  lo: [0.24119,0.31635,0.69277,0,0,0,0,0,0,0,0.5,0,0,0.2,0.22222,0,0,0,0,0,4],
  hi: [1,1,1,5,5,5,1,1,1,0.539,1,0.37656,0.39583,0.91667,1,0.88889,1,1,1,7,12],
  bias: 0.30829,
  threshold: 0.63,
};
