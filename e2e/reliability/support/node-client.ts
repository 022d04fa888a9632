// The browser's side of a payment, from node: pre-order, password challenge + encryption, pay (server-level tests).
import type { PasswordChallenge, PaymentResult, PayRequest, PreorderResponse } from '../../../src/core/service-interfaces';
import type { PaymentData } from '../../../src/core/types';
import { encryptPassword } from '../../../mocks/test-helpers';

export const ALICE_CARD = '6222020000000000018';
export const ALICE_PASSWORD = '123456';

let orderSeq = 0;
export function alicePayment(overrides: Partial<PaymentData> = {}): PaymentData {
  orderSeq += 1;
  return {
    orderId: `rel-${process.pid}-${Date.now().toString(36)}-${orderSeq}`,
    accountId: 'acct-alice',
    amount: { amount: 10_000, currency: 'CNY' },
    payerAccount: ALICE_CARD,
    payeeAccount: 'merchant-001',
    ...overrides,
  };
}

export interface Client {
  baseUrl: string;
  post(path: string, body: unknown, headers?: Record<string, string>): Promise<Response>;
  get(path: string): Promise<Response>;
}

export function client(baseUrl: string, headers: Record<string, string> = {}): Client {
  return {
    baseUrl,
    post: (path, body, extra = {}) =>
      fetch(`${baseUrl}${path}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', ...headers, ...extra },
        body: typeof body === 'string' ? body : JSON.stringify(body),
      }),
    get: (path) => fetch(`${baseUrl}${path}`, { headers }),
  };
}

async function json<T>(response: Response, what: string): Promise<T> {
  if (!response.ok) throw new Error(`${what}: HTTP ${response.status} ${await response.text()}`);
  return (await response.json()) as T;
}

export async function preorder(api: Client, payment: PaymentData): Promise<string> {
  return (await json<PreorderResponse>(await api.post('/preorder', { payment }), 'POST /preorder')).preorderId;
}

/** A challenge bound to this payment (POST), then the password sealed under it. */
export async function passwordAuthentication(api: Client, payment: PaymentData, password: string) {
  const { accountId, orderId, amount, payeeAccount } = payment;
  const challenge = await json<PasswordChallenge>(await api.post('/password/challenge', { accountId, orderId, amount, payeeAccount }), 'challenge');
  return { method: 'password' as const, encryptedPassword: await encryptPassword(challenge, password) };
}

/** A complete, valid PayRequest: a fresh pre-order and a freshly encrypted password. */
export async function payRequest(api: Client, payment: PaymentData, password = ALICE_PASSWORD): Promise<PayRequest> {
  return { preorderId: await preorder(api, payment), payment, authentication: await passwordAuthentication(api, payment, password) };
}

export async function pay(api: Client, body: unknown, key: string): Promise<{ status: number; result: PaymentResult | { code: string; message: string } }> {
  const response = await api.post('/pay', body, { 'Idempotency-Key': key });
  return { status: response.status, result: (await response.json()) as PaymentResult };
}

/** Pays with a verified password; its result carries the enrollment token biometric enrolment needs. */
export async function enrollmentToken(api: Client): Promise<string> {
  const payment = alicePayment({ amount: { amount: 100, currency: 'CNY' } });
  const { result } = await pay(api, await payRequest(api, payment), `key-${crypto.randomUUID()}`);
  const token = (result as PaymentResult).enrollmentToken;
  if (!token) throw new Error(`No enrollment token: ${JSON.stringify(result)}`);
  return token;
}
