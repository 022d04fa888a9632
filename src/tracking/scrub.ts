// Secrets and biometrics never become buried points: such keys are dropped whole, at any depth.
const SECRET_KEY = /password|passcode|pin|image|photo|face(Data|Image)?|assertion|ciphertext/i;
// 12 or more digits, optionally split by single spaces or dashes: a card number, or enough of one to matter.
const CARD_NUMBER = /\d(?:[ -]?\d){11,}/g;
const MAX_STRING = 200;
const MAX_DEPTH = 3;
const MAX_ITEMS = 50;

/** Replaces every card-number-like digit run with `****` and its last 4 digits. */
export const maskCardNumbers = (text: string): string =>
  text.replace(CARD_NUMBER, (run) => `****${run.replace(/\D/g, '').slice(-4)}`);

const cleanString = (text: string) => maskCardNumbers(text).slice(0, MAX_STRING);

function clean(value: unknown, depth: number): unknown {
  if (typeof value === 'number' && Math.abs(value) < 1e11) return value;
  // Big numbers too: a card number may arrive typed as a number (NaN and Infinity become strings).
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'bigint') return cleanString(String(value));
  if (typeof value === 'boolean' || value === null) return value;
  if (typeof value !== 'object' || depth > MAX_DEPTH) return undefined;
  if (Array.isArray(value)) return value.slice(0, MAX_ITEMS).map((item) => clean(item, depth + 1) ?? null);
  const entries: [string, unknown][] = [];
  for (const [key, item] of Object.entries(value).slice(0, MAX_ITEMS)) {
    const cleaned = SECRET_KEY.test(key) ? undefined : clean(item, depth + 1);
    if (cleaned !== undefined) entries.push([cleanString(key), cleaned]);
  }
  // fromEntries defines own properties, so a '__proto__' key cannot reach the prototype.
  return Object.fromEntries(entries);
}

/**
 * Makes buried-point data safe and plain JSON: drops secret keys, masks card numbers (values and keys),
 * caps strings at 200 characters, nesting at 3 levels and lists at 50 items, drops functions and symbols.
 */
export function scrubEventData(data?: Record<string, unknown>): Record<string, unknown> {
  const cleaned = data === undefined || Array.isArray(data) ? undefined : clean(data, 1);
  return (cleaned as Record<string, unknown> | undefined) ?? {};
}
