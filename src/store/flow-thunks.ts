// The flow's steps (S1–S5) as thunks: the only place that sequences requests. The UI dispatches these intents.
import { buildPayRequest, createIdempotencyKey } from '../core/payment-request';
import { readablePaymentData, samePaymentData, validatePaymentData } from '../core/payment-data';
import { safeCorrectionUrl } from '../core/server-content';
import type { Authentication, CashierResources, PasswordChallenge } from '../core/service-interfaces';
import type { FailedCheck, FinalStatus, Locale, Method, PaymentData } from '../core/types';
import { pageTranslator } from '../i18n/page-messages';
import { canMove, isSettling } from './flow-machine';
import type { PaymentAttempt } from './payment-state';
import { type PayOutcome, recoverOutcome, sendPayRequest } from './pay-outcome';
import {
  authenticationRestarted,
  flowClosed,
  flowEnded,
  flowStarted,
  forgotPasswordUrlChecked,
  methodChosen,
  outcomeLost,
  outcomeUnknown,
  paymentCorrected,
} from './flow-actions';
import { asFlowError, preverifyPayment } from './preverify';
import { closingStatusOf, reminderFromState } from './reminder-from-state';
import { createFlowThunk, type FlowThunk } from './thunk-types';

/**
 * Validates host input once; every later step uses the validated value. Input that throws when read (a host bug, not
 * bad data) is thrown on, so the cashier's error boundary reports it and offers to try again.
 */
function validate(input: unknown): { ok: true; value: PaymentData } | { ok: false; failedChecks: FailedCheck[] } {
  const validation = validatePaymentData(input);
  if (validation.ok) return validation;
  return { ok: false, failedChecks: validation.errors.map((e) => ({ key: e.field, message: e.message })) };
}

/** The cashier's page resources: payee name, the account's cards, the password component (by identifier). */
export const loadCashierResources = createFlowThunk<CashierResources, { accountId: string }>(
  'payment/loadResources',
  async ({ accountId }, { extra, rejectWithValue }) => {
    try {
      return await extra.api.cashierResources(accountId);
    } catch (error) {
      return rejectWithValue(asFlowError(error));
    }
  },
);

/**
 * The host's "Forgot password?" link under the correction links' rules (absolute https, no credentials, on an allowed
 * origin); a link that fails them is dropped, and the listener records a buried point.
 */
export const checkForgotPasswordUrl =
  (raw: unknown): FlowThunk =>
  (dispatch, _getState, { allowedLinkOrigins }) => {
    const given = raw !== undefined && raw !== null && raw !== '';
    const url = given && typeof raw === 'string' ? safeCorrectionUrl(raw, allowedLinkOrigins) : null;
    dispatch(forgotPasswordUrlChecked({ url, dropped: given && url === null }));
  };

/**
 * S1: a flow for one payment. A store already holding this payment's unfinished flow (a host store, a remount) resumes it.
 * `forgotPasswordUrl`, when the key is given, is (re)checked; without the key the flow keeps the link it has.
 */
export const startFlow =
  (args: { payment: unknown; locale: Locale; forgotPasswordUrl?: unknown }): FlowThunk =>
  (dispatch, getState, { vault }) => {
    const { payment, locale } = args;
    if ('forgotPasswordUrl' in args) dispatch(checkForgotPasswordUrl(args.forgotPasswordUrl));
    const checked = validate(payment);
    const held = getState().payment;
    if (checked.ok && held?.payment && !held.reminder && samePaymentData(held.payment, checked.value)) {
      // A held flow that already succeeded (its host store was preloaded, say) still owes its host the reminder.
      if (held.phase === 'succeeded') dispatch(endFlow('succeeded'));
      return;
    }
    vault.clear();
    if (!checked.ok) {
      dispatch(flowStarted({ payment: readablePaymentData(payment), locale, invalid: checked.failedChecks }));
      return;
    }
    dispatch(flowStarted({ payment: checked.value, locale }));
    dispatch(loadCashierResources({ accountId: checked.value.accountId }));
  };

/** S1–S2 pre-verification of the flow's (validated) payment, then the pre-order; `pay` is the intent that starts it. */
export const submitPayment = createFlowThunk<
  Awaited<ReturnType<typeof preverifyPayment>> | { passed: false; invalid: true; failedChecks: FailedCheck[] },
  void
>(
  'payment/preverify',
  async (_arg, { getState, extra, rejectWithValue }) => {
    const state = getState().payment;
    if (state.inputErrors.length) return { passed: false, invalid: true, failedChecks: state.inputErrors };
    if (!state.payment) return rejectWithValue({ code: 'NOT_READY', message: 'There is no payment to pay' });
    try {
      return await preverifyPayment(extra.api, state.payment, state.locale, extra.allowedLinkOrigins);
    } catch (error) {
      return rejectWithValue(asFlowError(error));
    }
  },
  {
    // Only where the flow machine allows pre-verifying (not while a payment's outcome is unknown, say).
    condition: (_arg, { getState }) => canMove(getState().payment.phase, 'preverifying'),
  },
);

/**
 * Intent "Pay" from the view: restarts an ended flow (paying again is a new flow), records the method and a correction
 * (another card or amount from the verification-failed step, validated here, once), then pre-verifies.
 */
export const pay =
  (intent: { method?: Method; corrected?: PaymentData } = {}): FlowThunk<Promise<unknown> | undefined> =>
  (dispatch, getState) => {
    const state = getState().payment;
    if (isSettling(state.phase) || state.phase === 'preverifying' || state.phase === 'succeeded') return undefined;
    if (state.reminder && state.payment) dispatch(startFlow({ payment: state.payment, locale: state.locale }));
    // The same method again changes nothing: no action (and no store notification) on the Pay click.
    if (intent.method && intent.method !== getState().payment.method) dispatch(methodChosen(intent.method));
    if (intent.corrected) {
      const checked = validate(intent.corrected);
      if (!checked.ok) {
        dispatch(paymentCorrected({ payment: readablePaymentData(intent.corrected), invalid: checked.failedChecks }));
      } else dispatch(paymentCorrected({ payment: checked.value }));
    }
    return dispatch(submitPayment());
  };

/** Fetches a password challenge bound to this payment (account, order, amount, payee); the keyboard seals with it. */
export const requestPasswordChallenge =
  (): FlowThunk<Promise<PasswordChallenge>> =>
  (_dispatch, getState, { api }) => {
    const payment = getState().payment.payment;
    if (!payment) return Promise.reject(new Error('There is no payment to authenticate'));
    const { accountId, orderId, amount, payeeAccount } = payment;
    return api.passwordChallenge({ accountId, orderId, amount, payeeAccount });
  };

/** S3–S4 for one attempt; the authentication stays in the vault and the actions carry its handle. */
export const sendPayment = createFlowThunk<PayOutcome, { handle: string; retry?: boolean }, { pendingMeta: { attempt: PaymentAttempt } }>(
  'payment/pay',
  async ({ handle }, { getState, extra, dispatch }) => {
    const state = getState().payment;
    const authentication = extra.vault.get(handle);
    const key = state.attempt?.key;
    if (!state.payment || !state.preorder || !key || !authentication) {
      return { kind: 'refused', error: { code: 'NOT_READY', message: 'The payment is not ready to be sent' } };
    }
    const body = buildPayRequest(state.preorder.preorderId, state.payment, authentication);
    const flowId = state.flowId;
    // The enrolment token goes to the vault, never into an action or the state.
    const keepToken = (outcome: PayOutcome): PayOutcome => {
      if (outcome.kind !== 'settled' || !outcome.result.enrollmentToken) return outcome;
      const { enrollmentToken, ...result } = outcome.result;
      extra.vault.keepEnrollmentToken(flowId, enrollmentToken);
      return { kind: 'settled', result };
    };
    const outcome = keepToken(await sendPayRequest(extra.api, body, key));
    if (outcome.kind !== 'lost') return outcome;
    dispatch(outcomeLost(outcome.error));
    const recovered = await recoverOutcome({
      api: extra.api,
      orderId: body.payment.orderId,
      key,
      byOrder: outcome.byOrder,
      resend: async () => keepToken(await sendPayRequest(extra.api, body, key)),
      stillWaiting: () => getState().payment.flowId === flowId && getState().payment.phase === 'recovering',
      deadlineMs: extra.recoveryDeadlineMs,
      sleep: extra.sleep,
      lastError: outcome.error,
    });
    // A result learned through the status query goes through the vault too: no enrolment token in an action.
    if (recovered.kind === 'settled') return keepToken(recovered);
    if (recovered.kind === 'unknown') dispatch(outcomeUnknown(recovered.error));
    return { kind: 'lost', error: outcome.error, byOrder: outcome.byOrder };
  },
  {
    // One attempt key per attempt, made before `pending`; "Check again" keeps the attempt's key.
    getPendingMeta: ({ arg }, { getState }) => {
      const existing = getState().payment.attempt;
      return { attempt: { key: arg.retry && existing ? existing.key : createIdempotencyKey(), handle: arg.handle } };
    },
    condition: ({ retry }, { getState }) => {
      const phase = getState().payment.phase;
      return retry ? phase === 'unknown' && !!getState().payment.attempt : phase === 'awaitingAuthentication';
    },
  },
);

/** The person authenticated (password sealed, fingerprint asserted, face captured): pay with it. */
export const payWith =
  (authentication: Authentication): FlowThunk<Promise<unknown>> =>
  (dispatch, getState, { vault }) => {
    // A repeated 6th digit while an attempt is out must not evict that attempt's authentication ("Check again" resends it).
    if (getState().payment.phase !== 'awaitingAuthentication') return Promise.resolve(undefined);
    const handle = vault.put(authentication);
    vault.retainOnly(handle);
    return dispatch(sendPayment({ handle }));
  };

/** "Check again" after an unknown outcome: the same request under the same key, learned through the status query. */
export const checkAgain = (): FlowThunk<Promise<unknown> | undefined> => (dispatch, getState) => {
  const attempt = getState().payment.attempt;
  if (!attempt) return undefined;
  return dispatch(sendPayment({ handle: attempt.handle, retry: true }));
};

/** "Try again" or "Use another method" after a failed attempt. */
export const tryAgain =
  (method?: Method): FlowThunk =>
  (dispatch, getState) => {
    // An ended flow (its reminder given) is not revived: paying again starts a new flow through pay().
    if (getState().payment.reminder) return;
    if (method && method !== getState().payment.method && getState().payment.phase === 'failed') {
      dispatch(methodChosen(method));
    }
    dispatch(authenticationRestarted(method));
  };

/** Back to the page's method choice with another method selected (the pre-order is kept). */
export const chooseAnotherMethod =
  (method: Method): FlowThunk =>
  (dispatch, getState) => {
    const { payment } = getState().payment;
    if (!payment) return;
    dispatch(methodChosen(method));
    dispatch(paymentCorrected({ payment }));
  };

/**
 * S5: ends the flow once, with the reminder for the host. Success ends it as soon as it is known; the other outcomes
 * when the person closes the cashier (until then they may still try again, correct the data or check again).
 */
export const endFlow =
  (status?: FinalStatus): FlowThunk =>
  (dispatch, getState, { vault }) => {
    const state = getState().payment;
    if (state.reminder || !state.payment) return;
    const reminder = reminderFromState(state, status ?? closingStatusOf(state), pageTranslator(state.locale));
    if (!reminder) return;
    dispatch(flowEnded(reminder));
    if (reminder.status !== 'unknown') vault.retainOnly();
  };

/** The person closes the cashier (× , Escape, "Done", "Close"): the flow ends if it has not, and its dialogs go. */
export const closeFlow = (): FlowThunk => (dispatch) => {
  dispatch(endFlow());
  dispatch(flowClosed());
};

