import { formatCountdown, secondsUntil } from './countdown';

describe('secondsUntil', () => {
  const at = Date.parse('2031-05-06T07:08:00Z');
  it('rounds partial seconds up, so the last second shows 0:01 rather than 0:00', () => {
    expect(secondsUntil('2031-05-06T07:08:00Z', at - 30 * 60_000)).toBe(1800);
    expect(secondsUntil('2031-05-06T07:08:00Z', at - 1)).toBe(1);
    expect(secondsUntil('2031-05-06T07:08:00Z', at - 1001)).toBe(2);
  });
  it('is 0 at and after the moment, and for an invalid time', () => {
    expect(secondsUntil('2031-05-06T07:08:00Z', at)).toBe(0);
    expect(secondsUntil('2031-05-06T07:08:00Z', at + 5000)).toBe(0);
    expect(secondsUntil('not a time', at)).toBe(0);
    expect(secondsUntil('2031-05-06T07:08:00Z', Number.NaN)).toBe(0);
  });
});

describe('formatCountdown', () => {
  it.each([
    [0, '0:00'],
    [9, '0:09'],
    [60, '1:00'],
    [1799, '29:59'],
    [1800, '30:00'],
    [3600, '1:00:00'],
    [3723, '1:02:03'],
    [-5, '0:00'],
    [Number.POSITIVE_INFINITY, '0:00'],
    [12.7, '0:12'],
  ])('%p seconds → %p', (seconds, text) => {
    expect(formatCountdown(seconds)).toBe(text);
  });
});
