import type { PaymentResult, PaymentStatusResponse } from '../src/core/service-interfaces';
import {
  alicePayment,
  BOB_CARD,
  newKey,
  pay,
  paymentEvents,
  payRequest,
  readUntil,
  type TestServer,
  setupTestServer,
} from './test-helpers';

let server: TestServer;
setupTestServer((started) => {
  server = started;
});

const status = async (query: string) => (await (await server.get(`/payments/status?${query}`)).json()) as PaymentStatusResponse;
const chargeCount = () => server.mock.state.charges.length;

/** Polls the status query until it is no longer processing (bounded: the scenario's delay is short). */
async function settled(query: string): Promise<PaymentStatusResponse> {
  for (let i = 0; i < 200; i++) {
    const answer = await status(query);
    if (answer.status !== 'processing') return answer;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  throw new Error('the payment never settled');
}

describe('processing scenario', () => {
  it('answers processing at once, settles after delayMs: status says processing meanwhile, the result is pushed', async () => {
    const request = await payRequest(server, alicePayment(), '123456');
    const { orderId } = request.payment;
    const key = newKey();
    const events = await server.get(`/events?orderId=${orderId}`);
    const pushed = readUntil(events, (text) => text.includes('event: payment'));
    await server.post('/__admin/scenario', { name: 'processing', delayMs: 150, times: 1 });
    const res = await pay(server, request, key);
    expect(res.status).toBe(200);
    const first = (await res.json()) as PaymentResult;
    expect(first).toMatchObject({ status: 'processing', orderId, method: 'password' });
    expect(first.paymentId).toBeUndefined();
    expect(first.enrollmentToken).toBeUndefined();
    // Nothing has been decided yet.
    expect(chargeCount()).toBe(0);
    expect(await status(`orderId=${orderId}`)).toEqual({ status: 'processing' });
    expect((await status(`orderId=${orderId}&idempotencyKey=${key}`)).status).toBe('processing');
    const done = await settled(`orderId=${orderId}&idempotencyKey=${key}`);
    expect(done).toMatchObject({ status: 'succeeded', result: { status: 'succeeded', orderId } });
    expect(done.result).not.toHaveProperty('enrollmentToken');
    expect(await status(`orderId=${orderId}`)).toEqual(done);
    expect(paymentEvents((await pushed).text)).toEqual([done.result]);
    // The same key now replays the settled answer; one charge in all; the fault was used once.
    expect(await (await pay(server, request, key)).json()).toEqual(done.result);
    expect(chargeCount()).toBe(1);
    expect(await (await server.get('/__admin/scenario')).json()).toMatchObject({ name: 'normal' });
  });

  it('settles a decline as normal (bob over his balance) and defaults to 2000 ms', async () => {
    const set = await server.post('/__admin/scenario', { name: 'processing' });
    expect(await set.json()).toMatchObject({ name: 'processing', delayMs: 2000, endpoints: ['pay'] });
    await server.post('/__admin/scenario', { name: 'processing', delayMs: 50 });
    const bob = alicePayment({ accountId: 'acct-bob', payerAccount: BOB_CARD, amount: { amount: 20_000, currency: 'CNY' } });
    const request = await payRequest(server, bob, '654321');
    expect(((await (await pay(server, request, newKey())).json()) as PaymentResult).status).toBe('processing');
    expect(await settled(`orderId=${bob.orderId}`)).toMatchObject({ status: 'failed', result: { code: 'INSUFFICIENT_FUNDS' } });
    expect(chargeCount()).toBe(0);
  });

  it('a reset before it settles cancels it', async () => {
    await server.post('/__admin/scenario', { name: 'processing', delayMs: 100, times: 1 });
    const request = await payRequest(server, alicePayment(), '123456');
    expect((await pay(server, request, newKey())).status).toBe(200);
    await server.post('/__admin/reset', {});
    await new Promise((resolve) => setTimeout(resolve, 250));
    expect(chargeCount()).toBe(0);
  });
});

describe('faults after the charge', () => {
  it('malformed-pay-response: takes the payment and answers 200 text/html; the status and a retry tell the truth', async () => {
    const request = await payRequest(server, alicePayment(), '123456');
    const key = newKey();
    await server.post('/__admin/scenario', { name: 'malformed-pay-response', times: 1 });
    const res = await pay(server, request, key);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/html/);
    expect(await res.text()).toMatch(/^<!DOCTYPE html>/);
    expect(chargeCount()).toBe(1);
    expect((await status(`orderId=${request.payment.orderId}&idempotencyKey=${key}`)).status).toBe('succeeded');
    const retry = await pay(server, request, key);
    expect(retry.headers.get('content-type')).toMatch(/^application\/json/);
    expect(((await retry.json()) as PaymentResult).status).toBe('succeeded');
    expect(chargeCount()).toBe(1);
  });

  it('pay-error-after-charge: takes the payment and answers 502, for `times` requests only', async () => {
    await server.post('/__admin/scenario', { name: 'pay-error-after-charge', times: 2 });
    for (let i = 0; i < 2; i++) {
      const request = await payRequest(server, alicePayment(), '123456');
      const res = await pay(server, request, newKey());
      expect(res.status).toBe(502);
      expect(await res.json()).toMatchObject({ code: 'BAD_GATEWAY', message: expect.any(String) });
      expect((await status(`orderId=${request.payment.orderId}`)).status).toBe('succeeded');
    }
    expect(chargeCount()).toBe(2);
    const after = await pay(server, await payRequest(server, alicePayment(), '123456'), newKey());
    expect(after.status).toBe(200);
    expect(chargeCount()).toBe(3);
  });

  it('keeps the older scenario names, and accepts only pay as the endpoint of the pay faults', async () => {
    for (const name of ['normal', 'slow', 'server-error', 'drop-pay-response', 'drop-events']) {
      expect((await server.post('/__admin/scenario', { name })).status).toBe(200);
    }
    for (const name of ['processing', 'malformed-pay-response', 'pay-error-after-charge']) {
      const set = await server.post('/__admin/scenario', { name, endpoints: ['preorder'] });
      expect(await set.json()).toMatchObject({ name, endpoints: ['pay'] });
    }
  });
});
