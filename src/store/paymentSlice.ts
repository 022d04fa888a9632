import { type PayloadAction, createSlice } from '@reduxjs/toolkit';
import type { PaymentResult } from '../core/service-interfaces';
import type { Locale, Method, PaymentData, PaymentReminder } from '../core/types';
import { payWithAuthentication } from './pay-thunk';
import { type PaymentPhase, type PaymentState, initialPaymentState } from './payment-state';
import { preverifyPayment } from './preverify-thunk';
import { loadCashierResources } from './resources-thunk';

const FINAL: readonly PaymentPhase[] = ['succeeded', 'failed', 'unknown', 'cancelled', 'verificationFailed'];

function applyResult(state: PaymentState, result: PaymentResult) {
  state.result = result;
  state.error = null;
  if (result.status === 'succeeded') state.phase = 'succeeded';
  else if (result.status === 'failed') state.phase = 'failed';
}

export const paymentSlice = createSlice({
  name: 'payment',
  initialState: initialPaymentState,
  reducers: {
    /** S1: a new flow for one payment. */
    flowStarted(state, action: PayloadAction<{ payment: PaymentData; apiBaseUrl: string; locale: Locale }>) {
      return { ...initialPaymentState, ...action.payload, flowId: state.flowId + 1 };
    },
    /** Back to the cashier page: the person corrected the payment data in place (another card, another amount) or picks another method. */
    paymentCorrected(state, action: PayloadAction<PaymentData>) {
      if (state.phase === 'paying' || state.phase === 'succeeded') return;
      state.payment = action.payload;
      state.phase = 'idle';
      state.failedChecks = [];
      state.checkResults = [];
      state.result = null;
      state.error = null;
    },
    methodChosen(state, action: PayloadAction<Method>) {
      state.method = action.payload;
    },
    /** Back to authentication after a failed attempt ("Try again", "Use another method"). */
    authenticationRestarted(state, action: PayloadAction<Method | undefined>) {
      if (state.phase !== 'failed' && state.phase !== 'awaitingAuthentication') return;
      state.phase = 'awaitingAuthentication';
      if (action.payload) state.method = action.payload;
      state.result = null;
      state.error = null;
    },
    /**
     * Message push: a success while paying. A pushed failure may be an earlier attempt's (the stream replays the
     * order's last result on connect); this attempt's failure comes with its own pay answer.
     */
    paymentResultPushed(state, action: PayloadAction<PaymentResult>) {
      if (state.phase !== 'paying' || action.payload.orderId !== state.payment?.orderId) return;
      if (action.payload.status !== 'succeeded') return;
      applyResult(state, action.payload);
    },
    errorDismissed(state) {
      state.error = null;
    },
    /** S5: the flow ended; the reminder goes to the host. */
    flowEnded(state, action: PayloadAction<PaymentReminder>) {
      state.reminder = action.payload;
      if (action.payload.status === 'cancelled') state.phase = 'cancelled';
    },
  },
  extraReducers: (builder) => {
    builder
      .addCase(loadCashierResources.fulfilled, (state, { payload }) => {
        state.resources = payload;
      })
      .addCase(preverifyPayment.pending, (state) => {
        state.phase = 'preverifying';
        state.error = null;
      })
      .addCase(preverifyPayment.fulfilled, (state, { payload }) => {
        if (state.phase !== 'preverifying') return;
        state.checkResults = payload.checkResults;
        if (payload.passed) {
          state.phase = 'awaitingAuthentication';
          state.preorder = payload.preorder;
          state.failedChecks = [];
        } else {
          state.phase = 'verificationFailed';
          state.failedChecks = payload.failedChecks;
        }
      })
      .addCase(preverifyPayment.rejected, (state, { payload, error }) => {
        if (state.phase !== 'preverifying') return;
        state.phase = 'idle';
        state.error = payload ?? { code: 'CLIENT_ERROR', message: error.message ?? 'Pre-verification failed' };
      })
      .addCase(payWithAuthentication.pending, (state, { meta }) => {
        state.phase = 'paying';
        state.method = meta.arg.authentication.method;
        state.idempotencyKey = meta.idempotencyKey;
        state.error = null;
      })
      .addCase(payWithAuthentication.fulfilled, (state, { payload }) => {
        // The push may have told the success first; only the pay answer carries the enrollment token.
        const answer = payload.kind === 'result' ? payload.result : undefined;
        if (state.phase === 'succeeded' && state.result && answer?.enrollmentToken && answer.paymentId === state.result.paymentId) {
          state.result.enrollmentToken = answer.enrollmentToken;
        }
        if (state.phase !== 'paying') return;
        if (payload.kind === 'result') applyResult(state, payload.result);
        else {
          state.phase = 'unknown';
          state.error = payload.error;
        }
      })
      .addCase(payWithAuthentication.rejected, (state, { payload, error }) => {
        if (state.phase !== 'paying') return;
        // The server refused the request (4xx): nothing was taken, the person may try again.
        state.phase = 'awaitingAuthentication';
        state.error = payload ?? { code: 'CLIENT_ERROR', message: error.message ?? 'The payment could not be sent' };
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
    selectIsFinal: (state) => FINAL.includes(state.phase),
    selectIsBusy: (state) => state.phase === 'preverifying' || state.phase === 'paying',
  },
});

export const {
  flowStarted,
  paymentCorrected,
  methodChosen,
  authenticationRestarted,
  paymentResultPushed,
  errorDismissed,
  flowEnded,
} = paymentSlice.actions;

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
} = paymentSlice.selectors;
