import { coveredLength, median, pairRatios, percentile, summarize, summarizeRatios } from './stats';

describe('bench statistics', () => {
  it('takes nearest-rank percentiles and the middle of an even count for the median', () => {
    const samples = Array.from({ length: 20 }, (_, i) => i + 1);
    expect(percentile(samples, 95)).toBe(19);
    expect(percentile(samples, 100)).toBe(20);
    expect(median(samples)).toBe(10.5);
    expect(median([3, 1, 2])).toBe(2);
    expect(summarize([4, 2, 9])).toEqual({ n: 3, median: 4, p95: 9, min: 2, max: 9, mean: 5 });
  });

  it('refuses samples that are not numbers', () => {
    expect(() => summarize([1, Number.NaN])).toThrow('1 sample(s) are not numbers');
  });

  it('counts overlapping server intervals once and only inside the windows', () => {
    const intervals = [
      { start: 0, end: 10 },
      { start: 5, end: 15 },
      { start: 40, end: 50 },
    ];
    expect(coveredLength(intervals, [{ start: 0, end: 100 }])).toBe(25);
    expect(coveredLength(intervals, [{ start: 8, end: 12 }, { start: 45, end: 60 }])).toBe(9);
    expect(coveredLength([], [{ start: 0, end: 1 }])).toBe(0);
  });
});

describe('per-pair ratios', () => {
  it('divides each pair and summarises the ratios, so drift common to a pair cancels', () => {
    // The second half of the run is twice as slow for both variants: every ratio is still 1.2.
    const a = [120, 120, 240, 240];
    const b = [100, 100, 200, 200];
    const ratios = pairRatios(a, b);
    expect(ratios.map((r) => Math.round(r * 1000) / 1000)).toEqual([1.2, 1.2, 1.2, 1.2]);
    expect(summarizeRatios(ratios)).toEqual({ n: 4, median: 1.2, p10: 1.2, p25: 1.2, p75: 1.2, p90: 1.2 });
  });

  it('gives the spread as nearest-rank percentiles of the ratios', () => {
    const s = summarizeRatios([0.9, 1, 1.1, 1.2, 1.3, 1.4, 1.5, 1.6, 1.7, 2]);
    expect([s.median, s.p10, s.p25, s.p75, s.p90]).toEqual([1.35, 0.9, 1.1, 1.6, 1.7]);
  });

  it('refuses unmatched pairs and empty denominators', () => {
    expect(() => pairRatios([1, 2], [1])).toThrow('2 numerators for 1 denominators');
    expect(() => pairRatios([1], [0])).toThrow('pair 0 has a denominator of 0');
  });
});
