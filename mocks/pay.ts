// Payment interface (S3-S4): re-verify, pre-order, authenticate, check the balance, charge once.
import { Router } from 'express';
import type { Authentication, PaymentResult, PayRequest } from '../src/core/service-interfaces';
import type { Method, PaymentData } from '../src/core/types';
import { authenticateFingerprint } from './webauthn';
import { bodyFingerprint, idempotencyKeyOf, runOnce } from './idempotency';
import { authenticateFace } from './face';
import { authenticatePassword } from './password';
import { randomToken } from './password-crypto';
import { failedChecks } from './preverify';
import { preorderProblem } from './preorder';
import { scenarioGate } from './scenario';
import type { MockStore, StoredResponse } from './state';
import { parsePayRequest, requireValid } from './validation';

export const ENROLLMENT_TOKEN_TTL_MS = 10 * 60_000;

export interface AuthFailure {
  ok: false;
  code: string;
  message: string;
  attemptsLeft?: number;
  unlocksAt?: string;
}
/** `verifiedPassword`: the person proved the payment password, so an enrollment token may be issued. */
export type AuthOutcome = { ok: true; verifiedPassword: boolean } | AuthFailure;
export type Authenticator = (store: MockStore, payment: PaymentData, authentication: Authentication) => Promise<AuthOutcome>;

/** The seam for authentication methods: fingerprint (WebAuthn) and face plug in here. */
export const authenticators: Record<Method, Authenticator> = {
  password: authenticatePassword,
  fingerprint: authenticateFingerprint,
  face: authenticateFace,
};

type Outcome = Pick<PaymentResult, 'status' | 'message'> & Partial<PaymentResult>;

function resultOf(payment: PaymentData, method: Method, outcome: Outcome, at: string): PaymentResult {
  return { orderId: payment.orderId, amount: payment.amount, method, ...outcome, at };
}

function failure(code: string, message: string, extra: Partial<PaymentResult> = {}): Outcome {
  return { status: 'failed', code, message, ...extra };
}

const PREORDER_MESSAGES: Record<string, string> = {
  PREORDER_NOT_FOUND: 'The pre-order was not found',
  PREORDER_EXPIRED: 'The pre-order expired; place the order again',
  PREORDER_MISMATCH: 'The payment does not match its pre-order',
};

const isPaid = (store: MockStore, orderId: string) => store.orderResults.get(orderId)?.status === 'succeeded';
const alreadyPaid = () => failure('ORDER_ALREADY_PAID', 'This order has already been paid');

/** Everything that can stop a payment before money moves, in order; else whether a password was verified. */
async function stopBeforeCharge(
  store: MockStore,
  request: PayRequest,
): Promise<{ stop: Outcome } | { verifiedPassword: boolean }> {
  const { payment, authentication, preorderId } = request;
  const failed = failedChecks(store, payment);
  if (failed.length > 0) {
    return { stop: failure('VERIFICATION_FAILED', `Pre-verification failed: ${failed.join(', ')}`) };
  }
  const preorder = preorderProblem(store, preorderId, payment);
  if (preorder) return { stop: failure(preorder, PREORDER_MESSAGES[preorder] ?? 'The pre-order is not valid') };
  if (isPaid(store, payment.orderId)) return { stop: alreadyPaid() };
  const auth = await authenticators[authentication.method](store, payment, authentication);
  if (!auth.ok) {
    const { code, message, attemptsLeft, unlocksAt } = auth;
    return { stop: failure(code, message, { attemptsLeft, unlocksAt }) };
  }
  return { verifiedPassword: auth.verifiedPassword };
}

/** One payment attempt; everything after the authentication await runs in one tick, so no charge races. */
export async function processPayment(store: MockStore, request: PayRequest): Promise<StoredResponse> {
  const { payment, authentication } = request;
  const method = authentication.method;
  const checked = await stopBeforeCharge(store, request);
  const at = store.nowIso();
  let outcome: Outcome;
  const account = store.accounts.get(payment.accountId);
  if ('stop' in checked) outcome = checked.stop;
  else if (isPaid(store, payment.orderId)) outcome = alreadyPaid();
  else if (!account || account.balance.amount < payment.amount.amount) {
    outcome = failure('INSUFFICIENT_FUNDS', 'The account balance is not enough for this payment');
  } else {
    account.balance = { ...account.balance, amount: account.balance.amount - payment.amount.amount };
    const paymentId = `pay_${randomToken(12)}`;
    store.charges.push({ paymentId, orderId: payment.orderId, accountId: payment.accountId, amount: payment.amount, at });
    store.preorders.delete(request.preorderId);
    outcome = { status: 'succeeded', paymentId, message: 'Payment successful' };
    if (checked.verifiedPassword) {
      const enrollmentToken = randomToken(24);
      store.enrollmentTokens.set(enrollmentToken, {
        accountId: payment.accountId,
        expiresAt: store.now() + ENROLLMENT_TOKEN_TTL_MS,
      });
      outcome.enrollmentToken = enrollmentToken;
    }
  }
  const result = resultOf(payment, method, outcome, at);
  // The order's record is read by order id alone (message push, status query): the enrollment token stays out of it.
  const { enrollmentToken: _token, ...settled } = result;
  store.settleOrder(settled);
  return { status: 200, body: JSON.stringify(result), result };
}

export function payRoutes(store: MockStore): Router {
  const router = Router();
  router.post('/pay', scenarioGate(store, 'pay'), async (req, res) => {
    const key = idempotencyKeyOf(req);
    const request = requireValid(parsePayRequest(req.body));
    const fingerprint = bodyFingerprint(req.body);
    const stored = await runOnce(store, key, fingerprint, request.payment.orderId, () => processPayment(store, request));
    if (res.locals.dropResponse) {
      // drop-pay-response: the payment is taken, the answer never arrives.
      req.socket.destroy();
      return;
    }
    res.status(stored.status).type('application/json').send(stored.body);
  });
  return router;
}
