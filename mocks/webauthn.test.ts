import type { BiometricEnrollmentResponse, WebAuthnAuthenticationOptions } from '../src/core/service-interfaces';
import type { PaymentData } from '../src/core/types';
import { MAX_BIOMETRIC_FAILURES } from './biometric-enrollment';
import { challengeRequestOf, enrollmentTokenFor, PAGE_ORIGIN, payWith, startBiometricServer } from './biometric-test-helpers';
import { type CeremonyOptions, SoftAuthenticator } from './soft-authenticator';
import { alicePayment, preorderFor, type TestServer } from './test-helpers';

let server: TestServer;
let clock = Date.parse('2025-06-01T08:00:00Z');
beforeAll(async () => {
  server = await startBiometricServer({ now: () => clock });
});
afterAll(() => server.close());
beforeEach(async () => {
  await server.post('/__admin/reset', {});
});

const ALICE = 'acct-alice';

async function enroll(authenticator: SoftAuthenticator, ceremony: Partial<CeremonyOptions> = {}, token?: string) {
  const enrollmentToken = token ?? (await enrollmentTokenFor(server));
  const optionsRes = await server.post('/webauthn/registration/options', { accountId: ALICE, enrollmentToken });
  expect(optionsRes.status).toBe(200);
  const options = await optionsRes.json();
  const response = authenticator.create(options, { origin: PAGE_ORIGIN, ...ceremony });
  return server.post('/webauthn/registration/verify', { accountId: ALICE, enrollmentToken, response });
}

async function fingerprintOptions(payment: PaymentData): Promise<WebAuthnAuthenticationOptions> {
  const res = await server.post('/webauthn/authentication/options', challengeRequestOf(payment));
  expect(res.status).toBe(200);
  return (await res.json()) as WebAuthnAuthenticationOptions;
}

async function payByFingerprint(authenticator: SoftAuthenticator, ceremony: Partial<CeremonyOptions> = {}, payment = alicePayment()) {
  const { challengeId, options } = await fingerprintOptions(payment);
  const assertion = authenticator.get(options as { challenge: string }, { origin: PAGE_ORIGIN, ...ceremony });
  return { result: await payWith(server, payment, { method: 'fingerprint', challengeId, assertion }), challengeId, assertion, payment };
}

const chargeCount = async () => ((await (await server.get('/__admin/charges')).json()) as unknown[]).length;

describe('fingerprint enrolment (WebAuthn registration)', () => {
  it('offers platform, user-verification-required options and stores the credential', async () => {
    const enrollmentToken = await enrollmentTokenFor(server);
    const res = await server.post('/webauthn/registration/options', { accountId: ALICE, enrollmentToken });
    const options = await res.json();
    expect(options.rp.id).toBe('localhost');
    expect(options.authenticatorSelection).toEqual(
      expect.objectContaining({ authenticatorAttachment: 'platform', userVerification: 'required', residentKey: 'preferred' }),
    );
    expect(options.attestation).toBe('none');
    const authenticator = new SoftAuthenticator();
    const response = authenticator.create(options, { origin: PAGE_ORIGIN });
    const verify = await server.post('/webauthn/registration/verify', { accountId: ALICE, enrollmentToken, response });
    expect(verify.status).toBe(200);
    expect((await verify.json()) as BiometricEnrollmentResponse).toEqual({ enrolled: true });
    const again = await server.post('/webauthn/registration/options', { accountId: ALICE, enrollmentToken });
    expect((await again.json()).code).toBe('ENROLLMENT_TOKEN_USED');
    // The ceremony it started is over too: a second verify with the same token has nothing to answer.
    const twice = await server.post('/webauthn/registration/verify', { accountId: ALICE, enrollmentToken, response });
    expect((await twice.json()).code).toBe('REGISTRATION_NOT_STARTED');
  });

  it('needs an enrollment token of the same account, from a verified password', async () => {
    const noToken = await server.post('/webauthn/registration/options', { accountId: ALICE, enrollmentToken: 'made-up' });
    expect(noToken.status).toBe(403);
    expect((await noToken.json()).code).toBe('ENROLLMENT_NOT_ALLOWED');
    const token = await enrollmentTokenFor(server);
    const otherAccount = await server.post('/webauthn/registration/options', { accountId: 'acct-bob', enrollmentToken: token });
    expect(otherAccount.status).toBe(403);
    const missing = await server.post('/webauthn/registration/options', { accountId: ALICE });
    expect(missing.status).toBe(400);
  });

  it('refuses a credential created without user verification, or for another origin', async () => {
    const noUv = await enroll(new SoftAuthenticator(), { userVerified: false });
    expect(noUv.status).toBe(400);
    expect((await noUv.json()).code).toBe('REGISTRATION_REJECTED');
    const evil = await enroll(new SoftAuthenticator(), { origin: 'https://evil.example' });
    expect(evil.status).toBe(403);
    expect((await evil.json()).code).toBe('ORIGIN_NOT_ALLOWED');
  });

  it('answers a registration without options, and an expired token, with a clear refusal', async () => {
    const enrollmentToken = await enrollmentTokenFor(server);
    const response = new SoftAuthenticator().create({ challenge: 'AAAA', rp: { id: 'localhost' } }, { origin: PAGE_ORIGIN });
    const res = await server.post('/webauthn/registration/verify', { accountId: ALICE, enrollmentToken, response });
    expect((await res.json()).code).toBe('REGISTRATION_NOT_STARTED');
    clock += 11 * 60_000;
    const late = await server.post('/webauthn/registration/options', { accountId: ALICE, enrollmentToken });
    expect(late.status).toBe(403);
  });
});

describe('enrollment token', () => {
  it('is single use per method: two registrations racing with one token start one ceremony; a face enrolment is still open', async () => {
    const enrollmentToken = await enrollmentTokenFor(server);
    const both = await Promise.all([1, 2].map(() => server.post('/webauthn/registration/options', { accountId: ALICE, enrollmentToken })));
    expect(both.map((res) => res.status).sort()).toEqual([200, 409]);
    const refused = both.find((res) => res.status === 409) as Response;
    expect((await refused.json()).code).toBe('ENROLLMENT_TOKEN_USED');
    // The success dialog offers both methods: the token is spent for fingerprint, not for face (this picture is unusable).
    const face = await server.post('/face/enroll', { accountId: ALICE, enrollmentToken, image: 'data:image/jpeg;base64,AAAA' });
    expect(face.status).toBe(422);
    expect((await face.json()).code).toBe('FACE_IMAGE_UNUSABLE');
  });

  it('lives 5 minutes', async () => {
    const enrollmentToken = await enrollmentTokenFor(server);
    clock += 5 * 60_000;
    const late = await server.post('/webauthn/registration/options', { accountId: ALICE, enrollmentToken });
    expect(late.status).toBe(403);
    expect((await late.json()).code).toBe('ENROLLMENT_NOT_ALLOWED');
  });
});

describe('fingerprint payment (WebAuthn authentication)', () => {
  it('pays with a verified assertion and counts the charge once', async () => {
    const authenticator = new SoftAuthenticator();
    expect((await enroll(authenticator)).status).toBe(200);
    const before = await chargeCount();
    const { result, challengeId } = await payByFingerprint(authenticator);
    expect(result).toEqual(expect.objectContaining({ status: 'succeeded', method: 'fingerprint' }));
    // Only a verified password hands out an enrollment token.
    expect(result.enrollmentToken).toBeUndefined();
    expect(challengeId).toMatch(/^fingerprint_/);
    expect(await chargeCount()).toBe(before + 1);
  });

  it('binds the challenge to the account, order and amount', async () => {
    const authenticator = new SoftAuthenticator();
    await enroll(authenticator);
    const payment = alicePayment();
    const { challengeId, options } = await fingerprintOptions(payment);
    const assertion = authenticator.get(options as { challenge: string }, { origin: PAGE_ORIGIN });
    const other = { ...payment, amount: { amount: payment.amount.amount + 1, currency: 'CNY' } };
    const result = await payWith(server, other, { method: 'fingerprint', challengeId, assertion });
    expect(result).toEqual(expect.objectContaining({ status: 'failed', code: 'CHALLENGE_MISMATCH' }));
  });

  it('rejects a replayed assertion and a reused challenge', async () => {
    const authenticator = new SoftAuthenticator();
    await enroll(authenticator);
    const first = await payByFingerprint(authenticator);
    expect(first.result.status).toBe('succeeded');
    // Same challenge and assertion again, for another order.
    const reuse = await payWith(server, alicePayment(), { method: 'fingerprint', challengeId: first.challengeId, assertion: first.assertion });
    expect(reuse).toEqual(expect.objectContaining({ status: 'failed', code: 'CHALLENGE_USED' }));
    // The old assertion under a fresh challenge for a new order.
    const next = alicePayment();
    const fresh = await fingerprintOptions(next);
    const replay = await payWith(server, next, { method: 'fingerprint', challengeId: fresh.challengeId, assertion: first.assertion });
    expect(replay).toEqual(expect.objectContaining({ status: 'failed', code: 'FINGERPRINT_NOT_VERIFIED' }));
    // The challenge of that attempt is spent too.
    const again = await payWith(server, next, { method: 'fingerprint', challengeId: fresh.challengeId, assertion: first.assertion });
    expect(again.code).toBe('CHALLENGE_USED');
  });

  it('refuses an assertion without user verification', async () => {
    const authenticator = new SoftAuthenticator();
    await enroll(authenticator);
    const before = await chargeCount();
    const { result } = await payByFingerprint(authenticator, { userVerified: false });
    expect(result).toEqual(expect.objectContaining({ status: 'failed', code: 'USER_NOT_VERIFIED' }));
    expect(await chargeCount()).toBe(before);
  });

  it('rejects a bad signature, a lower counter and an unknown credential', async () => {
    const authenticator = new SoftAuthenticator();
    await enroll(authenticator);
    expect((await payByFingerprint(authenticator, { badSignature: true })).result.code).toBe('FINGERPRINT_NOT_VERIFIED');
    expect((await payByFingerprint(authenticator, { counter: 10 })).result.status).toBe('succeeded');
    expect((await payByFingerprint(authenticator, { counter: 5 })).result.code).toBe('FINGERPRINT_NOT_VERIFIED');
    expect((await payByFingerprint(new SoftAuthenticator())).result.code).toBe('FINGERPRINT_NOT_RECOGNISED');
  });

  it('rejects an assertion made for another origin', async () => {
    const authenticator = new SoftAuthenticator();
    await enroll(authenticator);
    const { result } = await payByFingerprint(authenticator, { origin: 'https://evil.example' });
    expect(result).toEqual(expect.objectContaining({ status: 'failed', code: 'ORIGIN_NOT_ALLOWED' }));
    const options = await server.post('/webauthn/authentication/options', challengeRequestOf(alicePayment()), { Origin: 'https://evil.example' });
    expect(options.status).toBe(403);
  });

  it('refuses an expired challenge', async () => {
    const authenticator = new SoftAuthenticator();
    await enroll(authenticator);
    const payment = alicePayment();
    const preorderId = await preorderFor(server, payment);
    const { challengeId, options } = await fingerprintOptions(payment);
    const assertion = authenticator.get(options as { challenge: string }, { origin: PAGE_ORIGIN });
    clock += 2 * 60_000 + 1;
    const result = await payWith(server, payment, { method: 'fingerprint', challengeId, assertion }, preorderId);
    expect(result.code).toBe('CHALLENGE_EXPIRED');
  });

  it('two assertions with the same counter racing (a cloned credential): at most one pays', async () => {
    const authenticator = new SoftAuthenticator();
    await enroll(authenticator);
    expect((await payByFingerprint(authenticator, { counter: 3 })).result.status).toBe('succeeded');
    const [first, second] = [alicePayment(), alicePayment()];
    const optionsOf = await Promise.all([first, second].map((payment) => fingerprintOptions(payment)));
    const preorders = await Promise.all([first, second].map((payment) => preorderFor(server, payment)));
    const assertions = optionsOf.map(({ options }) => authenticator.get(options as { challenge: string }, { origin: PAGE_ORIGIN, counter: 4 }));
    const results = await Promise.all(
      [first, second].map((payment, i) =>
        payWith(server, payment, { method: 'fingerprint', challengeId: optionsOf[i]?.challengeId as string, assertion: assertions[i] }, preorders[i]),
      ),
    );
    expect(results.filter((result) => result.status === 'succeeded')).toHaveLength(1);
    expect(results.find((result) => result.status !== 'succeeded')?.code).toMatch(/^FINGERPRINT_(COUNTER_REPLAYED|NOT_VERIFIED)$/);
  });

  it('locks the fingerprint after repeated failures, leaving the password', async () => {
    const authenticator = new SoftAuthenticator();
    await enroll(authenticator);
    for (let i = 0; i < MAX_BIOMETRIC_FAILURES; i++) await payByFingerprint(authenticator, { badSignature: true });
    const res = await server.post('/webauthn/authentication/options', challengeRequestOf(alicePayment()));
    expect(res.status).toBe(423);
    expect((await res.json()).code).toBe('BIOMETRIC_LOCKED');
  });

  it('has nothing to offer an account without a credential, and forgets credentials on reset', async () => {
    const none = await server.post('/webauthn/authentication/options', challengeRequestOf(alicePayment()));
    expect(none.status).toBe(409);
    expect((await none.json()).code).toBe('METHOD_NOT_ENROLLED');
    await enroll(new SoftAuthenticator());
    expect((await server.post('/webauthn/authentication/options', challengeRequestOf(alicePayment()))).status).toBe(200);
    await server.post('/__admin/reset', {});
    expect((await server.post('/webauthn/authentication/options', challengeRequestOf(alicePayment()))).status).toBe(409);
  });
});
