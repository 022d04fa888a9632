// A failed check's reason with its figures, from the rule's parameters (the datum's value) and the payment's own value.
import { formatMoney, isKnownCurrency } from '../core/money';
import { keywordPath } from '../core/rule-base';
import type { Locale, PaymentData } from '../core/types';
import type { SingleKeywordResult } from '../core/verification';

const TEXTS = {
  'en-US': {
    overLimit: "Exceeds this card's single limit of {limit} (you're paying {amount})",
    underMinimum: 'Below the minimum payment of {minimum} (you\'re paying {amount})',
    currency: '{currency} is not accepted here (accepted: {accepted})',
  },
  'zh-CN': {
    overLimit: '超出该卡单笔限额 {limit}（本次支付 {amount}）',
    underMinimum: '低于最低支付金额 {minimum}（本次支付 {amount}）',
    currency: '暂不支持以 {currency} 支付（支持：{accepted}）',
  },
} as const;

type Key = keyof (typeof TEXTS)['en-US'];
const fill = (locale: Locale, key: Key, params: Record<string, string>) =>
  (TEXTS[locale] ?? TEXTS['zh-CN'])[key].replace(/\{(\w+)\}/g, (_, name: string) => params[name] ?? '');

const isMinor = (v: unknown): v is number => typeof v === 'number' && Number.isSafeInteger(v) && v >= 0;

/**
 * The reason with figures for the checks whose rule parameters are figures (the amount's single limit and minimum, the
 * accepted currencies); null for the others, whose text comes from the page resources.
 */
export function checkReason(result: SingleKeywordResult, payment: PaymentData, locale: Locale): string | null {
  if (result.passed) return null;
  const path = keywordPath(result.key);
  const currency = payment.amount.currency;
  const money = (amount: number) => formatMoney({ amount, currency }, locale);
  try {
    if (path === 'amount.amount' && isMinor(result.expected) && isMinor(result.actual) && isKnownCurrency(currency)) {
      if (result.rule === 'atMost') return fill(locale, 'overLimit', { limit: money(result.expected), amount: money(result.actual) });
      if (result.rule === 'atLeast') return fill(locale, 'underMinimum', { minimum: money(result.expected), amount: money(result.actual) });
    }
    if (path === 'amount.currency' && result.rule === 'oneOf' && Array.isArray(result.expected) && typeof result.actual === 'string') {
      const accepted = result.expected.filter((c): c is string => typeof c === 'string' && /^[A-Z]{3}$/.test(c)).slice(0, 10);
      if (accepted.length > 0) return fill(locale, 'currency', { currency: result.actual.slice(0, 8), accepted: accepted.join(locale === 'zh-CN' ? '、' : ', ') });
    }
  } catch {
    // A figure that cannot be shown (an unknown currency) leaves the page resource's words.
  }
  return null;
}
