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
