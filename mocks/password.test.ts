import type { PasswordChallenge, PaymentResult, PayRequest } from '../src/core/service-interfaces';
import type { PaymentData } from '../src/core/types';
import { MAX_WRONG_PASSWORDS } from './password';
import { verifyPassword } from './password-crypto';
import {
  alicePayment,
  challengeFor,
  challengeRequestFor,
  encryptPassword,
  newKey,
  pay,
  passwordAuthentication,
  payResult,
  preorderFor,
  startTestServer,
  type TestServer,
  setupTestServer,
} from './test-helpers';

// The real scrypt comparison, counted: how many guesses were evaluated is what the lockout limits.
jest.mock('./password-crypto', () => {
  const actual = jest.requireActual('./password-crypto');
  return { ...actual, verifyPassword: jest.fn(actual.verifyPassword) };
});
const compare = verifyPassword as jest.MockedFunction<typeof verifyPassword>;

let server: TestServer;
let clock = Date.parse('2025-03-01T08:00:00.000Z');
setupTestServer((started) => {
  server = started;
}, { now: () => clock });
beforeEach(() => {
  clock = Date.parse('2025-03-01T08:00:00.000Z');
});

async function attempt(payment: PaymentData, preorderId: string, password: string) {
  const authentication = await passwordAuthentication(server, payment, password);
  return payResult(server, { preorderId, payment, authentication }, newKey());
}

describe('POST /password/challenge', () => {
  it('gives an RSA-OAEP-256 encryption key and a single-use nonce that expires in 5 minutes', async () => {
    const payment = alicePayment();
    const challenge = await challengeFor(server, payment);
    expect(challenge.publicKeyJwk).toMatchObject({ kty: 'RSA', alg: 'RSA-OAEP-256', use: 'enc', key_ops: ['encrypt'] });
    expect(challenge.publicKeyJwk).not.toHaveProperty('d');
    expect(challenge.keyId).toEqual(expect.any(String));
    expect(Date.parse(challenge.expiresAt) - clock).toBe(5 * 60_000);
    expect((await challengeFor(server, payment)).nonce).not.toBe(challenge.nonce);
  });

  it('requires the payment it is for: account, order, amount and payee', async () => {
    const good = challengeRequestFor(alicePayment());
    const bad: [unknown, string][] = [
      [{ ...good, accountId: 'a b' }, 'accountId'],
      [{ ...good, orderId: undefined }, 'orderId'],
      [{ ...good, amount: { amount: 0, currency: 'CNY' } }, 'amount.amount'],
      [{ ...good, amount: { amount: 100, currency: 'XXX1' } }, 'amount.currency'],
      [{ ...good, payeeAccount: '' }, 'payeeAccount'],
      [[], ''],
    ];
    for (const [body, field] of bad) {
      const res = await server.post('/password/challenge', body);
      expect(res.status).toBe(400);
      const answer = await res.json();
      expect(answer).toMatchObject({ code: 'INVALID_REQUEST' });
      if (field) expect(answer.field).toContain(field);
    }
  });

  it('answers the old GET form with 405 naming the new one', async () => {
    const res = await server.get('/password/challenge?accountId=acct-alice');
    expect(res.status).toBe(405);
    expect(res.headers.get('allow')).toBe('POST');
    const body = await res.json();
    expect(body.code).toBe('METHOD_NOT_ALLOWED');
    expect(body.message).toContain('POST /password/challenge');
    expect(body.message).toContain('orderId');
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
      authentication: await passwordAuthentication(server, payment, '000000'),
    };
    expect(await payResult(server, request, newKey())).toMatchObject({ code: 'WRONG_PASSWORD', attemptsLeft: 4 });
    expect(await payResult(server, request, newKey())).toMatchObject({ status: 'failed', code: 'NONCE_REUSED' });
    expect(await attempt(payment, request.preorderId, '000000')).toMatchObject({ attemptsLeft: 3 });
  });

  it('fails closed on a wrong inner nonce, an expired, foreign or unknown challenge and bad ciphertext', async () => {
    const payment = alicePayment();
    const preorderId = await preorderFor(server, payment);
    const tryWith = async (make: (challenge: PasswordChallenge) => Promise<PayRequest['authentication']>) => {
      const authentication = await make(await challengeFor(server, payment));
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
    const bob = await challengeFor(server, { ...payment, accountId: 'acct-bob' });
    expect(await tryWith(async () => sealed(bob))).toBe('NONCE_UNKNOWN');
    expect(await tryWith(async (c) => ({ method: 'password', encryptedPassword: { ...(await sealed(c)).encryptedPassword, keyId: 'rsa-old' } }))).toBe(
      'KEY_UNKNOWN',
    );
    expect(await tryWith(async (c) => ({ method: 'password', encryptedPassword: { keyId: c.keyId, nonce: c.nonce, ciphertext: 'AAAA' } }))).toBe(
      'DECRYPTION_FAILED',
    );
    expect(server.mock.state.passwordLocks.get('acct-alice')).toBeUndefined();
  });

  it('refuses a password sealed for another order, amount, currency or payee: CHALLENGE_MISMATCH, nonce spent, not a wrong guess', async () => {
    const payment = alicePayment();
    const preorderId = await preorderFor(server, payment);
    const others: PaymentData[] = [
      { ...payment, orderId: `${payment.orderId}-other` },
      { ...payment, amount: { amount: 1, currency: 'CNY' } },
      { ...payment, amount: { amount: payment.amount.amount, currency: 'USD' } },
      { ...payment, payeeAccount: 'merchant-002' },
    ];
    for (const other of others) {
      // The right password, sealed under a challenge for another payment, then used for this one.
      const authentication = await passwordAuthentication(server, other, '123456');
      expect(await payResult(server, { preorderId, payment, authentication }, newKey())).toMatchObject({
        status: 'failed',
        code: 'CHALLENGE_MISMATCH',
      });
      // Spent: the payment it was sealed for cannot use it either.
      const again = await payResult(server, { preorderId, payment, authentication }, newKey());
      expect(again.code).toBe('NONCE_REUSED');
    }
    expect(server.mock.state.passwordLocks.get('acct-alice')).toBeUndefined();
    expect(server.mock.state.charges).toHaveLength(0);
    expect(await attempt(payment, preorderId, '000000')).toMatchObject({ code: 'WRONG_PASSWORD', attemptsLeft: 4 });
  });

  it('20 concurrent wrong guesses evaluate exactly 5 and lock; the right password afterwards stays locked', async () => {
    const payment = alicePayment();
    const preorderId = await preorderFor(server, payment);
    const requests = await Promise.all(
      Array.from({ length: 20 }, async (_, i) => ({
        preorderId,
        payment,
        authentication: await passwordAuthentication(server, payment, String(200_000 + i)),
      })),
    );
    compare.mockClear();
    const answers = await Promise.all(requests.map((request) => payResult(server, request, newKey())));
    expect(compare).toHaveBeenCalledTimes(MAX_WRONG_PASSWORDS);
    const wrong = answers.filter((a) => a.code === 'WRONG_PASSWORD').length;
    const lockedByEvaluation = answers.filter((a) => a.code === 'PASSWORD_LOCKED').length;
    const tryLater = answers.filter((a) => a.code === 'PASSWORD_TRY_LATER').length;
    expect(wrong).toBe(MAX_WRONG_PASSWORDS - 1);
    expect(wrong + lockedByEvaluation + tryLater).toBe(20);
    expect(server.mock.state.passwordLocks.get('acct-alice')).toMatchObject({ failures: MAX_WRONG_PASSWORDS, pending: 0 });
    expect(await attempt(payment, preorderId, '123456')).toMatchObject({ code: 'PASSWORD_LOCKED' });
  }, 60_000);

  it('19 wrong and 1 right password at once: at most 5 are compared with the hash, and a success never comes with a lock', async () => {
    for (const rightAt of [0, 10, 19]) {
      await server.post('/__admin/reset', {});
      compare.mockClear();
      const payment = alicePayment();
      const preorderId = await preorderFor(server, payment);
      const passwords = Array.from({ length: 20 }, (_, i) => (i === rightAt ? '123456' : String(300_000 + i)));
      const requests = await Promise.all(
        passwords.map(async (password) => ({ preorderId, payment, authentication: await passwordAuthentication(server, payment, password) })),
      );
      const responses = await Promise.all(requests.map((request) => pay(server, request, newKey())));
      const answers = (await Promise.all(responses.map((res) => res.json()))) as (PaymentResult | { code: string })[];
      expect(compare.mock.calls.length).toBeLessThanOrEqual(MAX_WRONG_PASSWORDS);
      const succeeded = answers.filter((a) => 'status' in a && a.status === 'succeeded').length;
      const lock = server.mock.state.passwordLocks.get('acct-alice');
      expect(lock?.pending ?? 0).toBe(0);
      // Either the right password was among the evaluated ones (then fewer than 5 wrong were) or the lock holds.
      expect(succeeded + (lock?.lockedUntil === undefined ? 0 : 1)).toBe(1);
      // Every other answer is a refusal that names itself; after the success, late wrong ones meet 409 ORDER_ALREADY_PAID.
      for (const answer of answers) {
        if ('status' in answer && answer.status === 'succeeded') continue;
        expect(['WRONG_PASSWORD', 'PASSWORD_LOCKED', 'PASSWORD_TRY_LATER', 'ORDER_ALREADY_PAID']).toContain(answer.code);
      }
    }
  }, 120_000);
});

describe('challenge rate limit', () => {
  let limited: TestServer;
  beforeAll(async () => {
    limited = await startTestServer({ challengeRateLimit: { windowMs: 60_000, perAccount: 3, perClient: 5 } });
  });
  afterAll(() => limited.close());
  beforeEach(async () => {
    await limited.post('/__admin/reset', {});
  });

  const ask = (payment: PaymentData, headers: Record<string, string> = {}) =>
    limited.post('/password/challenge', challengeRequestFor(payment), headers);

  it('answers 429 with Retry-After and an ApiErrorBody once an account has had its challenges', async () => {
    const payment = alicePayment();
    for (let i = 0; i < 3; i++) expect((await ask(payment)).status).toBe(200);
    const refused = await ask(payment);
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(await refused.json()).toMatchObject({ code: 'RATE_LIMITED', message: expect.stringContaining('account') });
    // Another account is still served.
    expect((await ask({ ...payment, accountId: 'acct-bob' })).status).toBe(200);
  });

  it('limits one client across accounts, by address and by X-Cashier-Client', async () => {
    const accounts = ['acct-a', 'acct-b', 'acct-c', 'acct-d', 'acct-e', 'acct-f'];
    const statuses: number[] = [];
    for (const accountId of accounts) statuses.push((await ask(alicePayment({ accountId }), { 'X-Cashier-Client': 'install-1' })).status);
    expect(statuses).toEqual([200, 200, 200, 200, 200, 429]);
    const body = await (await ask(alicePayment({ accountId: 'acct-g' }))).json();
    expect(body).toMatchObject({ code: 'RATE_LIMITED', message: expect.stringContaining('client') });
  });

  it('is cleared by /__admin/reset', async () => {
    const payment = alicePayment();
    for (let i = 0; i < 3; i++) await ask(payment);
    expect((await ask(payment)).status).toBe(429);
    await limited.post('/__admin/reset', {});
    expect((await ask(payment)).status).toBe(200);
  });
});

describe('default challenge rate limit', () => {
  it('serves the 20 challenges a payment race asks for in one burst', async () => {
    const payment = alicePayment();
    const answers = await Promise.all(Array.from({ length: 20 }, () => server.post('/password/challenge', challengeRequestFor(payment))));
    expect(answers.map((res) => res.status)).toEqual(answers.map(() => 200));
  });
});
