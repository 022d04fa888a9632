// Unbiased random key orders from the platform CSPRNG, so nobody can predict where a digit sits.
const RANGE = 0x100000000;

/** A uniform integer in [0, n): rejection sampling drops the draws that would favour small values. */
export function randomBelow(n: number): number {
  if (!Number.isInteger(n) || n < 1 || n > RANGE) throw new RangeError(`randomBelow needs an integer 1..2^32, got ${n}`);
  const limit = RANGE - (RANGE % n);
  const draw = new Uint32Array(1);
  do crypto.getRandomValues(draw);
  while ((draw[0] as number) >= limit);
  return (draw[0] as number) % n;
}

/** Fisher–Yates: a uniformly random permutation of `items`. */
export function shuffled<T>(items: readonly T[]): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = randomBelow(i + 1);
    [out[i], out[j]] = [out[j] as T, out[i] as T];
  }
  return out;
}

export const charCodes = (text: string): number[] => Array.from(text, (ch) => ch.charCodeAt(0));
