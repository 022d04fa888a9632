import type { PaymentResult } from '../core/service-interfaces';
import { createCashierStore } from './createCashierStore';
import { payWithAuthentication } from './pay-thunk';
import { flowStarted, paymentResultPushed } from './paymentSlice';

const payment = { orderId: 'o-1', accountId: 'acct-alice', amount: { amount: 10000, currency: 'CNY' }, payerAccount: '6222020000000000018', payeeAccount: 'merchant-001' };
const result = (status: PaymentResult['status']): PaymentResult => ({ status, orderId: 'o-1', amount: payment.amount, method: 'password', message: status, at: '2026-01-01T00:00:00.000Z' });

function paying() {
  const store = createCashierStore();
  store.dispatch(flowStarted({ payment, apiBaseUrl: 'http://127.0.0.1:9/api', locale: 'en-US' }));
  // The pending action alone puts the flow in 'paying' (the request itself is never awaited here).
  store.dispatch(payWithAuthentication.pending('r1', { authentication: { method: 'password', encryptedPassword: {} as never } }, { idempotencyKey: 'k-12345678' }));
  return store;
}

test('a pushed failure (an earlier attempt replayed on connect) does not end the attempt in progress', () => {
  const store = paying();
  store.dispatch(paymentResultPushed(result('failed')));
  expect(store.getState().payment.phase).toBe('paying');
});

test('a pushed success settles the attempt', () => {
  const store = paying();
  store.dispatch(paymentResultPushed(result('succeeded')));
  expect(store.getState().payment.phase).toBe('succeeded');
});
