import { createAsyncThunk } from '@reduxjs/toolkit';
import { type ApiError, toApiError } from '../api/api-error';
import { type CashierApi, cashierApiFor } from '../api/cashier-api';
import { buildPayRequest, createIdempotencyKey } from '../core/payment-request';
import type { Authentication, PaymentResult } from '../core/service-interfaces';
import type { FlowError, PaymentState } from './payment-state';

export interface PayArgs {
  authentication: Authentication;
  /** Reuse the attempt's key (a retry after an unknown outcome); a new attempt gets a new key. */
  retry?: boolean;
  /** How long to keep learning a lost outcome before reporting `unknown` (issue 3: about 45 s). */
  recoveryDeadlineMs?: number;
}

export type PayOutcome = { kind: 'result'; result: PaymentResult } | { kind: 'unknown'; error: FlowError };

type RootWithPayment = { payment: PaymentState };

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const DEFAULT_RECOVERY_MS = 45_000;

/** S3–S4: send the payment request and obtain the result; a lost answer is recovered through the status query, never guessed. */
export const payWithAuthentication = createAsyncThunk<
  PayOutcome,
  PayArgs,
  { state: RootWithPayment; rejectValue: FlowError; pendingMeta: { idempotencyKey: string } }
>(
  'payment/pay',
  async ({ authentication, recoveryDeadlineMs = DEFAULT_RECOVERY_MS }, { getState, rejectWithValue }) => {
    const state = getState().payment;
    // The pending reducer recorded this attempt's key (getPendingMeta below) before the request is built.
    const key = state.idempotencyKey;
    if (!state.payment || !state.preorder || !key) {
      return rejectWithValue({ code: 'NOT_READY', message: 'The payment is not ready to be sent' });
    }
    const api = cashierApiFor(state.apiBaseUrl);
    const body = buildPayRequest(state.preorder.preorderId, state.payment, authentication);
    try {
      return { kind: 'result', result: await api.pay(body, key) };
    } catch (error) {
      const apiError = toApiError(error);
      if (!apiError.outcomeUnknown) return rejectWithValue({ code: apiError.code, message: apiError.message });
      const stillPaying = () => getState().payment.phase === 'paying';
      return recoverOutcome(api, body.payment.orderId, key, () => api.pay(body, key), stillPaying, recoveryDeadlineMs, apiError);
    }
  },
  {
    // The key is made before `pending` so the reducer can record it; retries keep the attempt's key.
    getPendingMeta: ({ arg }, { getState }) => {
      const existing = getState().payment.idempotencyKey;
      return { idempotencyKey: arg.retry && existing ? existing : createIdempotencyKey() };
    },
    condition: (_arg, { getState }) => getState().payment.phase === 'awaitingAuthentication' || getState().payment.phase === 'unknown',
  },
);

/**
 * The pay answer was lost (network, timeout, 5xx): ask the status interface with backoff; when the server
 * has no record, resend the same request with the same idempotency key (it cannot charge twice).
 */
async function recoverOutcome(
  api: CashierApi,
  orderId: string,
  key: string,
  resend: () => Promise<PaymentResult>,
  stillPaying: () => boolean,
  deadlineMs: number,
  firstError: ApiError,
): Promise<PayOutcome> {
  const deadline = Date.now() + deadlineMs;
  let lastError: ApiError = firstError;
  for (let attempt = 0; Date.now() < deadline; attempt++) {
    await sleep(Math.min(500 * 2 ** attempt, 8_000, Math.max(0, deadline - Date.now())));
    if (!stillPaying()) break;
    try {
      const status = await api.paymentStatus(orderId, key);
      if (status.result && status.status !== 'processing') return { kind: 'result', result: status.result };
      if (status.status === 'not_found') return { kind: 'result', result: await resend() };
    } catch (error) {
      lastError = toApiError(error);
      if (!lastError.outcomeUnknown) break;
    }
  }
  return { kind: 'unknown', error: { code: lastError.code, message: lastError.message } };
}
