// S1: the payment data a client sends, checked before anything leaves the browser.
import { parseMoney } from './money';
import { fail, isPlainObject, obj, type Schema, SchemaError, str } from './schema';
import type { Money, PaymentData } from './types';

export type PaymentField =
  | 'payment'
  | 'orderId'
  | 'accountId'
  | 'amount'
  | 'amount.amount'
  | 'amount.currency'
  | 'payerAccount'
  | 'payeeAccount';

export interface FieldError {
  field: PaymentField;
  code: string;
  message: string;
}

export type PaymentDataValidation = { ok: true; value: PaymentData } | { ok: false; errors: FieldError[] };

export const MAX_ID_LENGTH = 64;

/** An identifier (order, account, payee, pre-order): non-empty, at most 64 of [A-Za-z0-9_.:-]. */
export const idSchema: Schema<string> = (v, path) => {
  if (v === '' || v === undefined) return fail(path, 'is required', 'REQUIRED');
  const s = str()(v, path);
  if (s.length > MAX_ID_LENGTH) return fail(path, `is longer than ${MAX_ID_LENGTH} characters`, 'TOO_LONG');
  return /^[A-Za-z0-9_.:-]+$/.test(s) ? s : fail(path, 'may only hold letters, digits and _ . : -', 'INVALID_CHARS');
};

/** Removes the spaces and dashes a person types inside a card number. */
export const normalizeCardNumber = (card: string): string => card.replace(/[\s-]/g, '');

/** The Luhn (mod 10) check of a string of digits; false for anything that is not only digits. */
export function luhnValid(digits: string): boolean {
  if (typeof digits !== 'string' || !/^\d+$/.test(digits)) return false;
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = digits.charCodeAt(digits.length - 1 - i) - 48;
    if (i % 2) d = d * 2 > 9 ? d * 2 - 9 : d * 2;
    sum += d;
  }
  return sum % 10 === 0;
}

/** A bank card number: 12-19 digits once spaces and dashes are removed, Luhn-valid; returned normalised. */
export const cardNumberSchema: Schema<string> = (v, path) => {
  if (typeof v === 'string' && v.trim() === '') return fail(path, 'is required', 'REQUIRED');
  const digits = normalizeCardNumber(str(64)(v, path));
  if (!/^\d{12,19}$/.test(digits)) return fail(path, 'must be a card number of 12 to 19 digits', 'INVALID_FORMAT');
  return luhnValid(digits) ? digits : fail(path, 'is not a valid card number (check digit)', 'LUHN');
};

/** A payment amount: valid Money, greater than 0. */
export const paymentAmountSchema: Schema<Money> = (v, path) => {
  const money = parseMoney(v, path);
  return money.amount > 0 ? money : fail(`${path}.amount`, 'must be greater than 0', 'NOT_POSITIVE');
};

const PAYMENT_FIELDS = {
  orderId: idSchema,
  accountId: idSchema,
  amount: paymentAmountSchema,
  payerAccount: cardNumberSchema,
  payeeAccount: idSchema,
};

/** S1 payment data on the wire (first problem only); validatePaymentData reports them all. */
export const paymentDataSchema: Schema<PaymentData> = obj(PAYMENT_FIELDS);

/** Shows only the last four digits: '6222 0200 0000 0000 018' -> '•••• 0018'. */
export function maskCardNumber(card: string): string {
  const digits = String(card).replace(/\D/g, '');
  return digits.length >= 4 ? `•••• ${digits.slice(-4)}` : '••••';
}

/** Validates host input as PaymentData; every problem is reported, and the value comes back normalised. */
export function validatePaymentData(input: unknown): PaymentDataValidation {
  if (!isPlainObject(input)) {
    return { ok: false, errors: [{ field: 'payment', code: 'NOT_OBJECT', message: 'payment must be an object' }] };
  }
  const errors: FieldError[] = [];
  const value: Record<string, unknown> = {};
  for (const [field, schema] of Object.entries(PAYMENT_FIELDS)) {
    try {
      value[field] = schema(Object.hasOwn(input, field) ? input[field] : undefined, field);
    } catch (error) {
      if (!(error instanceof SchemaError)) throw error;
      errors.push({ field: error.field as PaymentField, code: error.code, message: error.message });
    }
  }
  return errors.length ? { ok: false, errors } : { ok: true, value: value as unknown as PaymentData };
}

const FORBIDDEN_SEGMENTS = new Set(['__proto__', 'prototype', 'constructor']);

export type PathLookup = { found: true; value: unknown } | { found: false };

/**
 * S212: the value at a dotted path ('amount.amount') in plain data. Only own properties resolve;
 * '__proto__', 'prototype', 'constructor' and empty segments never do.
 */
export function getValueAtPath(source: unknown, path: string): PathLookup {
  if (typeof path !== 'string' || path === '') return { found: false };
  let value = source;
  for (const segment of path.split('.')) {
    if (
      segment === '' ||
      FORBIDDEN_SEGMENTS.has(segment) ||
      typeof value !== 'object' ||
      value === null ||
      !Object.hasOwn(value, segment)
    ) {
      return { found: false };
    }
    value = (value as Record<string, unknown>)[segment];
  }
  return { found: true, value };
}

const readText = (source: Record<string, unknown>, field: string): string => {
  try {
    const value = source[field];
    return typeof value === 'string' || typeof value === 'number' ? String(value).slice(0, MAX_ID_LENGTH * 4) : '';
  } catch {
    return '';
  }
};

/**
 * A copy of host input that is safe to keep and show even when it is invalid: each field read once, strings only,
 * an amount that is not a safe integer shown as 0. Used only to display an invalid payment next to its errors.
 */
export function readablePaymentData(input: unknown): PaymentData {
  const source = isPlainObject(input) ? input : {};
  let amount: unknown;
  try {
    amount = source.amount;
  } catch {
    amount = undefined;
  }
  const money = isPlainObject(amount) ? amount : {};
  const minor = readText(money, 'amount');
  return {
    orderId: readText(source, 'orderId'),
    accountId: readText(source, 'accountId'),
    amount: { amount: Number.isSafeInteger(Number(minor)) && minor !== '' ? Number(minor) : 0, currency: readText(money, 'currency') },
    payerAccount: readText(source, 'payerAccount'),
    payeeAccount: readText(source, 'payeeAccount'),
  };
}

/** Two payment data describe the same payment (field by field; no serialisation). */
export function samePaymentData(a: PaymentData | null | undefined, b: PaymentData | null | undefined): boolean {
  if (!a || !b) return false;
  return (
    a.orderId === b.orderId &&
    a.accountId === b.accountId &&
    a.amount?.amount === b.amount?.amount &&
    a.amount?.currency === b.amount?.currency &&
    a.payerAccount === b.payerAccount &&
    a.payeeAccount === b.payeeAccount
  );
}
