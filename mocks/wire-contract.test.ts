// The mock's answers must pass the browser's own response schemas (src/core/wire-validation.ts).
import {
  parseApiErrorBody,
  parseCashierResources,
  parseCheckResourcesResponse,
  parsePasswordChallenge,
  parsePaymentResult,
  parsePaymentStatusResponse,
  parsePreorderResponse,
  parsePreverifyResponse,
} from '../src/core/wire-validation';
import {
  alicePayment,
  BOB_CARD,
  challengeRequestFor,
  newKey,
  passwordAuthentication,
  pay,
  payRequest,
  type TestServer,
  setupTestServer,
} from './test-helpers';

let server: TestServer;
setupTestServer((started) => {
  server = started;
});

const json = async (res: Response | Promise<Response>) => (await res).json() as Promise<unknown>;

describe('wire contract with the API client', () => {
  it('answers pre-verification, pre-order, challenge, page resources in the client-side shapes', async () => {
    const payment = alicePayment();
    expect(parsePreverifyResponse(await json(server.post('/preverify', { payment }))).ruleBase.version).toBeTruthy();
    expect(parsePreorderResponse(await json(server.post('/preorder', { payment }))).payeeName).toBe('Merchant 001');
    expect(parsePasswordChallenge(await json(server.post('/password/challenge', challengeRequestFor(payment)))).nonce).toBeTruthy();
    const checks = await json(server.post('/page-resources/checks', { keys: ['amount.amount'], locale: 'en-US', accountId: 'acct-alice' }));
    expect(parseCheckResourcesResponse(checks).checks).toHaveLength(1);
    expect(parseCheckResourcesResponse(checks).linkOrigins).toEqual(['https://bank.example', 'https://merchant.example']);
    expect(parseCashierResources(await json(server.get('/page-resources/cashier?accountId=acct-alice'))).cards).toHaveLength(2);
  });

  it('answers every payment outcome and status in the client-side shapes', async () => {
    const ok = await payRequest(server, alicePayment(), '123456');
    const key = newKey();
    expect(parsePaymentResult(await json(pay(server, ok, key))).status).toBe('succeeded');
    const wrong = await payRequest(server, alicePayment(), '000000');
    expect(parsePaymentResult(await json(pay(server, wrong, newKey())))).toMatchObject({ attemptsLeft: 4 });
    const bob = alicePayment({ accountId: 'acct-bob', payerAccount: BOB_CARD, amount: { amount: 20_000, currency: 'CNY' } });
    expect(parsePaymentResult(await json(pay(server, await payRequest(server, bob, '654321'), newKey())))).toMatchObject({
      code: 'INSUFFICIENT_FUNDS',
    });
    const status = await json(server.get(`/payments/status?orderId=${ok.payment.orderId}&idempotencyKey=${key}`));
    expect(parsePaymentStatusResponse(status).result?.paymentId).toBeTruthy();
    expect(parsePaymentStatusResponse(await json(server.get('/payments/status?orderId=none'))).status).toBe('not_found');
  });

  it('answers errors as ApiErrorBody', async () => {
    expect(parseApiErrorBody(await json(server.post('/preverify', '{')))).toMatchObject({ code: 'MALFORMED_JSON' });
    expect(parseApiErrorBody(await json(server.post('/preverify', {})))).toMatchObject({ code: 'INVALID_REQUEST', field: 'payment' });
    const paid = await payRequest(server, alicePayment(), '123456');
    expect(parsePaymentResult(await json(pay(server, paid, newKey()))).status).toBe('succeeded');
    const again = { ...paid, authentication: await passwordAuthentication(server, paid.payment, '123456') };
    expect(parseApiErrorBody(await json(pay(server, again, newKey())))).toMatchObject({ code: 'ORDER_ALREADY_PAID' });
  });
});
