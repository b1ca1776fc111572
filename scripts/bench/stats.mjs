// Percentiles by the nearest-rank method: p95 of 500 samples is the 475th smallest.
export function percentile(samples, p) {
  if (samples.length === 0) return NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}

export function summary(samples) {
  return { p50: percentile(samples, 50), p95: percentile(samples, 95), p99: percentile(samples, 99), max: Math.max(...samples), n: samples.length };
}

export function ms(value, digits = value < 10 ? 2 : 0) {
  return `${value.toFixed(digits)} ms`;
}
