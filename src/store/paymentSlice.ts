import { createSlice } from '@reduxjs/toolkit';
import type { PaymentResult } from '../core/service-interfaces';
import { canMove, isSettling, type PaymentPhase } from './flow-machine';
import {
  authenticationRestarted,
  errorDismissed,
  flowClosed,
  flowEnded,
  flowStarted,
  forgotPasswordUrlChecked,
  methodChosen,
  outcomeLost,
  outcomeUnknown,
  paymentCorrected,
  paymentResultPushed,
  passwordUnlocked,
} from './flow-actions';
import { loadCashierResources, sendPayment, submitPayment } from './flow-thunks';
import { initialPaymentState, type PaymentState } from './payment-state';

/** The one way a reducer changes the phase: only along FLOW_TRANSITIONS; anything else is ignored. */
function moveTo(state: PaymentState, to: PaymentPhase): boolean {
  if (state.phase === to) return true;
  if (!canMove(state.phase, to)) return false;
  state.phase = to;
  // A wrong-password notice belongs to the password step only: any move to another phase drops it (the one place).
  if (to !== 'awaitingAuthentication') state.passwordRetry = null;
  return true;
}

function settle(state: PaymentState, result: PaymentResult): void {
  if (result.status === 'processing' || !moveTo(state, result.status)) return;
  const { enrollmentToken: _never, ...kept } = result;
  state.result = kept;
  state.error = null;
  if (result.code === 'PASSWORD_LOCKED' && result.unlocksAt) state.passwordLock = { unlocksAt: result.unlocksAt };
}

/** A wrong password with attempts left, answered to this attempt: the person stays on the password step. */
const isRetryablePassword = (result: PaymentResult): result is PaymentResult & { attemptsLeft: number } =>
  result.status === 'failed' && result.code === 'WRONG_PASSWORD' && typeof result.attemptsLeft === 'number' && result.attemptsLeft > 0;

export const paymentSlice = createSlice({
  name: 'payment',
  initialState: initialPaymentState,
  reducers: {},
  extraReducers: (builder) => {
    builder
      .addCase(flowStarted, (state, { payload }) => ({
        ...initialPaymentState,
        payment: payload.payment,
        locale: payload.locale,
        inputErrors: payload.invalid ?? [],
        method: state.method,
        forgotPasswordUrl: state.forgotPasswordUrl,
        flowId: state.flowId + 1,
      }))
      .addCase(paymentCorrected, (state, { payload }) => {
        if (!moveTo(state, 'idle')) return;
        state.payment = payload.payment;
        state.inputErrors = payload.invalid ?? [];
        state.failedChecks = [];
        state.checkResults = [];
        state.preorder = null;
        state.result = null;
        state.error = null;
      })
      .addCase(methodChosen, (state, { payload }) => {
        if (isSettling(state.phase)) return;
        if (payload !== state.method) state.passwordRetry = null;
        state.method = payload;
      })
      .addCase(authenticationRestarted, (state, { payload }) => {
        if (state.phase !== 'failed' || !moveTo(state, 'awaitingAuthentication')) return;
        if (payload) state.method = payload;
        state.result = null;
        state.error = null;
      })
      .addCase(loadCashierResources.fulfilled, (state, { payload }) => {
        state.resources = payload;
      })
      .addCase(submitPayment.pending, (state) => {
        if (!moveTo(state, 'preverifying')) return;
        state.error = null;
        state.result = null;
      })
      .addCase(submitPayment.fulfilled, (state, { payload }) => {
        if (state.phase !== 'preverifying') return;
        if (payload.passed) {
          moveTo(state, 'awaitingAuthentication');
          state.checkResults = payload.checkResults;
          state.preorder = payload.preorder;
          state.failedChecks = [];
        } else {
          moveTo(state, 'verificationFailed');
          state.checkResults = 'invalid' in payload ? [] : payload.checkResults;
          state.failedChecks = payload.failedChecks;
        }
      })
      .addCase(submitPayment.rejected, (state, { payload, error }) => {
        if (!moveTo(state, 'idle')) return;
        state.error = payload ?? { code: 'CLIENT_ERROR', message: error.message ?? 'Pre-verification failed' };
      })
      .addCase(sendPayment.pending, (state, { meta }) => {
        if (!moveTo(state, meta.arg.retry ? 'recovering' : 'paying')) return;
        state.attempt = meta.attempt;
        state.error = null;
      })
      .addCase(outcomeLost, (state, { payload }) => {
        if (moveTo(state, 'recovering')) state.error = payload;
      })
      .addCase(outcomeUnknown, (state, { payload }) => {
        if (moveTo(state, 'unknown')) state.error = payload;
      })
      .addCase(sendPayment.fulfilled, (state, { payload }) => {
        // A wrong password with attempts left keeps the password step: nothing was taken, the person types again.
        if (payload.kind === 'settled' && state.phase === 'paying' && isRetryablePassword(payload.result)) {
          if (!moveTo(state, 'awaitingAuthentication')) return;
          state.passwordRetry = { attemptsLeft: payload.result.attemptsLeft };
          state.error = { code: 'WRONG_PASSWORD', message: payload.result.message };
          state.result = null;
        } else if (payload.kind === 'settled') settle(state, payload.result);
        // The server refused this request (a well-formed 4xx): nothing was taken, the person may try again.
        else if (payload.kind === 'refused' && state.phase === 'paying' && moveTo(state, 'awaitingAuthentication')) {
          state.error = payload.error;
        }
        // "Check again" resent the attempt and it was refused: the first send may still have been taken, so still unknown.
        else if (payload.kind === 'refused' && state.phase === 'recovering' && moveTo(state, 'unknown')) {
          state.error = payload.error;
        }
      })
      .addCase(sendPayment.rejected, (state, { error }) => {
        // A bug in the client after the request may have been sent: the outcome is not known.
        if (moveTo(state, 'recovering') || state.phase === 'recovering') moveTo(state, 'unknown');
        state.error = { code: 'CLIENT_ERROR', message: error.message ?? 'The payment outcome could not be read' };
      })
      /**
       * Message push: a success settles any attempt still being learned. A pushed failure may be an earlier attempt's
       * (the stream replays the order's last result on connect); this attempt's failure comes with its own answer.
       */
      .addCase(paymentResultPushed, (state, { payload }) => {
        if (!isSettling(state.phase) && state.phase !== 'unknown') return;
        if (payload.orderId !== state.payment?.orderId || payload.status !== 'succeeded') return;
        settle(state, payload);
      })
      .addCase(errorDismissed, (state) => {
        state.error = null;
      })
      .addCase(flowEnded, (state, { payload }) => {
        if (state.reminder) return;
        state.reminder = payload;
        // Ended on the password step (cancelled, or failed after a wrong password): no entry may pay after the reminder.
        if (payload.status === 'cancelled' || state.phase === 'awaitingAuthentication') moveTo(state, 'cancelled');
      })
      .addCase(flowClosed, (state) => {
        state.closed = true;
      })
      .addCase(forgotPasswordUrlChecked, (state, { payload }) => {
        state.forgotPasswordUrl = payload.url;
      })
      .addCase(passwordUnlocked, (state) => {
        state.passwordLock = null;
      });
  },
  selectors: {
    selectPaymentState: (state) => state,
    selectPhase: (state) => state.phase,
    selectPayment: (state) => state.payment,
    selectResult: (state) => state.result,
    selectReminder: (state) => state.reminder,
    selectFailedChecks: (state) => state.failedChecks,
    selectFlowError: (state) => state.error,
    selectIsFinal: (state) => state.reminder !== null,
    selectIsBusy: (state) => state.phase === 'preverifying' || isSettling(state.phase),
    /** `{ attemptsLeft }` while the password step shows "Wrong password, N attempts left"; else null. */
    selectPasswordRetry: (state) => state.passwordRetry,
    /** `{ unlocksAt }` once the password is locked (PASSWORD_LOCKED), for the locked screen's countdown; else null. */
    selectPasswordLock: (state) => state.passwordLock,
    /** The host's "Forgot password?" link, validated; null when absent or dropped by the link rules. */
    selectForgotPasswordUrl: (state) => state.forgotPasswordUrl,
  },
});

export const {
  selectPaymentState,
  selectPhase,
  selectPayment,
  selectResult,
  selectReminder,
  selectFailedChecks,
  selectFlowError,
  selectIsFinal,
  selectIsBusy,
  selectPasswordRetry,
  selectPasswordLock,
  selectForgotPasswordUrl,
} = paymentSlice.selectors;

export {
  authenticationRestarted,
  errorDismissed,
  flowClosed,
  flowDetached,
  flowEnded,
  flowStarted,
  forgotPasswordUrlChecked,
  methodChosen,
  outcomeLost,
  outcomeUnknown,
  passwordUnlocked,
  paymentCorrected,
  paymentResultPushed,
} from './flow-actions';
