// Small measuring helpers: ns per operation (median of trials) and latency percentiles.

/** Median ns/op of `fn` over `trials` timed batches of `batch` calls, after a warm-up. */
export function nsPerOp(fn, { batch = 20_000, trials = 9, warmup = 20_000 } = {}) {
  for (let i = 0; i < warmup; i++) fn(i);
  const samples = [];
  for (let t = 0; t < trials; t++) {
    const start = process.hrtime.bigint();
    for (let i = 0; i < batch; i++) fn(i);
    samples.push(Number(process.hrtime.bigint() - start) / batch);
  }
  samples.sort((a, b) => a - b);
  return samples[Math.floor(samples.length / 2)];
}

/**
 * nsPerOp for several functions, trials interleaved (a batch of each in turn), so that load
 * drifting during the run reaches every function alike. Returns the median ns/op of each.
 */
export function nsPerOpInterleaved(fns, { batch = 20_000, trials = 15, warmup = 20_000 } = {}) {
  const samples = Object.fromEntries(Object.keys(fns).map((k) => [k, []]));
  for (const fn of Object.values(fns)) for (let i = 0; i < warmup; i++) fn(i);
  for (let t = 0; t < trials; t++) {
    for (const [name, fn] of Object.entries(fns)) {
      const start = process.hrtime.bigint();
      for (let i = 0; i < batch; i++) fn(i);
      samples[name].push(Number(process.hrtime.bigint() - start) / batch);
    }
  }
  return Object.fromEntries(Object.entries(samples).map(([k, xs]) => [k, xs.sort((a, b) => a - b)[Math.floor(xs.length / 2)]]));
}

export function percentile(sorted, p) {
  if (!sorted.length) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

export const fmt = (n, digits = 0) =>
  Number.isFinite(n) ? n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits }) : String(n);

export function table(rows) {
  const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => String(r[i]).length)));
  return rows.map((r) => r.map((c, i) => (i === 0 ? String(c).padEnd(widths[i]) : String(c).padStart(widths[i]))).join('  ')).join('\n');
}
