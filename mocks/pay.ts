// Payment interface (S3-S4): re-verify, pre-order, authenticate, check the balance, charge once.
import { Router } from 'express';
import type { ApiErrorBody, Authentication, PaymentResult, PayRequest } from '../src/core/service-interfaces';
import type { Method, PaymentData } from '../src/core/types';
import { authenticateFingerprint } from './webauthn';
import { bodyFingerprint, type Execution, idempotencyKeyOf, runOnce } from './idempotency';
import { authenticateFace } from './face';
import { authenticatePassword } from './password';
import { randomToken } from './password-crypto';
import { failedChecks } from './preverify';
import { preorderProblem } from './preorder';
import { later, type PayFault, scenarioGate } from './scenario';
import type { MockStore, StoredResponse } from './state';
import { parsePayRequest, requireValid } from './validation';

/** An enrollment token lives 5 minutes: long enough to enrol right after paying, no longer. */
export const ENROLLMENT_TOKEN_TTL_MS = 5 * 60_000;

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

/** 409, never a 200 failure: the money of this order was taken, by another attempt; the status query tells its result. */
function alreadyPaid(): Execution {
  const body: ApiErrorBody = {
    code: 'ORDER_ALREADY_PAID',
    message: 'This order has already been paid by another attempt; GET /payments/status?orderId= gives its result',
  };
  return { response: { status: 409, body: JSON.stringify(body) } };
}

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
  const auth = await authenticators[authentication.method](store, payment, authentication);
  if (!auth.ok) {
    const { code, message, attemptsLeft, unlocksAt } = auth;
    return { stop: failure(code, message, { attemptsLeft, unlocksAt }) };
  }
  return { verifiedPassword: auth.verifiedPassword };
}

const answer = (result: PaymentResult): StoredResponse => ({ status: 200, body: JSON.stringify(result), result });

/**
 * One payment attempt. "Already paid" comes first (a retry after a lost answer must not read PREORDER_NOT_FOUND) and
 * again after the authentication await; everything after that await runs in one tick, so no charge races.
 */
export async function processPayment(store: MockStore, request: PayRequest): Promise<Execution> {
  const { payment, authentication } = request;
  const method = authentication.method;
  if (isPaid(store, payment.orderId)) return alreadyPaid();
  const checked = await stopBeforeCharge(store, request);
  if (isPaid(store, payment.orderId)) return alreadyPaid();
  const at = store.nowIso();
  let outcome: Outcome;
  let enrollmentToken: string | undefined;
  const account = store.accounts.get(payment.accountId);
  if ('stop' in checked) outcome = checked.stop;
  else if (!account || account.balance.amount < payment.amount.amount) {
    outcome = failure('INSUFFICIENT_FUNDS', 'The account balance is not enough for this payment');
  } else {
    account.balance = { ...account.balance, amount: account.balance.amount - payment.amount.amount };
    const paymentId = `pay_${randomToken(12)}`;
    store.charges.push({ paymentId, orderId: payment.orderId, accountId: payment.accountId, amount: payment.amount, at });
    store.preorders.delete(request.preorderId);
    outcome = { status: 'succeeded', paymentId, message: 'Payment successful' };
    if (checked.verifiedPassword) enrollmentToken = issueEnrollmentToken(store, payment.accountId);
  }
  const result = resultOf(payment, method, outcome, at);
  store.settleOrder(result);
  // The stored answer (replays, status query, push) never holds the token: only this request's own answer does.
  return enrollmentToken === undefined ? { response: answer(result) } : { response: answer(result), enrollmentToken };
}

/** Single use (the first enrolment spends it) and short-lived: ENROLLMENT_TOKEN_TTL_MS. */
function issueEnrollmentToken(store: MockStore, accountId: string): string {
  const token = randomToken(24);
  store.enrollmentTokens.set(token, { accountId, expiresAt: store.now() + ENROLLMENT_TOKEN_TTL_MS, usedFor: [] });
  return token;
}

/** `processing` scenario: answers at once, authenticates and charges (or declines) after `delayMs`. */
function startProcessing(store: MockStore, key: string, request: PayRequest, delayMs: number): Promise<Execution> {
  const { payment, authentication } = request;
  const message = 'The payment is being processed; the result follows on the status query and on /events';
  const processing = resultOf(payment, authentication.method, { status: 'processing', message }, store.nowIso());
  const generation = store.generation;
  later(store, delayMs, () => {
    if (store.generation !== generation) return;
    processPayment(store, request)
      .then((settled) => {
        const record = store.idempotency.get(key);
        // The same key now replays the settled answer (still without any token).
        if (record && store.generation === generation) record.response = settled.response;
      })
      .catch((error: unknown) => console.error('[mock] a processing payment could not settle', error));
  });
  return Promise.resolve({ response: answer(processing) });
}

/** The body for this request: the stored answer, plus the enrollment token for the request that paid. */
function bodyFor(done: Execution): string {
  const { result } = done.response;
  return done.enrollmentToken && result ? JSON.stringify({ ...result, enrollmentToken: done.enrollmentToken }) : done.response.body;
}

const PROXY_ERROR_PAGE = '<!DOCTYPE html><html><head><title>Gateway</title></head><body><h1>Service temporarily unavailable</h1></body></html>';

export function payRoutes(store: MockStore): Router {
  const router = Router();
  router.post('/pay', scenarioGate(store, 'pay'), async (req, res) => {
    const key = idempotencyKeyOf(req);
    const request = requireValid(parsePayRequest(req.body));
    const fingerprint = bodyFingerprint(req.body);
    const fault = res.locals.payFault as PayFault | undefined;
    const work =
      fault?.name === 'processing'
        ? () => startProcessing(store, key, request, fault.delayMs)
        : () => processPayment(store, request);
    const done = await runOnce(store, key, fingerprint, request.payment.orderId, work);
    if (fault?.name === 'drop-pay-response') {
      // The payment is taken, the answer never arrives.
      req.socket.destroy();
      return;
    }
    if (fault?.name === 'malformed-pay-response') {
      // The payment is taken; a proxy in between answers with its own page.
      res.status(200).type('text/html').send(PROXY_ERROR_PAGE);
      return;
    }
    if (fault?.name === 'pay-error-after-charge') {
      const body: ApiErrorBody = { code: 'BAD_GATEWAY', message: 'Injected gateway error after the payment was processed' };
      res.status(502).json(body);
      return;
    }
    res.status(done.response.status).type('application/json').send(bodyFor(done));
  });
  return router;
}
