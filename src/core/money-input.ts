// Money as a person types it: the sign and grouping are for reading; the value is always integer minor units.
import { MoneyError, minorUnitsOf, parseMajorAmount, toMajorString } from './money';
import type { Locale, Money } from './types';

export type MoneyInputProblem = 'INVALID' | 'TOO_MANY_DECIMALS' | 'NOT_POSITIVE';
export type MoneyInput = { ok: true; money: Money } | { ok: false; problem: MoneyInputProblem };

// Currency signs and spaces people type or paste around an amount ("¥2,000.00", "￥ 2000", "CNY 2000").
const DECORATION = /^[\s¥￥$€£]*(?:[A-Z]{3})?[\s¥￥$€£]*|[\s]+$/g;

/** What a person typed → Money in minor units, or why not; nothing is rounded or guessed. */
export function parseMoneyInput(text: string, currency: string): MoneyInput {
  const plain = text.replace(DECORATION, '');
  try {
    const money = parseMajorAmount(plain, currency);
    return money.amount > 0 ? { ok: true, money } : { ok: false, problem: 'NOT_POSITIVE' };
  } catch (error) {
    return { ok: false, problem: error instanceof MoneyError && error.code === 'TOO_MANY_DECIMALS' ? 'TOO_MANY_DECIMALS' : 'INVALID' };
  }
}

const groupers = new Map<string, Intl.NumberFormat>();

/** The amount grouped for the locale, without the sign: 200000 CNY → "2,000.00" (the field shows the sign beside it). */
export function formatMoneyInput(money: Money, locale: Locale): string {
  const digits = minorUnitsOf(money.currency);
  const id = `${locale} ${digits}`;
  let format = groupers.get(id);
  if (!format) {
    format = new Intl.NumberFormat(locale, { minimumFractionDigits: digits, maximumFractionDigits: digits, useGrouping: true });
    groupers.set(id, format);
  }
  return format.format(toMajorString(money) as Intl.StringNumericLiteral);
}

/** The currency's sign in the locale, as the formatted amount shows it: CNY → "¥". */
export function currencySign(currency: string, locale: Locale): string {
  const parts = new Intl.NumberFormat(locale, {
    style: 'currency',
    currency,
    currencyDisplay: currency === 'CNY' ? 'narrowSymbol' : 'symbol',
  }).formatToParts(0);
  return parts.find((p) => p.type === 'currency')?.value ?? currency;
}
