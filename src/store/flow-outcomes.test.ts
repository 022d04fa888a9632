// Regression tests of the flow's outcome rules, against the real mock payment server, through a transport that can
// corrupt or replace an answer after the server acted. Also the headless use: a host store, no cashier UI.
import { combineSlices, configureStore, type Middleware, type UnknownAction } from '@reduxjs/toolkit';
import { startTestServer, type TestServer } from '../../mocks/test-helpers';
import { createCashierApi } from '../api/cashier-api';
import { createHttp } from '../api/http';
import { encryptPassword } from '../core/password-cipher';
import type { PaymentData, PaymentReminder } from '../core/types';
import { createCashierServices } from './cashier-services';
import { flowDispatchFor } from './createCashierStore';
import { closeFlow, pay, payWith, requestPasswordChallenge, startFlow } from './flow-thunks';
import { paymentSlice } from './paymentSlice';
import type { PaymentState } from './payment-state';

let server: TestServer;
let base: string;

beforeAll(async () => {
  server = await startTestServer({ log: () => undefined });
  base = server.baseUrl;
});
afterAll(() => server.close());
beforeEach(() => server.mock.state.reset());

let seq = 0;
const payment = (): PaymentData => ({
  orderId: `order-outcome-${++seq}-${Date.now()}`,
  accountId: 'acct-alice',
  amount: { amount: 10000, currency: 'CNY' },
  payerAccount: '6222020000000000018',
  payeeAccount: 'merchant-001',
});
const charges = async (orderId: string) => server.mock.state.charges.filter((c) => c.orderId === orderId);

type Rewrite = (url: string, data: unknown) => unknown;

/** A host store (paymentSlice injected, its own middleware recording every action) and the flow's dispatch for it. */
function hostFlow(rewrite?: { once: boolean; fn: Rewrite }) {
  const http = createHttp(base);
  let pending = rewrite;
  // The server acted and answered; the answer the client reads is replaced (a proxy's HTML page, a `processing`).
  http.interceptors.response.use((response) => {
    if (pending && String(response.config.url).endsWith('/pay')) {
      response.data = pending.fn(String(response.config.url), response.data);
      if (pending.once) pending = undefined;
    }
    return response;
  });
  const actions: UnknownAction[] = [];
  const record: Middleware = () => (next) => (action) => {
    actions.push(action as UnknownAction);
    return next(action);
  };
  const rootReducer = combineSlices({ reducerPath: 'host', reducer: (s: { ok: boolean } = { ok: true }) => s });
  paymentSlice.injectInto(rootReducer);
  const store = configureStore({ reducer: rootReducer, middleware: (d) => d().concat(record) });
  const reminders: PaymentReminder[] = [];
  const dispatch = flowDispatchFor(store as never, () =>
    createCashierServices({
      api: createCashierApi(base, http),
      sleep: () => new Promise((r) => setTimeout(r, 20)),
      recoveryDeadlineMs: 5_000,
      hooks: { onReminder: (r) => reminders.push(r) },
    }),
  );
  const state = () => (store.getState() as unknown as { payment: PaymentState }).payment;
  return { store, dispatch, state, actions, reminders };
}

async function payWithPassword(flow: ReturnType<typeof hostFlow>, data: PaymentData, password = '123456') {
  flow.dispatch(startFlow({ payment: data, locale: 'en-US' }));
  await flow.dispatch(pay({ method: 'password' }));
  expect(flow.state().phase).toBe('awaitingAuthentication');
  const challenge = await flow.dispatch(requestPasswordChallenge());
  const encryptedPassword = await encryptPassword(Uint8Array.from(password, (c) => c.charCodeAt(0)), challenge);
  await flow.dispatch(payWith({ method: 'password', encryptedPassword }));
  return encryptedPassword;
}

test('a charge whose answer arrives malformed (a 200 HTML page) is recovered as succeeded, never "nothing was taken"', async () => {
  const flow = hostFlow({ once: true, fn: () => '<html><body>Bad gateway</body></html>' });
  const data = payment();
  await payWithPassword(flow, data);
  expect(await charges(data.orderId)).toHaveLength(1);
  expect(flow.state().phase).toBe('succeeded');
  expect(flow.actions.some((a) => a.type === 'payment/outcomeLost')).toBe(true);
  expect(flow.reminders.map((r) => r.status)).toEqual(['succeeded']);
});

test('a `processing` answer is followed through the status query to the final result', async () => {
  const flow = hostFlow({ once: true, fn: (_url, data) => ({ ...(data as object), status: 'processing', paymentId: undefined }) });
  const data = payment();
  await payWithPassword(flow, data);
  expect(flow.state().phase).toBe('succeeded');
  expect(flow.state().result?.paymentId).toEqual(expect.any(String));
  expect(await charges(data.orderId)).toHaveLength(1);
});

test('no secret in any action or in the state: not the ciphertext, the nonce, nor the enrolment token', async () => {
  const flow = hostFlow();
  const data = payment();
  const sealed = await payWithPassword(flow, data);
  expect(flow.state().phase).toBe('succeeded');
  flow.dispatch(closeFlow());
  const seen = JSON.stringify([flow.actions, flow.store.getState()]);
  expect(seen).not.toContain(sealed.ciphertext);
  expect(seen).not.toContain(sealed.nonce);
  expect(seen).not.toContain('encryptedPassword');
  expect(seen).not.toContain('enrollmentToken');
  expect(seen).not.toContain('123456');
  // The host still hears the end once, and its own slice is untouched.
  expect(flow.reminders).toHaveLength(1);
  expect((flow.store.getState() as unknown as { host: { ok: boolean } }).host.ok).toBe(true);
});

test('a remount (startFlow again with the same payment) resumes the flow instead of starting over', async () => {
  const flow = hostFlow();
  const data = payment();
  flow.dispatch(startFlow({ payment: data, locale: 'en-US' }));
  await flow.dispatch(pay({ method: 'password' }));
  const { flowId, preorder } = flow.state();
  flow.dispatch(startFlow({ payment: { ...data, amount: { ...data.amount } }, locale: 'en-US' }));
  expect(flow.state().flowId).toBe(flowId);
  expect(flow.state().preorder).toEqual(preorder);
  expect(flow.state().phase).toBe('awaitingAuthentication');
});

test('invalid payment data is refused once, at the start, with every field named, and nothing is sent', async () => {
  const flow = hostFlow();
  const before = flow.actions.length;
  flow.dispatch(startFlow({ payment: { orderId: '', accountId: 'acct-alice', amount: { amount: 1.5, currency: 'CNY' } }, locale: 'en-US' }));
  await flow.dispatch(pay({ method: 'password' }));
  const state = flow.state();
  expect(state.phase).toBe('verificationFailed');
  expect(state.failedChecks.map((c) => c.key).sort()).toEqual(['amount.amount', 'orderId', 'payeeAccount', 'payerAccount']);
  expect(flow.actions.slice(before).some((a) => a.type.startsWith('payment/loadResources'))).toBe(false);
});
