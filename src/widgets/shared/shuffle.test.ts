import { randomBelow, shuffled } from './shuffle';

describe('randomBelow', () => {
  afterEach(() => jest.restoreAllMocks());

  it('redraws values in the biased tail instead of folding them', () => {
    const draws = [0xffffffff, 7];
    jest.spyOn(crypto, 'getRandomValues').mockImplementation(<T extends ArrayBufferView | null>(array: T): T => {
      (array as unknown as Uint32Array)[0] = draws.shift() as number;
      return array;
    });
    // 2^32 - 1 is past the last whole multiple of 10, so it must be rejected.
    expect(randomBelow(10)).toBe(7);
    expect(draws).toEqual([]);
  });

  it('rejects a bad range', () => {
    expect(() => randomBelow(0)).toThrow(RangeError);
    expect(() => randomBelow(2.5)).toThrow(RangeError);
  });
});

describe('shuffled', () => {
  const digits = ['0', '1', '2', '3', '4', '5', '6', '7', '8', '9'];

  it('returns a permutation and leaves the input alone', () => {
    const out = shuffled(digits);
    expect([...out].sort()).toEqual(digits);
    expect(digits).toEqual(['0', '1', '2', '3', '4', '5', '6', '7', '8', '9']);
  });

  it('puts every digit in every position about equally often', () => {
    const runs = 10_000;
    const seen = Array.from({ length: 10 }, () => new Array<number>(10).fill(0));
    for (let r = 0; r < runs; r++) {
      shuffled(digits).forEach((d, position) => {
        (seen[position] as number[])[Number(d)]! += 1;
      });
    }
    // Expected 1000 each with a standard deviation of 30: 200 off would be a 6-sigma event.
    for (const row of seen) for (const n of row) expect(Math.abs(n - runs / 10)).toBeLessThan(200);
  });
});
