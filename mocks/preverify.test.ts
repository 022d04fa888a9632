import type { PaymentStatusResponse, PreorderResponse, PreverifyResponse } from '../src/core/service-interfaces';
import type { PaymentData } from '../src/core/types';
import {
  ALICE_CARD_B,
  alicePayment,
  BOB_CARD,
  CAROL_CARD,
  newKey,
  payRequest,
  payResult,
  type TestServer,
  setupTestServer,
} from './test-helpers';
import { verifyPaymentData } from './validation';

let server: TestServer;
let clock = Date.parse('2025-03-01T08:00:00.000Z');
setupTestServer((started) => {
  server = started;
}, { now: () => clock });

async function preverify(payment: PaymentData) {
  const res = await server.post('/preverify', { payment });
  expect(res.status).toBe(200);
  const { verificationData, ruleBase } = (await res.json()) as PreverifyResponse;
  const outcome = verifyPaymentData(payment, verificationData, ruleBase);
  return { verificationData, ruleBase, outcome, failed: outcome.results.filter((r) => !r.passed).map((r) => r.key) };
}

describe('POST /preverify', () => {
  it('sends a versioned rule base and passes alice ¥100.00 on her first card', async () => {
    const { ruleBase, outcome } = await preverify(alicePayment());
    expect(ruleBase.version).toEqual(expect.any(String));
    expect(Object.keys(ruleBase.rules)).toEqual(expect.arrayContaining(['amount.amount', 'accountId', 'payerAccount#owned']));
    expect(outcome.passed).toBe(true);
  });

  it('fails alice ¥2,000.00 on the Bank A card on the single limit only, and passes it on the Bank B card', async () => {
    const amount = { amount: 200_000, currency: 'CNY' };
    const first = await preverify(alicePayment({ amount }));
    expect(first.failed).toEqual(['amount.amount']);
    expect(first.verificationData).toContainEqual({ key: 'amount.amount', value: 100_000 });
    expect((await preverify(alicePayment({ amount, payerAccount: ALICE_CARD_B }))).outcome.passed).toBe(true);
  });

  it('passes bob ¥200.00 (the balance is checked only when paying)', async () => {
    const bob = alicePayment({ accountId: 'acct-bob', payerAccount: BOB_CARD, amount: { amount: 20_000, currency: 'CNY' } });
    expect((await preverify(bob)).outcome.passed).toBe(true);
  });

  it("fails carol on the account status item 'frozen'", async () => {
    const { verificationData, failed } = await preverify(alicePayment({ accountId: 'acct-carol', payerAccount: CAROL_CARD }));
    expect(verificationData).toContainEqual({ key: 'accountId', value: 'frozen' });
    expect(failed).toEqual(['accountId']);
  });

  it("answers for an unknown account with status 'unknown', failing closed", async () => {
    const { verificationData, failed } = await preverify(alicePayment({ accountId: 'acct-nobody' }));
    expect(verificationData).toContainEqual({ key: 'accountId', value: 'unknown' });
    expect(failed).toEqual(expect.arrayContaining(['accountId', 'payerAccount#owned']));
  });

  it("fails a card outside the account's cards on payerAccount#owned, another currency and payee on theirs", async () => {
    expect((await preverify(alicePayment({ payerAccount: BOB_CARD }))).failed).toEqual(['payerAccount#owned']);
    expect((await preverify(alicePayment({ amount: { amount: 100, currency: 'USD' } }))).failed).toEqual(['amount.currency']);
    expect((await preverify(alicePayment({ payeeAccount: 'merchant-blocked-666' }))).failed).toEqual([
      'payeeAccount',
      'payeeAccount#blocked',
    ]);
  });

  it('rejects a malformed payment with 400 naming the field', async () => {
    const res = await server.post('/preverify', { payment: { ...alicePayment(), amount: { amount: 1.5, currency: 'CNY' } } });
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ code: 'INVALID_REQUEST', field: expect.stringContaining('amount') });
  });
});

describe('POST /preorder', () => {
  it('holds the order for 15 minutes and names the payee', async () => {
    const payment = alicePayment();
    const res = await server.post('/preorder', { payment });
    const preorder = (await res.json()) as PreorderResponse;
    expect(preorder).toMatchObject({ orderId: payment.orderId, amount: payment.amount, payeeName: 'Merchant 001' });
    expect(preorder.preorderId).toMatch(/^pre_/);
    expect(Date.parse(preorder.expiresAt) - clock).toBe(15 * 60_000);
  });

  it('refuses an unknown payee with 422 PAYEE_NOT_FOUND', async () => {
    const res = await server.post('/preorder', { payment: alicePayment({ payeeAccount: 'merchant-999' }) });
    expect(res.status).toBe(422);
    expect(await res.json()).toMatchObject({ code: 'PAYEE_NOT_FOUND', field: 'payment.payeeAccount' });
  });

  it('lets a pre-order expire after 15 minutes', async () => {
    const request = await payRequest(server, alicePayment(), '123456');
    clock += 15 * 60_000;
    expect(await payResult(server, request, newKey())).toMatchObject({ status: 'failed', code: 'PREORDER_EXPIRED' });
    clock = Date.parse('2025-03-01T08:00:00.000Z');
  });
});

describe('GET /payments/status', () => {
  async function status(query: string): Promise<PaymentStatusResponse> {
    const res = await server.get(`/payments/status?${query}`);
    expect(res.status).toBe(200);
    return (await res.json()) as PaymentStatusResponse;
  }

  it('answers not_found, then the result by key and by order', async () => {
    const request = await payRequest(server, alicePayment(), '123456');
    const { orderId } = request.payment;
    expect(await status(`orderId=${orderId}`)).toEqual({ status: 'not_found' });
    const key = newKey();
    const result = await payResult(server, request, key);
    expect(result.enrollmentToken).toEqual(expect.any(String));
    // Neither by key nor by order does the status carry the enrollment token: only the pay answer that paid does.
    const { enrollmentToken: _token, ...settled } = result;
    expect(await status(`orderId=${orderId}&idempotencyKey=${key}`)).toEqual({ status: 'succeeded', result: settled });
    expect(await status(`orderId=${orderId}`)).toEqual({ status: 'succeeded', result: settled });
    expect(await status(`orderId=${orderId}&idempotencyKey=${newKey()}`)).toEqual({ status: 'not_found' });
  });

  it('requires an orderId', async () => {
    const res = await server.get('/payments/status');
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ code: 'INVALID_REQUEST', field: 'orderId' });
  });
});
