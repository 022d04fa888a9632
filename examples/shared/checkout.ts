// The order a host shell asks the cashier to pay: form defaults from the query string, checked before use.
import type { CashierOptions, Method } from './cashier-types';

export type HostLocale = 'zh-CN' | 'en-US';

export interface CheckoutInput {
  accountId: string;
  payerAccount: string;
  /** Yuan as typed, e.g. '100.00'. */
  amount: string;
  locale: HostLocale;
  methods?: Method[];
}

export const PAYEE = 'merchant-001';
const METHODS: readonly Method[] = ['password', 'fingerprint', 'face'];

/** Defaults: acct-alice paying ¥100.00 with her first card; each can be set in the query (?account=&card=&amount=&locale=&methods=). */
export function checkoutDefaults(search: string): CheckoutInput {
  const query = new URLSearchParams(search);
  const methods = query
    .get('methods')
    ?.split(',')
    .map((method) => method.trim())
    .filter((method): method is Method => METHODS.includes(method as Method));
  return {
    accountId: query.get('account') ?? 'acct-alice',
    payerAccount: query.get('card') ?? '6222020000000000018',
    amount: query.get('amount') ?? '100.00',
    locale: query.get('locale') === 'zh-CN' ? 'zh-CN' : 'en-US',
    ...(methods?.length ? { methods } : {}),
  };
}

/** '100' or '100.5' or '100.00' yuan -> 10000 / 10050 / 10000 minor units; string arithmetic, never a float. */
export function parseYuan(text: string): number {
  const match = /^\s*(\d{1,9})(?:\.(\d{1,2}))?\s*$/.exec(text);
  if (!match) throw new RangeError(`Amount "${text}" is not a yuan amount like 100.00`);
  const minor = Number(match[1]) * 100 + Number((match[2] ?? '').padEnd(2, '0'));
  if (minor <= 0) throw new RangeError('Amount must be greater than 0');
  return minor;
}

/** 10000 -> '¥100.00' */
export function formatYuan(minor: number): string {
  return new Intl.NumberFormat('zh-CN', { style: 'currency', currency: 'CNY' }).format(minor / 100);
}

let orderSeq = 0;
/** A fresh order id per checkout: the mock charges an order once. */
export function newOrderId(prefix: string): string {
  orderSeq += 1;
  return `${prefix}-${Date.now().toString(36)}-${orderSeq}-${Math.random().toString(36).slice(2, 8)}`;
}

/** CashierOptions for one checkout; throws RangeError on a bad amount. */
export function toCashierOptions(input: CheckoutInput, clientId: string): CashierOptions {
  return {
    clientId,
    locale: input.locale,
    ...(input.methods ? { methods: input.methods } : {}),
    payment: {
      orderId: newOrderId(clientId),
      accountId: input.accountId.trim(),
      payerAccount: input.payerAccount.replace(/[\s-]/g, ''),
      payeeAccount: PAYEE,
      amount: { amount: parseYuan(input.amount), currency: 'CNY' },
    },
  };
}
