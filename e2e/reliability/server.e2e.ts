// Reliability at the server: one key → one charge under 200 concurrent requests, 409 for another body under that key,
// and the WebAuthn refusals (replayed assertion, wrong origin, reused challenge) with a software authenticator.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { PaymentResult, WebAuthnAuthenticationOptions } from '../../src/core/service-interfaces';
import type { PaymentData } from '../../src/core/types';
import { SoftAuthenticator } from '../../mocks/soft-authenticator';
import { startTestServer, type TestServer } from '../../mocks/test-helpers';
import { alicePayment, type Client, client, enrollmentToken, pay, payRequest, preorder } from './support/node-client';
import { emptyCounts, recordSummary } from './support/summary';

const PAGE_ORIGIN = 'http://localhost:3001';
const counts = emptyCounts();
const unexpected: unknown[] = [];
let server: TestServer;
let api: Client;

before(async () => {
  server = await startTestServer({ log: (error) => unexpected.push(error) });
  api = client(server.baseUrl, { Origin: PAGE_ORIGIN });
});

after(async () => {
  counts.serverErrors += unexpected.length;
  recordSummary('server: idempotency, concurrency, WebAuthn', counts, ['200 concurrent identical payments under one key; 20 keys racing for one order']);
  await server?.close();
});

const chargesOf = (orderId: string) => server.mock.state.charges.filter((c) => c.orderId === orderId).length;

function countDoubleCharges(orderId: string): void {
  if (chargesOf(orderId) > 1) counts.doubleCharges += 1;
}

test('200 concurrent identical payment requests with one key take exactly one charge', async () => {
  server.mock.state.reset();
  const payment = alicePayment();
  const body = await payRequest(api, payment);
  const key = `key-${crypto.randomUUID()}`;
  const answers = await Promise.all(Array.from({ length: 200 }, () => pay(api, body, key)));
  counts.runs += answers.length;
  counts.serverErrors += answers.filter((a) => a.status >= 500).length;
  countDoubleCharges(payment.orderId);
  assert.deepEqual(
    answers.map((a) => a.status),
    answers.map(() => 200),
  );
  const ids = new Set(answers.map((a) => (a.result as PaymentResult).paymentId));
  assert.equal(ids.size, 1, 'every answer replays the one payment');
  assert.equal((answers[0]?.result as PaymentResult | undefined)?.status, 'succeeded');
  assert.equal(chargesOf(payment.orderId), 1);
});

test('the same key with another body is a 409, and charges nothing more', async () => {
  server.mock.state.reset();
  const payment = alicePayment();
  const body = await payRequest(api, payment);
  const key = `key-${crypto.randomUUID()}`;
  assert.equal((await pay(api, body, key)).status, 200);
  const other = { ...body, payment: { ...payment, amount: { amount: payment.amount.amount + 1, currency: 'CNY' } } };
  // Concurrent conflicting bodies as well as one after the other.
  const answers = await Promise.all(Array.from({ length: 20 }, () => pay(api, other, key)));
  counts.runs += answers.length + 1;
  counts.serverErrors += answers.filter((a) => a.status >= 500).length;
  for (const answer of answers) {
    assert.equal(answer.status, 409);
    assert.equal((answer.result as { code: string }).code, 'IDEMPOTENCY_CONFLICT');
  }
  countDoubleCharges(payment.orderId);
  assert.equal(chargesOf(payment.orderId), 1);
});

test('20 requests racing for one order under 20 keys take exactly one charge', async () => {
  server.mock.state.reset();
  const payment = alicePayment();
  const bodies = await Promise.all(Array.from({ length: 20 }, () => payRequest(api, payment)));
  const answers = await Promise.all(bodies.map((body) => pay(api, body, `key-${crypto.randomUUID()}`)));
  counts.runs += answers.length;
  counts.serverErrors += answers.filter((a) => a.status >= 500).length;
  countDoubleCharges(payment.orderId);
  const results = answers.map((a) => a.result as PaymentResult);
  assert.equal(results.filter((r) => r.status === 'succeeded').length, 1);
  for (const r of results.filter((x) => x.status !== 'succeeded')) assert.ok(r.code, `a refusal says why: ${JSON.stringify(r)}`);
  assert.equal(chargesOf(payment.orderId), 1);
});

// --- WebAuthn refusals ---

async function enroll(authenticator: SoftAuthenticator): Promise<void> {
  const token = await enrollmentToken(api);
  const options = await (await api.post('/webauthn/registration/options', { accountId: 'acct-alice', enrollmentToken: token })).json();
  const response = authenticator.create(options, { origin: PAGE_ORIGIN });
  const verify = await api.post('/webauthn/registration/verify', { accountId: 'acct-alice', enrollmentToken: token, response });
  assert.equal(verify.status, 200, await verify.text());
}

async function fingerprintOptions(payment: PaymentData, from: Client = api): Promise<WebAuthnAuthenticationOptions> {
  const response = await from.post('/webauthn/authentication/options', { accountId: payment.accountId, orderId: payment.orderId, amount: payment.amount });
  assert.equal(response.status, 200, await response.clone().text());
  return (await response.json()) as WebAuthnAuthenticationOptions;
}

async function payByFingerprint(payment: PaymentData, challengeId: string, assertion: unknown): Promise<PaymentResult> {
  const body = { preorderId: await preorder(api, payment), payment, authentication: { method: 'fingerprint', challengeId, assertion } };
  const { status, result } = await pay(api, body, `key-${crypto.randomUUID()}`);
  assert.equal(status, 200);
  counts.runs += 1;
  return result as PaymentResult;
}

test('WebAuthn: a replayed assertion, a reused challenge and a wrong origin are refused, and charge nothing', async () => {
  server.mock.state.reset();
  const authenticator = new SoftAuthenticator();
  await enroll(authenticator);
  const first = alicePayment();
  const { challengeId, options } = await fingerprintOptions(first);
  const assertion = authenticator.get(options as { challenge: string }, { origin: PAGE_ORIGIN });
  assert.equal((await payByFingerprint(first, challengeId, assertion)).status, 'succeeded');
  const charged = server.mock.state.charges.length;

  // Reused challenge: the same challenge and assertion for another order.
  const reused = await payByFingerprint(alicePayment(), challengeId, assertion);
  assert.deepEqual([reused.status, reused.code], ['failed', 'CHALLENGE_USED']);

  // Replayed assertion: the old assertion under a fresh challenge.
  const next = alicePayment();
  const fresh = await fingerprintOptions(next);
  const replayed = await payByFingerprint(next, fresh.challengeId, assertion);
  assert.deepEqual([replayed.status, replayed.code], ['failed', 'FINGERPRINT_NOT_VERIFIED']);

  // Wrong origin: an assertion made on another site, and options asked for from there.
  const third = alicePayment();
  const forThird = await fingerprintOptions(third);
  const evil = authenticator.get(forThird.options as { challenge: string }, { origin: 'https://evil.example' });
  const wrongOrigin = await payByFingerprint(third, forThird.challengeId, evil);
  assert.deepEqual([wrongOrigin.status, wrongOrigin.code], ['failed', 'ORIGIN_NOT_ALLOWED']);
  const evilClient = client(server.baseUrl, { Origin: 'https://evil.example' });
  const refused = await evilClient.post('/webauthn/authentication/options', { accountId: 'acct-alice', orderId: third.orderId, amount: third.amount });
  assert.equal(refused.status, 403);
  counts.runs += 1;
  counts.faults += 4;

  assert.equal(server.mock.state.charges.length, charged, 'no refused attempt charged anything');
});
