// Password interface: RSA-OAEP challenge with a single-use nonce bound to one payment, and the password authenticator.
import { Router } from 'express';
import type { Authentication, PasswordChallenge } from '../src/core/service-interfaces';
import type { PaymentData } from '../src/core/types';
import { ApiError } from './errors';
import type { AuthFailure, AuthOutcome } from './pay';
import { decryptCiphertext, randomToken, serverKeyPair, verifyPassword } from './password-crypto';
import { clientKeys, takeRateLimit } from './rate-limit';
import { scenarioGate } from './scenario';
import type { MockStore, NonceRecord, PasswordLock } from './state';
import { parsePasswordChallengeRequest, requireValid } from './validation';

export const NONCE_TTL_MS = 5 * 60_000;
export const LOCK_MS = 30 * 60_000;
export const MAX_WRONG_PASSWORDS = 5;

const CHALLENGE_FORM = 'POST /password/challenge with a JSON body {accountId, orderId, amount: {amount, currency}, payeeAccount}';

export function passwordRoutes(store: MockStore): Router {
  const router = Router();
  router.get('/password/challenge', () => {
    throw new ApiError(405, 'METHOD_NOT_ALLOWED', `A password challenge is bound to one payment: use ${CHALLENGE_FORM}`).withHeaders({
      Allow: 'POST',
    });
  });
  router.post('/password/challenge', scenarioGate(store, 'password'), (req, res) => {
    const { accountId, orderId, amount, payeeAccount } = requireValid(parsePasswordChallengeRequest(req.body));
    store.pruneExpired();
    const { perAccount, perClient } = store.config.challengeRateLimit;
    takeRateLimit(store, 'password challenge', [
      { key: `account:${accountId}`, limit: perAccount, what: 'account' },
      ...clientKeys(req).map((key) => ({ key, limit: perClient, what: 'client' })),
    ]);
    const { keyId, publicKeyJwk } = serverKeyPair();
    const nonce = randomToken(16);
    const expiresAt = store.now() + NONCE_TTL_MS;
    // Issued for unknown accounts too, so the challenge does not reveal which accounts exist.
    store.nonces.set(nonce, { accountId, orderId, amount, payeeAccount, expiresAt, used: false });
    const challenge: PasswordChallenge = { keyId, publicKeyJwk, nonce, expiresAt: new Date(expiresAt).toISOString() };
    res.json(challenge);
  });
  return router;
}

const fail = (code: string, message: string, extra: Pick<AuthFailure, 'attemptsLeft' | 'unlocksAt'> = {}): AuthFailure => ({
  ok: false,
  code,
  message,
  ...extra,
});

/** The inner plaintext: UTF-8 JSON {"password","nonce"}; anything else counts as undecryptable. */
function readPlaintext(ciphertext: string): { password: string; nonce: string } | undefined {
  const bytes = decryptCiphertext(ciphertext);
  if (!bytes) return undefined;
  try {
    const inner = JSON.parse(bytes.toString('utf8')) as unknown;
    if (typeof inner !== 'object' || inner === null) return undefined;
    const { password, nonce } = inner as Record<string, unknown>;
    if (typeof password !== 'string' || typeof nonce !== 'string' || password.length === 0 || password.length > 64) {
      return undefined;
    }
    return { password, nonce };
  } catch {
    return undefined;
  }
}

const boundTo = (record: NonceRecord, payment: PaymentData) =>
  record.orderId === payment.orderId &&
  record.amount.amount === payment.amount.amount &&
  record.amount.currency === payment.amount.currency &&
  record.payeeAccount === payment.payeeAccount;

/** Takes the nonce for this attempt (single use, even when it then fails); the reason it cannot be used, or undefined. */
function consumeNonce(store: MockStore, nonce: string, payment: PaymentData): AuthFailure | undefined {
  const record = store.nonces.get(nonce);
  if (!record || record.accountId !== payment.accountId) {
    return fail('NONCE_UNKNOWN', 'The password challenge is unknown; request a new one');
  }
  if (record.used) return fail('NONCE_REUSED', 'The password challenge was already used; request a new one');
  record.used = true;
  if (record.expiresAt <= store.now()) return fail('NONCE_EXPIRED', 'The password challenge expired; request a new one');
  if (!boundTo(record, payment)) {
    return fail('CHALLENGE_MISMATCH', 'The password was sealed for another order, amount or payee; request a new challenge');
  }
  return undefined;
}

function lockedOutcome(lockedUntil: number): AuthFailure {
  return fail('PASSWORD_LOCKED', 'Too many wrong payment passwords; the password is locked', {
    attemptsLeft: 0,
    unlocksAt: new Date(lockedUntil).toISOString(),
  });
}

/** The account's counter, kept as one object while attempts are in flight; an expired lock starts a new window. */
function lockOf(store: MockStore, accountId: string): PasswordLock {
  const lock = store.passwordLocks.get(accountId) ?? { failures: 0, pending: 0 };
  if (lock.lockedUntil !== undefined && lock.lockedUntil <= store.now()) {
    lock.failures = 0;
    delete lock.lockedUntil;
  }
  store.passwordLocks.set(accountId, lock);
  return lock;
}

/** Drops a counter that holds nothing, so a right password (or a refused request) leaves no record behind. */
function tidy(store: MockStore, accountId: string, lock: PasswordLock): void {
  if (lock.failures === 0 && lock.pending === 0 && lock.lockedUntil === undefined && store.passwordLocks.get(accountId) === lock) {
    store.passwordLocks.delete(accountId);
  }
}

function tidied(store: MockStore, accountId: string, lock: PasswordLock, outcome: AuthFailure): AuthFailure {
  tidy(store, accountId, lock);
  return outcome;
}

/**
 * S3 password authentication: decrypt, check the nonce and its binding, compare with the scrypt hash, count wrong ones.
 * The attempt is reserved synchronously before the hash comparison awaits, and settled after it: however many requests
 * race, at most MAX_WRONG_PASSWORDS wrong guesses are evaluated per lock window, and a success never lifts a lock.
 */
export async function authenticatePassword(
  store: MockStore,
  payment: PaymentData,
  authentication: Authentication,
): Promise<AuthOutcome> {
  if (authentication.method !== 'password') return fail('METHOD_MISMATCH', 'Expected password authentication');
  const { accountId } = payment;
  const lock = lockOf(store, accountId);
  if (lock.lockedUntil !== undefined) return lockedOutcome(lock.lockedUntil);
  const { keyId, nonce, ciphertext } = authentication.encryptedPassword;
  if (keyId !== serverKeyPair().keyId) return tidied(store, accountId, lock, fail('KEY_UNKNOWN', 'The password was encrypted for an unknown key'));
  const nonceProblem = consumeNonce(store, nonce, payment);
  if (nonceProblem) return tidied(store, accountId, lock, nonceProblem);
  const plaintext = readPlaintext(ciphertext);
  if (!plaintext) return tidied(store, accountId, lock, fail('DECRYPTION_FAILED', 'The encrypted password could not be read'));
  if (plaintext.nonce !== nonce) {
    return tidied(store, accountId, lock, fail('NONCE_MISMATCH', 'The encrypted password belongs to another challenge'));
  }
  const account = store.accounts.get(accountId);
  if (!account) return tidied(store, accountId, lock, fail('ACCOUNT_NOT_FOUND', 'The account is not known'));
  // Reserve the attempt: the budget counts both settled failures and attempts still being verified.
  if (lock.failures + lock.pending >= MAX_WRONG_PASSWORDS) {
    return fail('PASSWORD_TRY_LATER', 'Too many payment password attempts are being checked; try again in a moment');
  }
  lock.pending += 1;
  let right: boolean;
  try {
    right = await verifyPassword(plaintext.password, account.passwordHash);
  } finally {
    lock.pending -= 1;
  }
  // A lock set while this attempt was being verified stands, whatever this attempt shows.
  if (lock.lockedUntil !== undefined && lock.lockedUntil > store.now()) return lockedOutcome(lock.lockedUntil);
  if (right) {
    lock.failures = 0;
    tidy(store, accountId, lock);
    return { ok: true, verifiedPassword: true };
  }
  lock.failures += 1;
  if (lock.failures >= MAX_WRONG_PASSWORDS) {
    lock.lockedUntil = store.now() + LOCK_MS;
    return lockedOutcome(lock.lockedUntil);
  }
  const attemptsLeft = MAX_WRONG_PASSWORDS - lock.failures;
  return fail('WRONG_PASSWORD', `Wrong payment password; ${attemptsLeft} attempts left`, { attemptsLeft });
}
