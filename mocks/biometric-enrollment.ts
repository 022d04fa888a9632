// Biometric records of the mock (S231/S241): enrolments per account, enrollment tokens, single-use payment challenges.
import { paymentAmountSchema, idSchema } from '../src/core/payment-data';
import { obj, type Schema, SchemaError, str } from '../src/core/schema';
import type { BiometricChallengeRequest, BiometricEnrollmentRequest } from '../src/core/service-interfaces';
import type { Money, PaymentData } from '../src/core/types';
import { ApiError, badRequest } from './errors';
import type { AuthFailure } from './pay';
import { randomToken } from './password-crypto';
import type { EnrollmentToken, MockStore } from './state';

export type BiometricMethod = 'fingerprint' | 'face';

export const CHALLENGE_TTL_MS = 2 * 60_000;
export const REGISTRATION_TTL_MS = 5 * 60_000;
export const MAX_BIOMETRIC_FAILURES = 5;
export const BIOMETRIC_LOCK_MS = 30 * 60_000;

/** A WebAuthn credential as the server keeps it: id, COSE public key, signature counter, transports. */
export interface StoredCredential {
  id: string;
  publicKey: Uint8Array<ArrayBuffer>;
  counter: number;
  transports?: string[];
}

/** What the face check compares against: the perceptual hash of the enrolled face. */
export interface FaceTemplate {
  hash: Uint8Array;
  enrolledAt: number;
}

export interface PendingRegistration {
  accountId: string;
  challenge: string;
  expiresAt: number;
  /** The Origin header of the options request; the browser's clientData must name the same origin. */
  requestOrigin?: string;
}

/** A payment challenge: single use, bound to one account, order and amount. */
export interface PaymentChallenge {
  challengeId: string;
  method: BiometricMethod;
  accountId: string;
  orderId: string;
  amount: Money;
  expiresAt: number;
  used: boolean;
  /** WebAuthn only: the base64url challenge the assertion must sign. */
  webauthnChallenge?: string;
  requestOrigin?: string;
}

interface FailureCount {
  failures: number;
  lockedUntil?: number;
  /** Matches reserved and being verified right now (fingerprint verification awaits). */
  pending: number;
}

export class BiometricState {
  credentials = new Map<string, StoredCredential[]>();
  faces = new Map<string, FaceTemplate>();
  /** Keyed by enrollment token: the registration ceremony in progress for it. */
  registrations = new Map<string, PendingRegistration>();
  challenges = new Map<string, PaymentChallenge>();
  failures = new Map<string, FailureCount>();

  reset(): void {
    this.credentials = new Map();
    this.faces = new Map();
    this.registrations = new Map();
    this.challenges = new Map();
    this.failures = new Map();
  }

  pruneExpired(now: number): void {
    for (const [id, challenge] of this.challenges) if (challenge.expiresAt <= now) this.challenges.delete(id);
    for (const [token, pending] of this.registrations) if (pending.expiresAt <= now) this.registrations.delete(token);
  }
}

// One BiometricState per mock server, found from the store that the pay authenticators receive.
const states = new WeakMap<MockStore, BiometricState>();

export function biometricsOf(store: MockStore): BiometricState {
  let state = states.get(store);
  if (!state) {
    state = new BiometricState();
    states.set(store, state);
  }
  return state;
}

function parseWith<T>(schema: Schema<T>, body: unknown): T {
  try {
    return schema(body, '');
  } catch (error) {
    if (error instanceof SchemaError) throw badRequest(error.message, error.field);
    throw error;
  }
}

const TOKEN = str(512, /^[A-Za-z0-9_-]+$/);

export const parseEnrollmentRequest = (body: unknown): BiometricEnrollmentRequest =>
  parseWith(obj({ accountId: idSchema, enrollmentToken: TOKEN }), body);

export const parseChallengeRequest = (body: unknown): BiometricChallengeRequest =>
  parseWith(obj({ accountId: idSchema, orderId: idSchema, amount: paymentAmountSchema }), body);

/** Enrolment of `method` needs a live enrollment token of this account not yet spent on that method; throws the refusal. */
export function checkEnrollmentToken(store: MockStore, request: BiometricEnrollmentRequest, method: BiometricMethod): EnrollmentToken {
  store.pruneExpired();
  const record = store.enrollmentTokens.get(request.enrollmentToken);
  if (!record || record.accountId !== request.accountId || record.expiresAt <= store.now()) {
    throw new ApiError(403, 'ENROLLMENT_NOT_ALLOWED', 'Enrolment needs a payment password verified in this session', 'enrollmentToken');
  }
  if (record.usedFor.includes(method)) {
    throw new ApiError(409, 'ENROLLMENT_TOKEN_USED', `This enrollment token has already enrolled ${method}; pay with the password again to enrol`, 'enrollmentToken');
  }
  return record;
}

/** Spends the token for `method`: call it synchronously with the check, before any await, so two requests cannot both enrol. */
export function takeEnrollmentToken(store: MockStore, request: BiometricEnrollmentRequest, method: BiometricMethod): void {
  checkEnrollmentToken(store, request, method).usedFor.push(method);
}

export function issueChallenge(
  store: MockStore,
  method: BiometricMethod,
  request: BiometricChallengeRequest,
  webauthn: Pick<PaymentChallenge, 'webauthnChallenge' | 'requestOrigin'> = {},
): PaymentChallenge {
  const state = biometricsOf(store);
  state.pruneExpired(store.now());
  const challenge: PaymentChallenge = {
    challengeId: `${method}_${randomToken(18)}`,
    method,
    ...request,
    expiresAt: store.now() + CHALLENGE_TTL_MS,
    used: false,
    ...webauthn,
  };
  state.challenges.set(challenge.challengeId, challenge);
  return challenge;
}

const fail = (code: string, message: string, extra: Partial<AuthFailure> = {}): AuthFailure => ({ ok: false, code, message, ...extra });

/** Takes the challenge for this payment (single use, even when the check after it fails). */
export function consumeChallenge(
  store: MockStore,
  method: BiometricMethod,
  challengeId: string,
  payment: PaymentData,
): { ok: true; challenge: PaymentChallenge } | AuthFailure {
  const challenge = biometricsOf(store).challenges.get(challengeId);
  if (!challenge || challenge.method !== method) return fail('CHALLENGE_UNKNOWN', 'The verification challenge is unknown; start again');
  if (challenge.used) return fail('CHALLENGE_USED', 'The verification challenge was already used; start again');
  challenge.used = true;
  if (challenge.expiresAt <= store.now()) return fail('CHALLENGE_EXPIRED', 'The verification challenge expired; start again');
  const bound =
    challenge.accountId === payment.accountId &&
    challenge.orderId === payment.orderId &&
    challenge.amount.amount === payment.amount.amount &&
    challenge.amount.currency === payment.amount.currency;
  if (!bound) return fail('CHALLENGE_MISMATCH', 'The verification challenge was issued for another payment');
  return { ok: true, challenge };
}

const failureKey = (method: BiometricMethod, accountId: string) => `${method}:${accountId}`;

/** Too many failed matches lock the method for a while, so a person falls back to the password. */
export function lockedOut(store: MockStore, method: BiometricMethod, accountId: string): AuthFailure | undefined {
  const record = biometricsOf(store).failures.get(failureKey(method, accountId));
  if (record?.lockedUntil === undefined) return undefined;
  if (record.lockedUntil > store.now()) {
    return fail('BIOMETRIC_LOCKED', `Too many failed ${method} checks; use the payment password`, {
      unlocksAt: new Date(record.lockedUntil).toISOString(),
    });
  }
  // The lock is over: a new window starts (attempts still in flight stay counted).
  record.failures = 0;
  delete record.lockedUntil;
  return undefined;
}

/**
 * Reserves one match attempt synchronously, before an await: settled failures plus attempts in flight never exceed
 * MAX_BIOMETRIC_FAILURES, so concurrent requests cannot have more mismatches evaluated than the lock allows.
 */
export function reserveMatch(store: MockStore, method: BiometricMethod, accountId: string): AuthFailure | undefined {
  const failures = biometricsOf(store).failures;
  const key = failureKey(method, accountId);
  const record = failures.get(key) ?? { failures: 0, pending: 0 };
  if (record.failures + record.pending >= MAX_BIOMETRIC_FAILURES) {
    return fail('BIOMETRIC_TRY_LATER', `Too many ${method} checks are under way; try again in a moment`);
  }
  record.pending += 1;
  failures.set(key, record);
  return undefined;
}

/** Settles a match; `reserved` when reserveMatch was called for it. A match never lifts a lock set meanwhile. */
export function recordMatch(store: MockStore, method: BiometricMethod, accountId: string, matched: boolean, reserved = false): void {
  const failures = biometricsOf(store).failures;
  const key = failureKey(method, accountId);
  const record = failures.get(key) ?? { failures: 0, pending: 0 };
  if (reserved) record.pending = Math.max(0, record.pending - 1);
  const locked = record.lockedUntil !== undefined && record.lockedUntil > store.now();
  if (matched) {
    if (!locked) record.failures = 0;
  } else if (!locked) {
    record.failures += 1;
    if (record.failures >= MAX_BIOMETRIC_FAILURES) record.lockedUntil = store.now() + BIOMETRIC_LOCK_MS;
  }
  if (record.failures === 0 && record.pending === 0 && !locked) failures.delete(key);
  else failures.set(key, record);
}
