import type { PaymentResult } from '../core/service-interfaces';
import { createCashierStore } from './createCashierStore';
import { sendPayment } from './flow-thunks';
import { paymentResultPushed } from './paymentSlice';
import { initialPaymentState } from './payment-state';

const payment = { orderId: 'o-1', accountId: 'acct-alice', amount: { amount: 10000, currency: 'CNY' }, payerAccount: '6222020000000000018', payeeAccount: 'merchant-001' };
const result = (status: PaymentResult['status']): PaymentResult => ({ status, orderId: 'o-1', amount: payment.amount, method: 'password', message: status, at: '2026-01-01T00:00:00.000Z' });

function paying() {
  // Only the reducers are under test: a flow awaiting authentication, then a payment in flight (none is sent).
  const preloadedState = { payment: { ...initialPaymentState, payment, locale: 'en-US' as const, flowId: 1, phase: 'awaitingAuthentication' as const } };
  const store = createCashierStore({ apiBaseUrl: 'http://127.0.0.1:9/api', preloadedState });
  store.dispatch(sendPayment.pending('r1', { handle: 'auth-1' }, { attempt: { key: 'k-12345678', handle: 'auth-1' } }));
  return store;
}

test('a pushed failure (an earlier attempt replayed on connect) does not end the attempt in progress', () => {
  const store = paying();
  expect(store.getState().payment.phase).toBe('paying');
  store.dispatch(paymentResultPushed(result('failed')));
  expect(store.getState().payment.phase).toBe('paying');
});

test('a pushed success settles the attempt, and ends the flow with one reminder', () => {
  const store = paying();
  store.dispatch(paymentResultPushed(result('succeeded')));
  expect(store.getState().payment.phase).toBe('succeeded');
  expect(store.getState().payment.reminder?.status).toBe('succeeded');
});
