import type { PaymentResult, PaymentStatusResponse } from '../src/core/service-interfaces';
import { ENROLLMENT_TOKEN_TTL_MS } from './pay';
import type { Charge } from './state';
import {
  ALICE_CARD_B,
  alicePayment,
  BOB_CARD,
  newKey,
  passwordAuthentication,
  pay,
  payRequest,
  payResult,
  type TestServer,
  setupTestServer,
} from './test-helpers';

let server: TestServer;
setupTestServer((started) => {
  server = started;
});

async function charges(): Promise<Charge[]> {
  return (await (await server.get('/__admin/charges')).json()) as Charge[];
}

describe('POST /pay', () => {
  it('charges alice ¥100.00 once with password 123456 and issues an enrollment token', async () => {
    const payment = alicePayment();
    const result = await payResult(server, await payRequest(server, payment, '123456'), newKey());
    expect(result).toMatchObject({ status: 'succeeded', orderId: payment.orderId, method: 'password', amount: payment.amount });
    expect(result.paymentId).toMatch(/^pay_/);
    expect(result.enrollmentToken).toEqual(expect.any(String));
    expect(await charges()).toEqual([
      { paymentId: result.paymentId, orderId: payment.orderId, accountId: 'acct-alice', amount: payment.amount, at: result.at },
    ]);
  });

  it('declines bob ¥200.00 with INSUFFICIENT_FUNDS and takes nothing', async () => {
    const payment = alicePayment({ accountId: 'acct-bob', payerAccount: BOB_CARD, amount: { amount: 20_000, currency: 'CNY' } });
    const result = await payResult(server, await payRequest(server, payment, '654321'), newKey());
    expect(result).toMatchObject({ status: 'failed', code: 'INSUFFICIENT_FUNDS' });
    expect(await charges()).toEqual([]);
  });

  it('re-runs pre-verification itself: alice ¥2,000.00 on the Bank A card fails, on the Bank B card succeeds', async () => {
    const amount = { amount: 200_000, currency: 'CNY' };
    const overLimit = alicePayment({ amount });
    const failed = await payResult(server, await payRequest(server, overLimit, '123456'), newKey());
    expect(failed).toMatchObject({ status: 'failed', code: 'VERIFICATION_FAILED' });
    expect(failed.message).toContain('amount.amount');
    const secondCard = alicePayment({ amount, payerAccount: ALICE_CARD_B });
    expect(await payResult(server, await payRequest(server, secondCard, '123456'), newKey())).toMatchObject({
      status: 'succeeded',
    });
  });

  it('fails a carol payment on her frozen account without asking for the password', async () => {
    const payment = alicePayment({ accountId: 'acct-carol', payerAccount: '6228480000000000034' });
    const result = await payResult(server, await payRequest(server, payment, 'wrong!'), newKey());
    expect(result).toMatchObject({ status: 'failed', code: 'VERIFICATION_FAILED' });
    expect(result.attemptsLeft).toBeUndefined();
  });

  it('refuses a second payment of a paid order under a new key: HTTP 409 ORDER_ALREADY_PAID, one charge', async () => {
    const payment = alicePayment();
    const first = await payRequest(server, payment, '123456');
    const second = await payRequest(server, payment, '123456');
    expect(await payResult(server, first, newKey())).toMatchObject({ status: 'succeeded' });
    const again = await pay(server, second, newKey());
    expect(again.status).toBe(409);
    expect(await again.json()).toEqual({ code: 'ORDER_ALREADY_PAID', message: expect.stringContaining('already been paid') });
    const preorder = await server.post('/preorder', { payment });
    expect(preorder.status).toBe(409);
    expect(await preorder.json()).toMatchObject({ code: 'ORDER_ALREADY_PAID' });
    expect(await charges()).toHaveLength(1);
  });

  it('a retry after a lost answer is told the truth: same key replays the success, a new key gets 409, never a 200 failure', async () => {
    const request = await payRequest(server, alicePayment(), '123456');
    const key = newKey();
    const paid = await payResult(server, request, key);
    expect(paid.status).toBe('succeeded');
    // The client lost that answer and retries the very same request body (its pre-order is spent now).
    const { enrollmentToken: _token, ...stored } = paid;
    expect(await payResult(server, request, key)).toEqual(stored);
    const otherKey = await pay(server, request, newKey());
    expect(otherKey.status).toBe(409);
    expect(((await otherKey.json()) as { code: string }).code).toBe('ORDER_ALREADY_PAID');
    // A new challenge for the retry does not change that: "already paid" is checked before anything else.
    const fresh = { ...request, authentication: await passwordAuthentication(server, request.payment, '000000') };
    expect((await pay(server, fresh, newKey())).status).toBe(409);
    const status = (await (await server.get(`/payments/status?orderId=${request.payment.orderId}`)).json()) as PaymentStatusResponse;
    expect(status).toEqual({ status: 'succeeded', result: stored });
    expect(server.mock.state.passwordLocks.get('acct-alice')).toBeUndefined();
    expect(await charges()).toHaveLength(1);
  });

  it('charges once when one order is paid concurrently under different keys; the others get 409', async () => {
    const payment = alicePayment();
    const requests = await Promise.all([1, 2, 3].map(() => payRequest(server, payment, '123456')));
    const responses = await Promise.all(requests.map((request) => pay(server, request, newKey())));
    expect(responses.map((res) => res.status).sort()).toEqual([200, 409, 409]);
    const bodies = (await Promise.all(responses.map((res) => res.json()))) as { status?: string; code?: string }[];
    expect(bodies.filter((body) => body.status === 'succeeded')).toHaveLength(1);
    expect(bodies.filter((body) => body.code === 'ORDER_ALREADY_PAID')).toHaveLength(2);
    expect(await charges()).toHaveLength(1);
  });

  it('requires an Idempotency-Key of 8-128 characters', async () => {
    const request = await payRequest(server, alicePayment(), '123456');
    const badKeys: Record<string, string>[] = [{}, { 'Idempotency-Key': 'short' }, { 'Idempotency-Key': 'k'.repeat(129) }];
    for (const headers of badKeys) {
      const res = await server.post('/pay', request, headers);
      expect(res.status).toBe(400);
      expect(await res.json()).toMatchObject({ code: 'INVALID_REQUEST', field: 'Idempotency-Key' });
    }
  });

  it('answers 100 concurrent identical requests with one key with one charge; only the request that paid gets the enrollment token', async () => {
    const request = await payRequest(server, alicePayment(), '123456');
    const key = newKey();
    const responses = await Promise.all(Array.from({ length: 100 }, () => pay(server, request, key)));
    const bodies = await Promise.all(responses.map((res) => res.text()));
    expect(responses.every((res) => res.status === 200)).toBe(true);
    const results = bodies.map((body) => JSON.parse(body) as PaymentResult);
    const withToken = results.filter((result) => result.enrollmentToken !== undefined);
    expect(withToken).toHaveLength(1);
    // Every in-flight duplicate gets the same bytes, without the token.
    expect(new Set(bodies.filter((body) => !body.includes('enrollmentToken'))).size).toBe(1);
    const { enrollmentToken: _token, ...stored } = withToken[0] as PaymentResult;
    for (const result of results) expect({ ...result, enrollmentToken: undefined }).toEqual({ ...stored, enrollmentToken: undefined });
    expect(stored).toMatchObject({ status: 'succeeded' });
    expect(await charges()).toHaveLength(1);
  });

  it('answers 409 IDEMPOTENCY_CONFLICT for the same key with another body', async () => {
    const request = await payRequest(server, alicePayment(), '123456');
    const key = newKey();
    expect((await pay(server, request, key)).status).toBe(200);
    const res = await pay(server, { ...request, preorderId: 'pre_other' }, key);
    expect(res.status).toBe(409);
    expect(await res.json()).toMatchObject({ code: 'IDEMPOTENCY_CONFLICT' });
  });

  it('drop-pay-response: takes the payment, breaks the connection; status and replay tell the success, without the token', async () => {
    const request = await payRequest(server, alicePayment(), '123456');
    const key = newKey();
    await server.post('/__admin/scenario', { name: 'drop-pay-response', times: 1 });
    await expect(pay(server, request, key)).rejects.toThrow();
    expect(await charges()).toHaveLength(1);
    const query = `orderId=${request.payment.orderId}&idempotencyKey=${key}`;
    const status = (await (await server.get(`/payments/status?${query}`)).json()) as PaymentStatusResponse;
    expect(status).toMatchObject({ status: 'succeeded', result: { status: 'succeeded', orderId: request.payment.orderId } });
    expect(status.result).not.toHaveProperty('enrollmentToken');
    // The retry with the same key replays the answer it never got, still charges once, and carries no token:
    // the token went only to the request that paid (whose answer was lost), so it is never handed out at all.
    const replay = await payResult(server, request, key);
    expect(replay).toEqual(status.result);
    expect(replay).not.toHaveProperty('enrollmentToken');
    expect(await charges()).toHaveLength(1);
  });

  it('never hands the enrollment token out again: not by status (key or order), replay, or push', async () => {
    const request = await payRequest(server, alicePayment(), '123456');
    const key = newKey();
    const paid = await payResult(server, request, key);
    const token = paid.enrollmentToken as string;
    expect(token).toEqual(expect.any(String));
    const { orderId } = request.payment;
    const texts = [
      await (await server.get(`/payments/status?orderId=${orderId}&idempotencyKey=${key}`)).text(),
      await (await server.get(`/payments/status?orderId=${orderId}`)).text(),
      await (await pay(server, request, key)).text(),
    ];
    for (const text of texts) expect(text).not.toContain(token);
    expect(server.mock.state.orderResults.get(orderId)).not.toHaveProperty('enrollmentToken');
    for (const record of server.mock.state.idempotency.values()) expect(record.response?.body).not.toContain(token);
    // Short-lived: it expires after ENROLLMENT_TOKEN_TTL_MS (5 minutes).
    expect((server.mock.state.enrollmentTokens.get(token)?.expiresAt ?? 0) - Date.now()).toBeLessThanOrEqual(ENROLLMENT_TOKEN_TTL_MS);
    expect(ENROLLMENT_TOKEN_TTL_MS).toBe(5 * 60_000);
  });

  it('rejects a pay request whose pre-order is unknown or does not match', async () => {
    const request = await payRequest(server, alicePayment(), '123456');
    const unknown = await payResult(server, { ...request, preorderId: 'pre_nope' }, newKey());
    expect(unknown).toMatchObject({ status: 'failed', code: 'PREORDER_NOT_FOUND' });
    const other = await payRequest(server, alicePayment(), '123456');
    const mismatch = await payResult(server, { ...other, payment: alicePayment() }, newKey());
    expect(mismatch).toMatchObject({ status: 'failed', code: 'PREORDER_MISMATCH' });
  });

  it('refuses fingerprint and face payments whose challenge the server never issued, and charges nothing', async () => {
    for (const authentication of [
      { method: 'fingerprint' as const, challengeId: 'c-1', assertion: {} },
      { method: 'face' as const, challengeId: 'c-2', image: 'data:image/jpeg;base64,AAAA' },
    ]) {
      const payment = alicePayment();
      const { preorderId } = await payRequest(server, payment, '123456');
      const result: PaymentResult = await payResult(server, { preorderId, payment, authentication }, newKey());
      expect(result).toMatchObject({ status: 'failed', code: 'CHALLENGE_UNKNOWN', method: authentication.method });
    }
    expect(server.mock.state.charges).toHaveLength(0);
  });
});
