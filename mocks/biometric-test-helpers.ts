// Test support: the mock app with the biometric router and authenticators plugged in, as mocks/app.ts wires them.
import type { Authentication, BiometricChallengeRequest, PaymentResult } from '../src/core/service-interfaces';
import type { PaymentData } from '../src/core/types';
import type { MockServerOptions } from './app';
import { alicePayment, newKey, payRequest, preorderFor, startTestServer, type TestServer } from './test-helpers';

export const PAGE_ORIGIN = 'http://localhost:3001';

/** The app (which mounts the biometric router and authenticators itself), called from the page's origin. */
export function startBiometricServer(options: MockServerOptions = {}): Promise<TestServer> {
  return startTestServer(options, { headers: { Origin: PAGE_ORIGIN } });
}

/** Pays a small order with Alice's password, which hands out an enrollment token. */
export async function enrollmentTokenFor(server: TestServer): Promise<string> {
  const payment = alicePayment({ amount: { amount: 100, currency: 'CNY' } });
  const res = await server.post('/pay', await payRequest(server, payment, '123456'), { 'Idempotency-Key': newKey() });
  const result = (await res.json()) as PaymentResult;
  if (!result.enrollmentToken) throw new Error(`No enrollment token: ${JSON.stringify(result)}`);
  return result.enrollmentToken;
}

export const challengeRequestOf = (payment: PaymentData): BiometricChallengeRequest => ({
  accountId: payment.accountId,
  orderId: payment.orderId,
  amount: payment.amount,
});

/** Pays `payment` under a fresh pre-order (or the one given) with `authentication`. */
export async function payWith(
  server: TestServer,
  payment: PaymentData,
  authentication: Authentication,
  preorderId?: string,
): Promise<PaymentResult> {
  const request = { preorderId: preorderId ?? (await preorderFor(server, payment)), payment, authentication };
  const res = await server.post('/pay', request, { 'Idempotency-Key': newKey() });
  if (res.status !== 200) throw new Error(`pay answered ${res.status}: ${await res.text()}`);
  return (await res.json()) as PaymentResult;
}
