// Written by `npm run fit:paraphrase` (bench/paraphrase/fit.ts): do not edit by hand.
// Logistic regression over src/reuse/meaning.ts's features, standardized (x - mean) / scale,
// chosen by 5-fold cross-validation in the fit half. Fit on the fit halves of the MSRP train split and the same-event
// hard negatives; threshold: best fit-half MSRP accuracy with at most 5.0% of the same-event fit
// sentences linked to another outlet.
import type { VerifierModel } from './meaning.js';

export const VERIFIER: VerifierModel = {
  features: ["coverMin","coverMax","cosine","anchorsShared","anchorsOnlyQ","anchorsOnlyS","numberChanged","numberOneSide","negationDiff","lengthRatio","inOrder","unalignedQ","unalignedS","lcsMin","lcsMax","bigramMin","bigramMax","unalignedMaxQ","unalignedMaxS","lengthDiff"],
  mean: [0.74652,0.85101,0.91554,2.30785,0.8498,0.8183,0.1377,0.1828,0.04799,0.17552,0.86959,0.05934,0.06237,0.56795,0.68008,0.40854,0.49451,0.24529,0.25283,2.12033],
  scale: [0.17101,0.15929,0.07259,1.66571,1.16096,1.1493,0.34459,0.3865,0.21376,0.15225,0.14717,0.09425,0.09637,0.1809,0.19678,0.22042,0.25265,0.32584,0.32827,1.79663],
  weights: [0.56323,0.13121,0.34325,-0.21845,0.06605,0.08856,0.00212,0.00552,-0.30972,0.3732,0.13522,-0.11344,-0.0304,0.61391,0.44471,0.38738,-1.08431,-0.04657,-0.10121,-0.32587],
  bias: 0.78383,
  threshold: 0.675,
};
