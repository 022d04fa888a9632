// Interleaved measurement: every round runs each variant once, back to back, in alternating order (A B C, C B A, …),
// so a slow minute of the shared machine lands on all variants of a round and cancels in their per-round ratios.

export type Variants = Record<string, () => Promise<unknown>>;
export type Round<V extends Variants> = { [K in keyof V]: Awaited<ReturnType<V[K]>> };

/** The order of round `i`: forward on even rounds, reversed on odd ones, so no variant always goes first. */
export function orderOf<K>(keys: readonly K[], round: number): K[] {
  return round % 2 === 0 ? [...keys] : [...keys].reverse();
}

/** `rounds` measured rounds after one discarded warm-up round (disk caches of Chromium and the servers). */
export async function interleave<V extends Variants>(rounds: number, variants: V, warmUp = 1): Promise<Round<V>[]> {
  const keys = Object.keys(variants) as (keyof V)[];
  const out: Round<V>[] = [];
  for (let i = -warmUp; i < rounds; i++) {
    const round = {} as Round<V>;
    for (const key of orderOf(keys, i + warmUp)) round[key] = (await variants[key]!()) as Round<V>[typeof key];
    if (i >= 0) out.push(round);
  }
  return out;
}
