// S3–S4: what a payment attempt came to. Only an answer the server positively gave settles it; anything unread is
// learned through the status query under the same idempotency key, never guessed.
import { type ApiError, toApiError } from '../api/api-error';
import type { CashierApi } from '../api/cashier-api';
import type { PaymentResult, PayRequest } from '../core/service-interfaces';
import type { FlowError } from './payment-state';

export type PayOutcome =
  /** The server's final answer for this attempt (or for the order, when another attempt paid it). */
  | { kind: 'settled'; result: PaymentResult }
  /** The server refused the request (a well-formed 4xx): nothing was taken by it. */
  | { kind: 'refused'; error: FlowError }
  /** The answer was lost, unreadable or `processing`: the outcome must be recovered. */
  | { kind: 'lost'; error: FlowError; byOrder: boolean };

const flowError = (e: ApiError): FlowError => ({ code: e.code, message: e.message, ...(e.field ? { field: e.field } : {}) });

/** Sends the payment request once and classifies its answer. */
export async function sendPayRequest(api: CashierApi, body: PayRequest, key: string): Promise<PayOutcome> {
  try {
    const result = await api.pay(body, key);
    if (result.status === 'processing') return { kind: 'lost', error: { code: 'PROCESSING', message: result.message }, byOrder: false };
    return { kind: 'settled', result };
  } catch (error) {
    const apiError = toApiError(error);
    // Another attempt paid this order: the money was taken, so learn the order's result.
    if (apiError.refused && apiError.code === 'ORDER_ALREADY_PAID') return { kind: 'lost', error: flowError(apiError), byOrder: true };
    if (apiError.outcomeUnknown) return { kind: 'lost', error: flowError(apiError), byOrder: false };
    return { kind: 'refused', error: flowError(apiError) };
  }
}

export interface RecoveryInput {
  api: CashierApi;
  orderId: string;
  key: string;
  /** Learn the order's result whoever paid it (the server said the order is already paid). */
  byOrder: boolean;
  /** The identical request, resent under the same key when the server has no record of the attempt. */
  resend?: () => Promise<PayOutcome>;
  /** False once the flow no longer waits for this attempt (a pushed result settled it, say). */
  stillWaiting: () => boolean;
  deadlineMs: number;
  sleep: (ms: number) => Promise<void>;
  lastError: FlowError;
}

export type RecoveryOutcome = { kind: 'settled'; result: PaymentResult } | { kind: 'unknown'; error: FlowError } | { kind: 'abandoned' };

/** Asks the status interface with backoff until the outcome is known or the deadline passes. */
export async function recoverOutcome(input: RecoveryInput): Promise<RecoveryOutcome> {
  const { api, orderId, key, resend, stillWaiting, deadlineMs, sleep } = input;
  let byOrder = input.byOrder;
  const deadline = Date.now() + deadlineMs;
  let lastError = input.lastError;
  for (let attempt = 0; Date.now() < deadline; attempt++) {
    await sleep(Math.min(500 * 2 ** attempt, 8_000, Math.max(0, deadline - Date.now())));
    if (!stillWaiting()) return { kind: 'abandoned' };
    try {
      const status = await api.paymentStatus(orderId, byOrder ? undefined : key);
      if (status.result && status.status !== 'processing') return { kind: 'settled', result: status.result };
      if (status.status === 'not_found' && resend && !byOrder) {
        const outcome = await resend();
        if (outcome.kind === 'settled') return outcome;
        // A refusal now means the first request never reached the server: nothing was taken.
        if (outcome.kind === 'refused') return { kind: 'unknown', error: outcome.error };
        byOrder = outcome.byOrder;
        lastError = outcome.error;
      }
    } catch (error) {
      const apiError = toApiError(error);
      lastError = flowError(apiError);
      if (!apiError.outcomeUnknown && !apiError.transient) break;
    }
  }
  return { kind: 'unknown', error: lastError };
}
