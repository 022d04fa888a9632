// Password interface: RSA-OAEP challenge with a single-use nonce, and the password authenticator for /pay.
import { Router } from 'express';
import type { Authentication, PasswordChallenge } from '../src/core/service-interfaces';
import type { PaymentData } from '../src/core/types';
import { badRequest } from './errors';
import type { AuthFailure, AuthOutcome } from './pay';
import { decryptCiphertext, randomToken, serverKeyPair, verifyPassword } from './password-crypto';
import { scenarioGate } from './scenario';
import type { MockStore } from './state';

export const NONCE_TTL_MS = 5 * 60_000;
export const LOCK_MS = 30 * 60_000;
export const MAX_WRONG_PASSWORDS = 5;

const ACCOUNT_ID = /^[A-Za-z0-9_.:-]{1,64}$/;

export function passwordRoutes(store: MockStore): Router {
  const router = Router();
  router.get('/password/challenge', scenarioGate(store, 'password'), (req, res) => {
    const accountId = req.query.accountId;
    if (typeof accountId !== 'string' || !ACCOUNT_ID.test(accountId)) {
      throw badRequest('accountId is required: 1-64 characters of [A-Za-z0-9_.:-]', 'accountId');
    }
    store.pruneExpired();
    const { keyId, publicKeyJwk } = serverKeyPair();
    const nonce = randomToken(16);
    const expiresAt = store.now() + NONCE_TTL_MS;
    // Issued for unknown accounts too, so the challenge does not reveal which accounts exist.
    store.nonces.set(nonce, { accountId, expiresAt, used: false });
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

/** Takes the nonce for this attempt (single use); the reason it cannot be used, or undefined. */
function consumeNonce(store: MockStore, nonce: string, accountId: string): AuthFailure | undefined {
  const record = store.nonces.get(nonce);
  if (!record || record.accountId !== accountId) {
    return fail('NONCE_UNKNOWN', 'The password challenge is unknown; request a new one');
  }
  if (record.used) return fail('NONCE_REUSED', 'The password challenge was already used; request a new one');
  record.used = true;
  if (record.expiresAt <= store.now()) return fail('NONCE_EXPIRED', 'The password challenge expired; request a new one');
  return undefined;
}

function lockedOutcome(lockedUntil: number): AuthFailure {
  return fail('PASSWORD_LOCKED', 'Too many wrong payment passwords; the password is locked', {
    attemptsLeft: 0,
    unlocksAt: new Date(lockedUntil).toISOString(),
  });
}

/** S3 password authentication: decrypt, check the nonce, compare with the scrypt hash, count wrong ones. */
export async function authenticatePassword(
  store: MockStore,
  payment: PaymentData,
  authentication: Authentication,
): Promise<AuthOutcome> {
  if (authentication.method !== 'password') return fail('METHOD_MISMATCH', 'Expected password authentication');
  const { accountId } = payment;
  const lock = store.passwordLocks.get(accountId);
  if (lock?.lockedUntil !== undefined) {
    if (lock.lockedUntil > store.now()) return lockedOutcome(lock.lockedUntil);
    store.passwordLocks.delete(accountId);
  }
  const { keyId, nonce, ciphertext } = authentication.encryptedPassword;
  if (keyId !== serverKeyPair().keyId) return fail('KEY_UNKNOWN', 'The password was encrypted for an unknown key');
  const nonceProblem = consumeNonce(store, nonce, accountId);
  if (nonceProblem) return nonceProblem;
  const plaintext = readPlaintext(ciphertext);
  if (!plaintext) return fail('DECRYPTION_FAILED', 'The encrypted password could not be read');
  if (plaintext.nonce !== nonce) return fail('NONCE_MISMATCH', 'The encrypted password belongs to another challenge');
  const account = store.accounts.get(accountId);
  if (!account) return fail('ACCOUNT_NOT_FOUND', 'The account is not known');
  if (await verifyPassword(plaintext.password, account.passwordHash)) {
    store.passwordLocks.delete(accountId);
    return { ok: true, verifiedPassword: true };
  }
  const failures = (store.passwordLocks.get(accountId)?.failures ?? 0) + 1;
  if (failures >= MAX_WRONG_PASSWORDS) {
    const lockedUntil = store.now() + LOCK_MS;
    store.passwordLocks.set(accountId, { failures, lockedUntil });
    return lockedOutcome(lockedUntil);
  }
  store.passwordLocks.set(accountId, { failures });
  const attemptsLeft = MAX_WRONG_PASSWORDS - failures;
  return fail('WRONG_PASSWORD', `Wrong payment password; ${attemptsLeft} attempts left`, { attemptsLeft });
}
