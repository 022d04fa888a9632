import type { PasswordChallenge, PayRequest } from '../src/core/service-interfaces';
import type { PaymentData } from '../src/core/types';
import {
  alicePayment,
  challengeFor,
  encryptPassword,
  newKey,
  passwordAuthentication,
  payResult,
  preorderFor,
  type TestServer,
  setupTestServer,
} from './test-helpers';

let server: TestServer;
let clock = Date.parse('2025-03-01T08:00:00.000Z');
setupTestServer((started) => {
  server = started;
}, { now: () => clock });
beforeEach(() => {
  clock = Date.parse('2025-03-01T08:00:00.000Z');
});

async function attempt(payment: PaymentData, preorderId: string, password: string) {
  const authentication = await passwordAuthentication(server, payment.accountId, password);
  return payResult(server, { preorderId, payment, authentication }, newKey());
}

describe('GET /password/challenge', () => {
  it('gives an RSA-OAEP-256 encryption key and a single-use nonce that expires in 5 minutes', async () => {
    const challenge = await challengeFor(server, 'acct-alice');
    expect(challenge.publicKeyJwk).toMatchObject({ kty: 'RSA', alg: 'RSA-OAEP-256', use: 'enc', key_ops: ['encrypt'] });
    expect(challenge.publicKeyJwk).not.toHaveProperty('d');
    expect(challenge.keyId).toEqual(expect.any(String));
    expect(Date.parse(challenge.expiresAt) - clock).toBe(5 * 60_000);
    expect((await challengeFor(server, 'acct-alice')).nonce).not.toBe(challenge.nonce);
  });

  it('requires a well-formed accountId', async () => {
    for (const query of ['', '?accountId=', '?accountId=a%20b', '?accountId=a&accountId=b']) {
      const res = await server.get(`/password/challenge${query}`);
      expect(res.status).toBe(400);
      expect(await res.json()).toMatchObject({ code: 'INVALID_REQUEST', field: 'accountId' });
    }
  });

  it('keeps only scrypt hashes of the fixture passwords', () => {
    for (const account of server.mock.state.accounts.values()) {
      expect(account.passwordHash).toMatch(/^scrypt\$/);
      expect(account.passwordHash).not.toContain('123456');
    }
  });
});

describe('password authentication in POST /pay', () => {
  it('counts down 4, 3, 2, 1 attempts, then locks for 30 minutes, then unlocks', async () => {
    const payment = alicePayment();
    const preorderId = await preorderFor(server, payment);
    const left: (number | undefined)[] = [];
    for (let i = 0; i < 4; i++) {
      const result = await attempt(payment, preorderId, '000000');
      expect(result).toMatchObject({ status: 'failed', code: 'WRONG_PASSWORD' });
      left.push(result.attemptsLeft);
    }
    expect(left).toEqual([4, 3, 2, 1]);
    const locked = await attempt(payment, preorderId, '000000');
    expect(locked).toMatchObject({ status: 'failed', code: 'PASSWORD_LOCKED', attemptsLeft: 0 });
    expect(Date.parse(locked.unlocksAt as string) - clock).toBe(30 * 60_000);
    // The right password does not help while the lock holds.
    expect(await attempt(payment, preorderId, '123456')).toMatchObject({ code: 'PASSWORD_LOCKED' });
    clock += 30 * 60_000 + 1;
    const later = alicePayment();
    expect(await attempt(later, await preorderFor(server, later), '123456')).toMatchObject({ status: 'succeeded' });
  });

  it('resets the wrong-password counter after a right password', async () => {
    const payment = alicePayment();
    const preorderId = await preorderFor(server, payment);
    await attempt(payment, preorderId, '000000');
    await attempt(payment, preorderId, '000000');
    expect(await attempt(payment, preorderId, '123456')).toMatchObject({ status: 'succeeded' });
    const next = alicePayment();
    expect(await attempt(next, await preorderFor(server, next), '999999')).toMatchObject({ attemptsLeft: 4 });
  });

  it('rejects a replayed encrypted password (NONCE_REUSED) without counting it as wrong', async () => {
    const payment = alicePayment();
    const request: PayRequest = {
      preorderId: await preorderFor(server, payment),
      payment,
      authentication: await passwordAuthentication(server, 'acct-alice', '000000'),
    };
    expect(await payResult(server, request, newKey())).toMatchObject({ code: 'WRONG_PASSWORD', attemptsLeft: 4 });
    expect(await payResult(server, request, newKey())).toMatchObject({ status: 'failed', code: 'NONCE_REUSED' });
    expect(await attempt(payment, request.preorderId, '000000')).toMatchObject({ attemptsLeft: 3 });
  });

  it('fails closed on a wrong inner nonce, an expired, foreign or unknown challenge and bad ciphertext', async () => {
    const payment = alicePayment();
    const preorderId = await preorderFor(server, payment);
    const tryWith = async (make: (challenge: PasswordChallenge) => Promise<PayRequest['authentication']>) => {
      const authentication = await make(await challengeFor(server, 'acct-alice'));
      return (await payResult(server, { preorderId, payment, authentication }, newKey())).code;
    };
    const sealed = async (challenge: PasswordChallenge, nonce?: string) => ({
      method: 'password' as const,
      encryptedPassword: await encryptPassword(challenge, '123456', nonce),
    });
    expect(await tryWith((c) => sealed(c, 'another-nonce'))).toBe('NONCE_MISMATCH');
    expect(
      await tryWith(async (c) => {
        clock += 5 * 60_000;
        return sealed(c);
      }),
    ).toBe('NONCE_EXPIRED');
    const bob = await challengeFor(server, 'acct-bob');
    expect(await tryWith(async () => sealed(bob))).toBe('NONCE_UNKNOWN');
    expect(await tryWith(async (c) => ({ method: 'password', encryptedPassword: { ...(await sealed(c)).encryptedPassword, keyId: 'rsa-old' } }))).toBe(
      'KEY_UNKNOWN',
    );
    expect(await tryWith(async (c) => ({ method: 'password', encryptedPassword: { keyId: c.keyId, nonce: c.nonce, ciphertext: 'AAAA' } }))).toBe(
      'DECRYPTION_FAILED',
    );
    expect(server.mock.state.passwordLocks.get('acct-alice')).toBeUndefined();
  });
});
