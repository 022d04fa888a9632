// S5, S51/S52: the payment reminder information sent to the client when the flow ends.
import type { PaymentResult, RuleType } from './service-interfaces';
import type { FailedCheck, FinalStatus, Method, PaymentData, PaymentReminder } from './types';
import type { SingleKeywordResult } from './verification';

/** Messages come in already localised (src/i18n); a result without one falls back to the server's message. */
export type ReminderInput =
  | { kind: 'result'; result: PaymentResult; message?: string }
  | {
      kind: 'verification_failed';
      payment: PaymentData;
      failedChecks: FailedCheck[];
      message: string;
      code?: string;
      method?: Method;
    }
  | { kind: 'cancelled'; payment: PaymentData; message: string; method?: Method }
  | { kind: 'unknown'; payment: PaymentData; message: string; method?: Method; code?: string };

/** A result still 'processing' when the flow ends is 'unknown': never 'failed' for a payment the server may have taken. */
export const finalStatusOf = (result: PaymentResult): Extract<FinalStatus, 'succeeded' | 'failed' | 'unknown'> =>
  result.status === 'processing' ? 'unknown' : result.status;

const VERIFICATION_CODES: Record<RuleType, string> = {
  atMost: 'SINGLE_LIMIT_EXCEEDED',
  atLeast: 'AMOUNT_TOO_SMALL',
  equals: 'VERIFICATION_FAILED',
  oneOf: 'VERIFICATION_FAILED',
  pattern: 'VERIFICATION_FAILED',
  luhn: 'INVALID_CARD_NUMBER',
  notIn: 'BLOCKED',
  accountStatus: 'ACCOUNT_NOT_ACTIVE',
};

/** The reminder code of a failed verification, from its first failed check (atMost -> 'SINGLE_LIMIT_EXCEEDED'). */
export function verificationFailureCode(results: SingleKeywordResult[]): string {
  const rule = results.find((r) => !r.passed)?.rule;
  return rule ? VERIFICATION_CODES[rule] : 'VERIFICATION_FAILED';
}

export function buildReminder(input: ReminderInput, now: Date = new Date()): PaymentReminder {
  const at = now.toISOString();
  if (input.kind === 'result') {
    const { result } = input;
    return {
      status: finalStatusOf(result),
      orderId: result.orderId,
      ...(result.paymentId ? { paymentId: result.paymentId } : {}),
      amount: { ...result.amount },
      method: result.method,
      ...(result.code ? { code: result.code } : {}),
      message: input.message || result.message,
      at,
    };
  }
  const { payment, message, method } = input;
  const code = input.kind === 'cancelled' ? undefined : input.code;
  return {
    status: input.kind,
    orderId: payment.orderId,
    amount: { ...payment.amount },
    ...(method ? { method } : {}),
    ...(code ? { code } : {}),
    message,
    ...(input.kind === 'verification_failed' ? { failedChecks: input.failedChecks.map((c) => ({ ...c })) } : {}),
    at,
  };
}
