// Measures of bench:integrity.

/** ROC AUC by ranks (ties share their mean rank). */
export function auc(scores: number[], labels: boolean[]): number {
  const idx = scores.map((s, i) => ({ s, y: labels[i] })).sort((a, b) => a.s - b.s);
  let rankSum = 0;
  let pos = 0;
  for (let i = 0; i < idx.length; ) {
    let j = i;
    while (j < idx.length && idx[j].s === idx[i].s) j++;
    const rank = (i + 1 + j) / 2;
    for (let k = i; k < j; k++) if (idx[k].y) {
      rankSum += rank;
      pos++;
    }
    i = j;
  }
  const neg = idx.length - pos;
  return pos && neg ? (rankSum - (pos * (pos + 1)) / 2) / (pos * neg) : NaN;
}

/** Expected calibration error over `bins` equal-width bins of the predicted probability. */
export function ece(p: number[], labels: boolean[], bins = 10): number {
  let total = 0;
  for (let b = 0; b < bins; b++) {
    const inBin = p.flatMap((x, i) => ((x >= b / bins && x < (b + 1) / bins) || (b === bins - 1 && x === 1) ? [i] : []));
    if (!inBin.length) continue;
    const conf = inBin.reduce((a, i) => a + p[i], 0) / inBin.length;
    const acc = inBin.filter((i) => labels[i]).length / inBin.length;
    total += (inBin.length / p.length) * Math.abs(conf - acc);
  }
  return total;
}
