import { once } from 'node:events';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { combineSlices, configureStore } from '@reduxjs/toolkit';
import express from 'express';
import { createMockServer, type MockServer } from '../../mocks/app';
import { cashierApiFor } from '../api/cashier-api';
import { encryptPassword } from '../core/password-cipher';
import type { PaymentData, PaymentReminder } from '../core/types';
import { createCashierServices } from './cashier-services';
import { createCashierStore, flowDispatchFor } from './createCashierStore';
import { chooseAnotherMethod, closeFlow, pay, payWith, startFlow, tryAgain } from './flow-thunks';
import { passwordUnlocked, paymentSlice, selectForgotPasswordUrl, selectPasswordLock, selectPasswordRetry, selectPhase } from './paymentSlice';

// The slice and its thunks against the real mock payment server on an ephemeral port.
let server: Server;
let mock: MockServer;
let base: string;

beforeAll(async () => {
  mock = createMockServer({ log: () => undefined });
  const app = express();
  app.use('/api/cashier', mock.app);
  server = createServer(app).listen(0, '127.0.0.1');
  await once(server, 'listening');
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/cashier`;
});
afterAll(async () => {
  mock.close();
  server.close();
});
beforeEach(async () => {
  await fetch(`${base}/__admin/reset`, { method: 'POST' });
});

const ALICE_CARD = '6222020000000000018';
let orderSeq = 0;
const payment = (over: Partial<PaymentData> = {}): PaymentData => ({
  orderId: `order-test-${++orderSeq}-${Date.now()}`,
  accountId: 'acct-alice',
  amount: { amount: 10000, currency: 'CNY' },
  payerAccount: ALICE_CARD,
  payeeAccount: 'merchant-001',
  ...over,
});

const toBytes = (password: string) => Uint8Array.from(password, (c) => c.charCodeAt(0));

async function passwordAuthentication(data: PaymentData, password: string) {
  const { accountId, orderId, amount, payeeAccount } = data;
  const challenge = await cashierApiFor(base).passwordChallenge({ accountId, orderId, amount, payeeAccount });
  return { method: 'password' as const, encryptedPassword: await encryptPassword(toBytes(password), challenge) };
}

function storeFor(recoveryDeadlineMs = 45_000) {
  return createCashierStore({ apiBaseUrl: base, recoveryDeadlineMs });
}

async function preverified(data: PaymentData, store = storeFor()) {
  store.dispatch(startFlow({ payment: data, locale: 'en-US' }));
  await store.dispatch(pay({ method: 'password' }));
  return store;
}

async function charges(): Promise<unknown[]> {
  return (await fetch(`${base}/__admin/charges`)).json() as Promise<unknown[]>;
}

test('acct-alice pays ¥100.00 with 123456: succeeded, one charge', async () => {
  const data = payment();
  const store = await preverified(data);
  expect(store.getState().payment.phase).toBe('awaitingAuthentication');
  await store.dispatch(payWith(await passwordAuthentication(data, '123456')));
  const state = store.getState().payment;
  expect(state.phase).toBe('succeeded');
  expect(state.result?.paymentId).toEqual(expect.any(String));
  expect(await charges()).toHaveLength(1);
  // No secret in the state: neither the password nor its ciphertext.
  expect(JSON.stringify(state)).not.toContain('123456');
  expect(JSON.stringify(state)).not.toContain('ciphertext');
});

test('acct-alice ¥2,000.00 on the first card fails pre-verification on the single limit, with a correction URL', async () => {
  const store = await preverified(payment({ amount: { amount: 200000, currency: 'CNY' } }));
  const state = store.getState().payment;
  expect(state.phase).toBe('verificationFailed');
  const limit = state.failedChecks.find((c) => c.key === 'amount.amount');
  expect(limit?.message).toBeTruthy();
  expect(limit?.correctionUrl).toMatch(/^https?:\/\//);
});

test('acct-alice ¥2,000.00 on the second card passes pre-verification', async () => {
  const store = await preverified(payment({ amount: { amount: 200000, currency: 'CNY' }, payerAccount: '6225880000000000044' }));
  expect(store.getState().payment.phase).toBe('awaitingAuthentication');
});

test('acct-bob ¥200.00 is declined with INSUFFICIENT_FUNDS', async () => {
  const data = payment({ accountId: 'acct-bob', payerAccount: '6217000000000000020', amount: { amount: 20000, currency: 'CNY' } });
  const store = await preverified(data);
  await store.dispatch(payWith(await passwordAuthentication(data, '654321')));
  const state = store.getState().payment;
  expect(state.phase).toBe('failed');
  expect(state.result?.code).toBe('INSUFFICIENT_FUNDS');
  expect(await charges()).toHaveLength(0);
});

test('acct-carol is stopped at verification on account status', async () => {
  const store = await preverified(payment({ accountId: 'acct-carol', payerAccount: '6228480000000000034' }));
  const state = store.getState().payment;
  expect(state.phase).toBe('verificationFailed');
  expect(state.failedChecks.map((c) => c.key)).toContain('accountId');
});

test('a wrong password keeps the password step with the attempts left; the fifth locks with PASSWORD_LOCKED', async () => {
  const data = payment();
  const store = await preverified(data);
  const left: (number | undefined)[] = [];
  for (let i = 0; i < 4; i++) {
    await store.dispatch(payWith(await passwordAuthentication(data, '000000')));
    const state = store.getState().payment;
    expect(state.phase).toBe('awaitingAuthentication');
    expect(state.result).toBeNull();
    expect(state.error?.code).toBe('WRONG_PASSWORD');
    left.push(selectPasswordRetry(store.getState())?.attemptsLeft);
  }
  expect(left).toEqual([4, 3, 2, 1]);
  await store.dispatch(payWith(await passwordAuthentication(data, '000000')));
  const state = store.getState().payment;
  expect(state.phase).toBe('failed');
  expect(state.result?.code).toBe('PASSWORD_LOCKED');
  expect(selectPasswordRetry(store.getState())).toBeNull();
  const lock = selectPasswordLock(store.getState());
  expect(lock?.unlocksAt).toBe(state.result?.unlocksAt);
  // "Try again" opens the password step still locked, so it can show the countdown; the countdown's end unlocks it.
  store.dispatch(tryAgain('password'));
  expect(store.getState().payment.phase).toBe('awaitingAuthentication');
  expect(selectPasswordLock(store.getState())).toEqual(lock);
  store.dispatch(passwordUnlocked());
  expect(selectPasswordLock(store.getState())).toBeNull();
  expect(await charges()).toHaveLength(0);
});

test('closing after a wrong password reports failed with the reason and the attempts left', async () => {
  const data = payment();
  const reminders: PaymentReminder[] = [];
  const store = await preverified(data, createCashierStore({ apiBaseUrl: base, hooks: { onReminder: (r) => reminders.push(r) } }));
  await store.dispatch(payWith(await passwordAuthentication(data, '000000')));
  store.dispatch(closeFlow());
  expect(reminders).toEqual([expect.objectContaining({ status: 'failed', code: 'WRONG_PASSWORD', message: 'Wrong password, 4 attempts left' })]);
});

test('the next attempt and another method clear the wrong-password state', async () => {
  const data = payment();
  const store = await preverified(data);
  await store.dispatch(payWith(await passwordAuthentication(data, '000000')));
  expect(selectPasswordRetry(store.getState())).toEqual({ attemptsLeft: 4 });
  const next = store.dispatch(payWith(await passwordAuthentication(data, '123456')));
  expect(selectPasswordRetry(store.getState())).toBeNull();
  await next;
  expect(store.getState().payment.phase).toBe('succeeded');

  const other = await preverified(payment());
  await other.dispatch(payWith(await passwordAuthentication(data, '000000')));
  other.dispatch(chooseAnotherMethod('fingerprint'));
  expect(selectPasswordRetry(other.getState())).toBeNull();
  expect(other.getState().payment.phase).toBe('idle');
});

test('forgotPasswordUrl is kept only under the link rules; a dropped one is a buried point', () => {
  const tracked: { type: string; data: Record<string, unknown> }[] = [];
  const track = (type: string, data: Record<string, unknown>) => tracked.push({ type, data });
  const store = createCashierStore({ apiBaseUrl: base, allowedLinkOrigins: ['https://help.example'], hooks: { track } });
  const start = (url: unknown) => store.dispatch(startFlow({ payment: payment(), locale: 'en-US', forgotPasswordUrl: url }));
  start('https://help.example/reset?x=1');
  expect(selectForgotPasswordUrl(store.getState())).toBe('https://help.example/reset?x=1');
  // Without the key (paying again restarts the flow) the link stays.
  store.dispatch(startFlow({ payment: payment(), locale: 'en-US' }));
  expect(selectForgotPasswordUrl(store.getState())).toBe('https://help.example/reset?x=1');
  for (const bad of ['http://help.example/reset', 'javascript:alert(1)', 'https://evil.example/reset', 'https://u:p@help.example/', '/reset', 42]) {
    start(bad);
    expect(selectForgotPasswordUrl(store.getState())).toBeNull();
  }
  expect(tracked.filter((e) => e.type === 'forgot_password_url_dropped')).toHaveLength(6);
  start(undefined);
  expect(selectForgotPasswordUrl(store.getState())).toBeNull();
  expect(tracked.filter((e) => e.type === 'forgot_password_url_dropped')).toHaveLength(6);
});

test('under drop-pay-response the client learns the true outcome through the status query; one charge', async () => {
  const data = payment();
  const store = await preverified(data, storeFor(10_000));
  await fetch(`${base}/__admin/scenario`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ name: 'drop-pay-response', times: 1 }),
  });
  await store.dispatch(payWith(await passwordAuthentication(data, '123456')));
  expect(store.getState().payment.phase).toBe('succeeded');
  expect(await charges()).toHaveLength(1);
});

test('a lost answer that cannot be learned ends unknown, never failed', async () => {
  const data = payment();
  const store = await preverified(data, storeFor(1_500));
  await fetch(`${base}/__admin/scenario`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ name: 'server-error', endpoints: ['pay', 'status'] }),
  });
  await store.dispatch(payWith(await passwordAuthentication(data, '123456')));
  expect(store.getState().payment.phase).toBe('unknown');
});

test('the slice injects into a host store built with combineSlices', async () => {
  const hostSlice = { reducerPath: 'host', reducer: (state: { ready: boolean } = { ready: true }) => state };
  const rootReducer = combineSlices(hostSlice);
  paymentSlice.injectInto(rootReducer);
  const hostStore = configureStore({ reducer: rootReducer });
  const data = payment();
  const dispatch = flowDispatchFor(hostStore as never, () => createCashierServices({ apiBaseUrl: base }));
  dispatch(startFlow({ payment: data, locale: 'en-US' }));
  expect(selectPhase(hostStore.getState() as never)).toBe('idle');
  await dispatch(pay({ method: 'password' }));
  expect((hostStore.getState() as unknown as { payment: { phase: string } }).payment.phase).toBe('awaitingAuthentication');
  expect((hostStore.getState() as unknown as { host: { ready: boolean } }).host.ready).toBe(true);
});
