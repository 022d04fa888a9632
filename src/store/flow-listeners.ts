// Side effects of the flow's actions, in one listener middleware: buried points, message push, the end on success.
import { createListenerMiddleware, type ListenerMiddlewareInstance, type ThunkDispatch, type UnknownAction } from '@reduxjs/toolkit';
import type { CashierServices } from './cashier-services';
import { isSettling } from './flow-machine';
import { flowDetached, flowEnded, forgotPasswordUrlChecked, paymentResultPushed } from './flow-actions';
import { endFlow, sendPayment, submitPayment } from './flow-thunks';
import type { RootWithPayment } from './thunk-types';

type FlowThunkDispatch = ThunkDispatch<RootWithPayment, CashierServices, UnknownAction>;
export type FlowListeners = ListenerMiddlewareInstance<RootWithPayment, FlowThunkDispatch, CashierServices>;

const track = (services: CashierServices, type: string, data: Record<string, unknown>) => {
  try {
    services.hooks.track?.(type, data);
  } catch {
    // A broken buried-point sink must not break the payment.
  }
};

export function createFlowListeners(services: CashierServices): FlowListeners {
  const listeners = createListenerMiddleware<RootWithPayment, FlowThunkDispatch, CashierServices>({ extra: services });
  const start = listeners.startListening;

  // The method a payment goes ahead with (radio changes alone are element clicks, not choices).
  start({
    actionCreator: submitPayment.pending,
    effect: (_action, api) => {
      const method = api.getState().payment.method;
      if (method) track(services, 'method_chosen', { pageId: 'cashier', method });
    },
  });

  start({
    actionCreator: submitPayment.fulfilled,
    effect: ({ payload }) => {
      const failedKeys = payload.passed ? [] : payload.failedChecks.map((c) => c.key);
      track(services, 'preverification_result', { pageId: 'cashier', passed: payload.passed, failedKeys });
      if (!payload.passed && 'droppedUrls' in payload) {
        for (const key of payload.droppedUrls) track(services, 'correction_url_dropped', { pageId: 'verify-failed', key });
      }
    },
  });

  // The host's forgot-password link failed the link rules: it is not shown, and the drop is recorded like a correction link's.
  start({
    actionCreator: forgotPasswordUrlChecked,
    effect: ({ payload }) => {
      if (payload.dropped) track(services, 'forgot_password_url_dropped', { pageId: 'password' });
    },
  });

  // Message push while an attempt is in flight or being learned; the status query is the fallback.
  start({
    actionCreator: sendPayment.pending,
    effect: async (_action, api) => {
      api.cancelActiveListeners();
      const orderId = api.getState().payment.payment?.orderId;
      if (!orderId) return;
      const close = services.subscribePush(orderId, (result) => api.dispatch(paymentResultPushed(result)));
      try {
        await api.condition((action, state) => !isSettling(state.payment.phase) || flowDetached.match(action));
      } finally {
        close();
      }
    },
  });

  // S5: success ends the flow as soon as it is known; other outcomes end when the person closes the cashier.
  start({
    predicate: (_action, state, previous) => state.payment?.phase === 'succeeded' && previous.payment?.phase !== 'succeeded',
    effect: (_action, api) => {
      api.dispatch(endFlow('succeeded'));
    },
  });

  start({
    actionCreator: flowEnded,
    effect: ({ payload }) => {
      track(services, 'payment_result', { pageId: 'cashier', status: payload.status, method: payload.method, code: payload.code });
      try {
        services.hooks.onReminder?.(payload);
      } catch {
        // A host callback that throws must not break the cashier.
      }
    },
  });

  return listeners;
}
