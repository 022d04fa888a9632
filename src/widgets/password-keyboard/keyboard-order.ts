import { charCodes, shuffled } from '../shared/shuffle';

/** Phone layout: 1–9 in three rows, 0 below them. Character codes, so no key press builds a string. */
export const DIGIT_KEYS: readonly number[] = charCodes('1234567890');

/** The key order for one opening of the keyboard. */
export function keyOrder(shuffle: boolean): number[] {
  return shuffle ? shuffled(DIGIT_KEYS) : [...DIGIT_KEYS];
}
