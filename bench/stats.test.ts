import { coveredLength, median, percentile, summarize } from './stats';

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
