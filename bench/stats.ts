// Summaries of repeated measurements: nearest-rank percentiles, no interpolation between samples.

export interface Summary {
  n: number;
  median: number;
  p95: number;
  min: number;
  max: number;
  mean: number;
}

/** Nearest-rank percentile (p in 0..100) of unsorted samples; NaN for none. */
export function percentile(samples: readonly number[], p: number): number {
  if (samples.length === 0) return Number.NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = Math.min(sorted.length, Math.max(1, Math.ceil((p / 100) * sorted.length)));
  return sorted[rank - 1]!;
}

/** The middle sample, or the mean of the two middle ones. */
export function median(samples: readonly number[]): number {
  if (samples.length === 0) return Number.NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

export function summarize(samples: readonly number[]): Summary {
  const finite = samples.filter(Number.isFinite);
  if (finite.length !== samples.length) throw new Error(`${samples.length - finite.length} sample(s) are not numbers`);
  return {
    n: finite.length,
    median: round(median(finite)),
    p95: round(percentile(finite, 95)),
    min: round(Math.min(...finite)),
    max: round(Math.max(...finite)),
    mean: round(finite.reduce((a, b) => a + b, 0) / finite.length),
  };
}

export const round = (value: number, digits = 1) => Math.round(value * 10 ** digits) / 10 ** digits;

export interface Interval {
  start: number;
  end: number;
}

/** Total length of the union of `intervals`, each clipped to one of `windows` (which must not overlap). */
export function coveredLength(intervals: readonly Interval[], windows: readonly Interval[]): number {
  const clipped = windows.flatMap((w) =>
    intervals.map((i) => ({ start: Math.max(i.start, w.start), end: Math.min(i.end, w.end) })).filter((i) => i.end > i.start),
  );
  clipped.sort((a, b) => a.start - b.start);
  let total = 0;
  let current: Interval | null = null;
  for (const next of clipped) {
    if (current && next.start <= current.end) current.end = Math.max(current.end, next.end);
    else {
      if (current) total += current.end - current.start;
      current = { ...next };
    }
  }
  return current ? total + current.end - current.start : total;
}

/** A ratio target's figures: the median of per-pair ratios and their spread (nearest-rank p10–p90 and IQR). */
export interface RatioSummary {
  n: number;
  median: number;
  p10: number;
  p25: number;
  p75: number;
  p90: number;
}

/** Per-pair ratios a_i ÷ b_i: each pair was measured back to back, so slow drift of the machine cancels in it. */
export function pairRatios(a: readonly number[], b: readonly number[]): number[] {
  if (a.length !== b.length) throw new Error(`pairRatios: ${a.length} numerators for ${b.length} denominators`);
  return a.map((x, i) => {
    const y = b[i]!;
    if (!(y > 0)) throw new Error(`pairRatios: pair ${i} has a denominator of ${y}`);
    return x / y;
  });
}

export function summarizeRatios(ratios: readonly number[]): RatioSummary {
  if (ratios.length === 0 || !ratios.every(Number.isFinite)) throw new Error('summarizeRatios needs finite ratios');
  return {
    n: ratios.length,
    median: round(median(ratios), 3),
    p10: round(percentile(ratios, 10), 3),
    p25: round(percentile(ratios, 25), 3),
    p75: round(percentile(ratios, 75), 3),
    p90: round(percentile(ratios, 90), 3),
  };
}
