// Money is integer minor units plus an ISO 4217 code (docs/api.md, Options and results); no float arithmetic here.
import { SchemaError } from './schema';
import type { Locale, Money } from './types';

export type MoneyErrorCode =
  | 'REQUIRED'
  | 'NOT_OBJECT'
  | 'NOT_NUMBER'
  | 'NOT_FINITE'
  | 'NOT_INTEGER'
  | 'NEGATIVE'
  | 'UNSAFE_INTEGER'
  | 'NOT_STRING'
  | 'UNKNOWN_CURRENCY'
  | 'INVALID_FORMAT'
  | 'TOO_MANY_DECIMALS';

/** Bad money input; `field` is the dotted path of the offending part (e.g. 'amount.amount'). */
export class MoneyError extends SchemaError {
  declare readonly code: MoneyErrorCode;

  constructor(code: MoneyErrorCode, field: string, reason: string) {
    super(field, reason, code);
    this.name = 'MoneyError';
  }
}

// ISO 4217 minor-unit exponents, grouped by exponent to keep the bundle small.
const CURRENCIES_BY_EXPONENT: [number, string][] = [
  [0, 'JPY KRW VND CLP ISK PYG UGX XAF XOF KMF RWF DJF GNF VUV XPF BIF'],
  [
    2,
    'CNY USD EUR GBP HKD MOP TWD SGD AUD NZD CAD CHF SEK NOK DKK PLN CZK HUF RON BGN TRY RUB UAH INR PKR ' +
      'BDT LKR NPR THB MYR IDR PHP AED SAR QAR ILS EGP ZAR NGN KES MAD MXN BRL ARS COP PEN KZT',
  ],
  [3, 'KWD BHD OMR JOD TND IQD LYD'],
];

/** ISO 4217 code -> number of minor-unit digits (JPY 0, CNY 2, KWD 3). */
export const CURRENCY_MINOR_UNITS: Readonly<Record<string, number>> = Object.freeze(
  Object.fromEntries(CURRENCIES_BY_EXPONENT.flatMap(([exp, codes]) => codes.split(' ').map((code) => [code, exp]))),
);

export const isKnownCurrency = (code: unknown): code is string =>
  typeof code === 'string' && /^[A-Z]{3}$/.test(code) && Object.hasOwn(CURRENCY_MINOR_UNITS, code);

/** The currency's minor-unit digits; throws MoneyError for an unknown code. */
export function minorUnitsOf(currency: unknown, field = 'amount.currency'): number {
  if (currency == null) throw new MoneyError('REQUIRED', field, 'is required');
  if (!isKnownCurrency(currency)) {
    throw new MoneyError('UNKNOWN_CURRENCY', field, `${shown(currency)} is not a supported ISO 4217 currency`);
  }
  return CURRENCY_MINOR_UNITS[currency] as number;
}

const shown = (v: unknown): string =>
  typeof v === 'string' ? `"${v.slice(0, 16)}"` : typeof v === 'object' || typeof v === 'function' ? typeof v : String(v);

/**
 * Validates host or wire input as Money: {amount, currency} with a non-negative safe integer amount
 * in minor units and a known currency. 0 is allowed here (a payment of 0 is refused by validatePaymentData).
 * `path` names the Money in error fields: errors are on `path`, `path.amount` or `path.currency`.
 */
export function parseMoney(input: unknown, path = 'amount'): Money {
  if (input == null) throw new MoneyError('REQUIRED', path, 'is required');
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    throw new MoneyError('NOT_OBJECT', path, 'must be an object {amount, currency}');
  }
  let amount: unknown;
  let currency: unknown;
  try {
    ({ amount, currency } = input as Record<string, unknown>);
  } catch {
    // A host object whose reading throws (a getter, a revoked proxy) is bad input, not a crash.
    throw new MoneyError('NOT_OBJECT', path, 'could not be read');
  }
  const field = `${path}.amount`;
  const fail = (code: MoneyErrorCode, reason: string) => {
    throw new MoneyError(code, field, reason);
  };
  if (typeof amount !== 'number') fail('NOT_NUMBER', `must be a number of minor units (got ${typeof amount})`);
  const n = amount as number;
  if (!Number.isFinite(n)) fail('NOT_FINITE', `must be finite (got ${n})`);
  if (!Number.isInteger(n)) fail('NOT_INTEGER', `must be a whole number of minor units (got ${n})`);
  if (n < 0) fail('NEGATIVE', `must not be negative (got ${n})`);
  if (!Number.isSafeInteger(n)) fail('UNSAFE_INTEGER', 'is too large to be exact');
  minorUnitsOf(currency, `${path}.currency`);
  // + 0 turns -0 into 0.
  return { amount: n + 0, currency: currency as string };
}

/** Fullwidth digits and punctuation from a Chinese input method, as ASCII. */
const toAscii = (text: string) => text.replace(/[０-９．，]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));

/**
 * What a person typed ("100.50", "1,000", "０.５") in major units -> Money, by string manipulation only.
 * Rejects more decimals than the currency has, signs, exponents and anything else.
 */
export function parseMajorAmount(text: string, currency: string): Money {
  const field = 'amount.amount';
  const digits = minorUnitsOf(currency);
  if (typeof text !== 'string') throw new MoneyError('NOT_STRING', field, 'must be text');
  const clean = toAscii(text.trim());
  const match = /^(\d{1,3}(?:,\d{3})+|\d*)(?:\.(\d*))?$/.exec(clean);
  const whole = match?.[1]?.replace(/,/g, '') ?? '';
  const fraction = match?.[2] ?? '';
  if (!match || whole + fraction === '') {
    throw new MoneyError('INVALID_FORMAT', field, `"${text.slice(0, 32)}" is not an amount like 100.50`);
  }
  if (fraction.length > digits) {
    throw new MoneyError('TOO_MANY_DECIMALS', field, `has more than ${digits} decimal places for ${currency}`);
  }
  const minor = `${whole}${fraction.padEnd(digits, '0')}`.replace(/^0+(?=\d)/, '');
  if (minor.length > 16 || !Number.isSafeInteger(Number(minor))) {
    throw new MoneyError('UNSAFE_INTEGER', field, 'is too large');
  }
  return { amount: Number(minor), currency };
}

/** The exact decimal string in major units: 200000 CNY -> "2000.00", 5 JPY -> "5". */
export function toMajorString(money: Money): string {
  const digits = minorUnitsOf(money.currency);
  const sign = money.amount < 0 ? '-' : '';
  const text = String(Math.abs(money.amount)).padStart(digits + 1, '0');
  return digits ? `${sign}${text.slice(0, -digits)}.${text.slice(-digits)}` : `${sign}${text}`;
}

const formatters = new Map<string, Intl.NumberFormat>();

/** Localised currency text through Intl: 200000 CNY -> "¥2,000.00" (zh-CN and en-US alike). */
export function formatMoney(money: Money, locale: Locale): string {
  const digits = minorUnitsOf(money.currency);
  const id = `${locale} ${money.currency}`;
  let format = formatters.get(id);
  if (!format) {
    format = new Intl.NumberFormat(locale, {
      style: 'currency',
      currency: money.currency,
      // docs/api.md shows CNY as ¥ in both locales; other currencies keep their unambiguous symbol (US$, JP¥).
      currencyDisplay: money.currency === 'CNY' ? 'narrowSymbol' : 'symbol',
      minimumFractionDigits: digits,
      maximumFractionDigits: digits,
    });
    formatters.set(id, format);
  }
  // A decimal string keeps every digit exact (Intl.NumberFormat v3); no division by 10^digits.
  return format.format(toMajorString(money) as Intl.StringNumericLiteral);
}
