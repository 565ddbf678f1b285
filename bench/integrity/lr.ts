/**
 * L2-regularized logistic regression by Newton's method (IRLS), on standardized features, with weights
 * returned on the raw scale. `nonNegative` features (evidence counts) whose weight comes out negative are
 * dropped and the model refitted: a finding may raise the score, never lower it.
 */
export interface Fitted {
  bias: number;
  weights: number[];
}

const sigmoid = (z: number) => 1 / (1 + Math.exp(-z));

function solve(a: number[][], b: number[]): number[] {
  // Gaussian elimination with partial pivoting (the system is small and positive definite).
  const n = b.length;
  const m = a.map((row, i) => [...row, b[i]]);
  for (let c = 0; c < n; c++) {
    let p = c;
    for (let r = c + 1; r < n; r++) if (Math.abs(m[r][c]) > Math.abs(m[p][c])) p = r;
    [m[c], m[p]] = [m[p], m[c]];
    const d = m[c][c] || 1e-12;
    for (let r = 0; r < n; r++) {
      if (r === c) continue;
      const f = m[r][c] / d;
      if (f) for (let k = c; k <= n; k++) m[r][k] -= f * m[c][k];
    }
  }
  return m.map((row, i) => row[n] / (row[i] || 1e-12));
}

/** Fits on rows X (already standardized, columns in `active`) and labels y; lambda penalizes weights, not the bias. */
function newton(X: number[][], y: number[], active: number[], lambda: number): Fitted {
  const d = active.length + 1;
  let w = new Array<number>(d).fill(0);
  for (let it = 0; it < 50; it++) {
    const g = new Array<number>(d).fill(0);
    const H = Array.from({ length: d }, () => new Array<number>(d).fill(0));
    for (let i = 0; i < X.length; i++) {
      const x = [1, ...active.map((j) => X[i][j])];
      let z = 0;
      for (let k = 0; k < d; k++) z += w[k] * x[k];
      const p = sigmoid(z);
      const s = Math.max(p * (1 - p), 1e-9);
      for (let k = 0; k < d; k++) {
        g[k] += (p - y[i]) * x[k];
        for (let l = k; l < d; l++) H[k][l] += s * x[k] * x[l];
      }
    }
    for (let k = 0; k < d; k++) for (let l = 0; l < k; l++) H[k][l] = H[l][k];
    for (let k = 1; k < d; k++) {
      g[k] += lambda * w[k];
      H[k][k] += lambda;
    }
    H[0][0] += 1e-9;
    const step = solve(H, g);
    w = w.map((v, k) => v - step[k]);
    if (Math.max(...step.map(Math.abs)) < 1e-8) break;
  }
  const weights = new Array<number>(X[0]?.length ?? 0).fill(0);
  active.forEach((j, k) => (weights[j] = w[k + 1]));
  return { bias: w[0], weights };
}

export interface FitOptions {
  lambda: number;
  nonNegative?: boolean[];
}

export function fitLogistic(X: number[][], y: number[], o: FitOptions): Fitted {
  const p = X[0]?.length ?? 0;
  const mean = new Array<number>(p).fill(0);
  const sd = new Array<number>(p).fill(0);
  for (const row of X) row.forEach((v, j) => (mean[j] += v / X.length));
  for (const row of X) row.forEach((v, j) => (sd[j] += (v - mean[j]) ** 2 / X.length));
  for (let j = 0; j < p; j++) sd[j] = Math.sqrt(sd[j]);
  const Z = X.map((row) => row.map((v, j) => (sd[j] > 1e-12 ? (v - mean[j]) / sd[j] : 0)));
  // Constant columns carry no information: left out, weight 0.
  let active = [...Array(p).keys()].filter((j) => sd[j] > 1e-12);
  let fit = newton(Z, y, active, o.lambda);
  for (let round = 0; round < p; round++) {
    const bad = active.filter((j) => o.nonNegative?.[j] && fit.weights[j] < 0);
    if (!bad.length) break;
    active = active.filter((j) => !bad.includes(j));
    fit = newton(Z, y, active, o.lambda);
  }
  // Back to the raw scale: w·(x − μ)/σ = (w/σ)·x − w·μ/σ.
  const weights = fit.weights.map((w, j) => (sd[j] > 1e-12 ? w / sd[j] : 0));
  const bias = fit.bias - fit.weights.reduce((a, w, j) => a + (sd[j] > 1e-12 ? (w * mean[j]) / sd[j] : 0), 0);
  return { bias, weights };
}

export function predict(m: Fitted, x: number[]): number {
  return sigmoid(m.bias + m.weights.reduce((a, w, j) => a + w * x[j], 0));
}

export function logLoss(m: Fitted, X: number[][], y: number[]): number {
  let s = 0;
  X.forEach((x, i) => {
    const p = Math.min(1 - 1e-12, Math.max(1e-12, predict(m, x)));
    s -= y[i] ? Math.log(p) : Math.log(1 - p);
  });
  return s / X.length;
}

/** Picks lambda by k-fold cross-validated log loss. */
export function chooseLambda(X: number[][], y: number[], lambdas: number[], o: Omit<FitOptions, 'lambda'>, k = 5): { lambda: number; losses: number[] } {
  const folds = X.map((_, i) => i % k);
  const losses = lambdas.map((lambda) => {
    let total = 0;
    for (let f = 0; f < k; f++) {
      const tr = X.flatMap((x, i) => (folds[i] !== f ? [i] : []));
      const te = X.flatMap((x, i) => (folds[i] === f ? [i] : []));
      const m = fitLogistic(tr.map((i) => X[i]), tr.map((i) => y[i]), { ...o, lambda });
      total += logLoss(m, te.map((i) => X[i]), te.map((i) => y[i])) * te.length;
    }
    return total / X.length;
  });
  const best = losses.indexOf(Math.min(...losses));
  return { lambda: lambdas[best], losses };
}
