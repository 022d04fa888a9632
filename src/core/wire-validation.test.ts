import fc from 'fast-check';
import { DEFAULT_RULE_BASE } from './rule-base';
import type { PaymentResult, PayRequest } from './service-interfaces';
import { ALICE_PAYMENT, thrownBy } from './test-support';
import {
  MalformedResponseError,
  parseApiErrorBody,
  parseBiometricChallenge,
  parseBiometricChallengeRequest,
  parseBiometricEnrollmentRequest,
  parseBiometricEnrollmentResponse,
  parseCashierResources,
  MAX_LINK_ORIGINS,
  parseCheckResourcesRequest,
  parseCheckResourcesResponse,
  parsePasswordChallengeRequest,
  parsePasswordChallenge,
  parsePaymentResult,
  parsePaymentStatusResponse,
  parsePayRequest,
  parsePreorderRequest,
  parsePreorderResponse,
  parsePreverifyRequest,
  parsePreverifyResponse,
  parseFaceEnrollRequest,
  parseWebAuthnAuthenticationOptions,
  parseWebAuthnRegistrationVerifyRequest,
} from './wire-validation';

const payment = ALICE_PAYMENT;
const at = '2025-06-01T08:00:00.000Z';
const result: PaymentResult = {
  status: 'failed',
  orderId: 'order-1001',
  amount: { amount: 200000, currency: 'CNY' },
  method: 'password',
  code: 'WRONG_PASSWORD',
  message: 'Wrong payment password',
  attemptsLeft: 4,
  at,
};
/** Shaped like the mock server's key (mocks/password-crypto.ts): extra JWK members are dropped. */
const jwk = { kty: 'RSA', n: 'u1SU1LfVLPHCozMxH2Mo4lgOEePzNm0tRgeLezV6ffAt0gunVTLw7onLRnrq0_IzW7yWR7QkrmBL7jTKEn5u-qKhbwKfBstIs-bMY2Zkp18gnTxKLxoS2tFczGkPLPgizskuemMghRniWaoLcyehkd3qqGElvW_VDL5AaWTg0nLVkjRo9z-40RQzuVaE8AkAFmxZzow3x-VJYKdjykkJ0iT9wCS0DRTXu269V264Vf_3jvredZiKRkgwlL9xNAwxXFg0x_XFw005UWVRIkdgcKWTjpBP2dPwVZ4WWC-9aGVd-Gyn1o0CLelf4rEjGoXbAAEgAqeGUxrcIlbjXfbcmw', e: 'AQAB', alg: 'RSA-OAEP-256', use: 'enc', key_ops: ['encrypt'], ext: true, kid: 'rsa-1' };

const malformed = (parse: (body: unknown) => unknown, body: unknown) => thrownBy(MalformedResponseError, () => parse(body));

describe('response parsers', () => {
  it('accept well-formed bodies and drop unknown fields', () => {
    const verificationData = [{ key: 'amount.amount', value: 100000 }, { key: 'accountId', value: 'active' }];
    expect(parsePreverifyResponse({ verificationData, ruleBase: DEFAULT_RULE_BASE, debug: true })).toEqual({
      verificationData,
      ruleBase: DEFAULT_RULE_BASE,
    });
    const preorder = { preorderId: 'pre_x1', orderId: 'order-1001', amount: payment.amount, payeeName: 'Merchant', expiresAt: at };
    expect(parsePreorderResponse({ ...preorder, internal: 1 })).toEqual(preorder);
    expect(parsePaymentResult({ ...result, secret: 'x' })).toEqual(result);
    expect(parsePaymentStatusResponse({ status: 'not_found' })).toEqual({ status: 'not_found' });
    expect(parsePaymentStatusResponse({ status: 'failed', result })).toEqual({ status: 'failed', result });
    const checks = [{ key: 'amount.amount', message: 'Over the limit', correctionUrl: '/fix' }, { key: 'accountId', message: 'Frozen' }];
    expect(parseCheckResourcesResponse({ checks })).toEqual({ checks });
    const linkOrigins = ['https://bank.example', 'https://merchant.example:8443'];
    expect(parseCheckResourcesResponse({ checks, linkOrigins })).toEqual({ checks, linkOrigins });
    const resources = {
      passwordComponent: 'six-digit',
      shuffleKeys: true,
      cards: [{ cardNumber: '6225880000000000044', masked: '•••• 0044', bankName: 'Bank B' }],
      payeeName: 'Merchant',
    };
    expect(parseCashierResources(resources)).toEqual(resources);
    const enrolled = { ...resources, enrolled: { fingerprint: true, face: false, credentialIds: ['AbC-_12'] } };
    expect(parseCashierResources(enrolled)).toEqual(enrolled);
    expect(parseApiErrorBody({ code: 'BAD_REQUEST', message: 'No', field: 'payment.orderId' })).toEqual({
      code: 'BAD_REQUEST',
      message: 'No',
      field: 'payment.orderId',
    });
  });

  it('accept the biometric answers (S231/S241)', () => {
    const challenge = { challengeId: 'ch-1', expiresAt: at };
    expect(parseBiometricChallenge({ ...challenge, options: 'dropped' })).toEqual(challenge);
    const options = { challenge: 'Y2g', allowCredentials: [], userVerification: 'required' };
    expect(parseWebAuthnAuthenticationOptions({ ...challenge, options })).toEqual({ ...challenge, options });
    expect(malformed(parseWebAuthnAuthenticationOptions, { ...challenge, options: 'x' }).message).toBe(
      'Malformed WebAuthn authentication options: options must be an object (got string)',
    );
    expect(parseBiometricEnrollmentResponse({ enrolled: true })).toEqual({ enrolled: true });
    expect(malformed(parseBiometricEnrollmentResponse, { enrolled: false }).field).toBe('enrolled');
  });

  it('keep only the RSA members of the challenge key', () => {
    const challenge = parsePasswordChallenge({ keyId: 'rsa-1', publicKeyJwk: jwk, nonce: 'Zm9v-YmFy_', expiresAt: at });
    expect(challenge.publicKeyJwk).toEqual({ kty: 'RSA', n: jwk.n, e: 'AQAB', alg: 'RSA-OAEP-256' });
    expect(malformed(parsePasswordChallenge, { keyId: 'k', publicKeyJwk: { ...jwk, kty: 'EC' }, nonce: 'n', expiresAt: at }).field).toBe(
      'publicKeyJwk.kty',
    );
  });

  it.each([
    [parsePaymentResult, { ...result, amount: { amount: 1.5, currency: 'CNY' } }, 'Malformed payment result: amount.amount must be a whole number'],
    [parsePaymentResult, { ...result, status: 'ok' }, 'Malformed payment result: status must be one of succeeded, failed, processing'],
    [parsePaymentResult, { ...result, method: undefined }, 'Malformed payment result: method is required'],
    [parsePaymentResult, { ...result, attemptsLeft: -1 }, 'attemptsLeft must be an integer from 0 to 100'],
    [parsePaymentResult, { ...result, at: 'now' }, 'Malformed payment result: at has an invalid format'],
    [parsePaymentResult, 'OK', 'Malformed payment result: value must be an object (got string)'],
    [parsePreverifyResponse, { verificationData: [{ key: 3, value: 1 }], ruleBase: DEFAULT_RULE_BASE }, 'verificationData[0].key must be a string'],
    [parsePreverifyResponse, { verificationData: [], ruleBase: { version: 'v', rules: { x: { rule: 'magic' } } } }, 'ruleBase.rules.x.rule must be one of'],
    [parsePreorderResponse, { preorderId: 'p 1', orderId: 'o', amount: payment.amount, payeeName: 'M', expiresAt: at }, 'preorderId may only hold'],
    [parsePaymentStatusResponse, { status: 'succeeded', result: { ...result, orderId: '' } }, 'result.orderId is required'],
    [parseCheckResourcesResponse, { checks: [{ key: 'k', message: 'm', correctionUrl: 5 }] }, 'checks[0].correctionUrl must be a string'],
    [parseCheckResourcesResponse, { checks: [], linkOrigins: ['http://bank.example'] }, 'linkOrigins[0] has an invalid format'],
    [parseCheckResourcesResponse, { checks: [], linkOrigins: ['https://bank.example/path'] }, 'linkOrigins[0] has an invalid format'],
    [parseCheckResourcesResponse, { checks: [], linkOrigins: 'https://bank.example' }, 'linkOrigins must be a list'],
    [parseCheckResourcesResponse, { checks: [], linkOrigins: Array.from({ length: MAX_LINK_ORIGINS + 1 }, (_, i) => `https://h${i}.example`) }, 'linkOrigins'],
    [parseCashierResources, { passwordComponent: 'four-digit', shuffleKeys: true, cards: [], payeeName: 'M' }, 'passwordComponent must be one of six-digit, mixed'],
    [
      parseCashierResources,
      { passwordComponent: 'six-digit', shuffleKeys: false, cards: [], payeeName: 'M', enrolled: { fingerprint: true, face: false, credentialIds: ['a b'] } },
      'enrolled.credentialIds',
    ],
    [
      parseCashierResources,
      { passwordComponent: 'six-digit', shuffleKeys: false, cards: [], payeeName: 'M', enrolled: { fingerprint: 'yes', face: false, credentialIds: [] } },
      'enrolled.fingerprint',
    ],
    [parseApiErrorBody, { message: 'x' }, 'Malformed error body: code is required'],
  ])('%#: reject a bad field and name it', (parse, body, message) => {
    const error = malformed(parse as (body: unknown) => unknown, body);
    expect(error.message).toContain(message);
    expect(error.name).toBe('MalformedResponseError');
  });

  it('throw only MalformedResponseError, whatever the server sends', () => {
    const parsers = [
      parsePreverifyResponse,
      parsePreorderResponse,
      parsePasswordChallenge,
      parsePaymentResult,
      parsePaymentStatusResponse,
      parseCheckResourcesResponse,
      parseCashierResources,
      parseApiErrorBody,
      parseBiometricChallenge,
      parseWebAuthnAuthenticationOptions,
      parseBiometricEnrollmentResponse,
    ];
    fc.assert(
      fc.property(fc.anything(), (body) => {
        for (const parse of parsers) {
          try {
            parse(body);
          } catch (error) {
            expect(error).toBeInstanceOf(MalformedResponseError);
          }
        }
      }),
    );
  });

  it('read back every valid payment result that went over the wire', () => {
    const resultArb = fc.record(
      {
        status: fc.constantFrom('succeeded' as const, 'failed' as const, 'processing' as const),
        orderId: fc.stringMatching(/^[A-Za-z0-9_.:-]{1,64}$/),
        paymentId: fc.stringMatching(/^pay_[a-z0-9]{1,20}$/),
        amount: fc.record({ amount: fc.maxSafeNat(), currency: fc.constantFrom('CNY', 'USD', 'JPY') }),
        method: fc.constantFrom('password' as const, 'fingerprint' as const, 'face' as const),
        code: fc.constantFrom('INSUFFICIENT_FUNDS', 'PASSWORD_LOCKED'),
        message: fc.string({ maxLength: 100 }),
        attemptsLeft: fc.integer({ min: 0, max: 5 }),
        unlocksAt: fc.date({ noInvalidDate: true, min: new Date(0), max: new Date(4e12) }).map((d) => d.toISOString()),
        at: fc.constant(at),
      },
      { requiredKeys: ['status', 'orderId', 'amount', 'method', 'message', 'at'] },
    );
    fc.assert(fc.property(resultArb, (value) => expect(parsePaymentResult(JSON.parse(JSON.stringify(value)))).toEqual(value)));
  });
});

describe('request validators (used by the mock server)', () => {
  const pay: PayRequest = {
    preorderId: 'pre_x1',
    payment,
    authentication: { method: 'password', encryptedPassword: { keyId: 'rsa-1', nonce: 'bm9uY2U', ciphertext: 'YWJj' } },
  };

  it('accept good bodies, normalising the card number', () => {
    const spaced = { payment: { ...payment, payerAccount: '6222 0200 0000 0000 018' } };
    expect(parsePreverifyRequest(spaced)).toEqual({ ok: true, value: { payment } });
    expect(parsePreorderRequest({ payment })).toEqual({ ok: true, value: { payment } });
    expect(parsePayRequest(pay)).toEqual({ ok: true, value: pay });
    const fingerprint = { ...pay, authentication: { method: 'fingerprint', challengeId: 'ch-1', assertion: { id: 'x', response: {} } } };
    expect(parsePayRequest(fingerprint)).toEqual({ ok: true, value: fingerprint });
    const face = { ...pay, authentication: { method: 'face', challengeId: 'ch-2', image: 'data:image/jpeg;base64,AAAA' } };
    expect(parsePayRequest(face)).toEqual({ ok: true, value: face });
    const checks = { keys: ['amount.amount', 'payerAccount#owned'], locale: 'en-US', accountId: 'acct-alice' };
    expect(parseCheckResourcesRequest(checks)).toEqual({ ok: true, value: checks });
    const challenge = { accountId: 'acct-alice', orderId: 'order-1', amount: { amount: 100, currency: 'CNY' }, payeeAccount: 'merchant-001' };
    expect(parsePasswordChallengeRequest({ ...challenge, extra: 1 })).toEqual({ ok: true, value: challenge });
  });

  it.each([
    [parsePreverifyRequest, {}, 'payment', 'payment is required'],
    [parsePreverifyRequest, { payment: { ...payment, amount: { amount: 0, currency: 'CNY' } } }, 'payment.amount.amount', 'payment.amount.amount must be greater than 0'],
    [parsePreorderRequest, { payment: { ...payment, payerAccount: '6222020000000000019' } }, 'payment.payerAccount', 'payment.payerAccount is not a valid card number (check digit)'],
    [parsePayRequest, { ...pay, preorderId: '' }, 'preorderId', 'preorderId is required'],
    [parsePayRequest, { ...pay, authentication: { method: 'telepathy' } }, 'authentication.method', 'authentication.method must be one of password, fingerprint, face (got string)'],
    [parsePayRequest, { ...pay, authentication: { method: 'password', encryptedPassword: { keyId: 'k', nonce: 'n', ciphertext: 'not base64!' } } }, 'authentication.encryptedPassword.ciphertext', 'has an invalid format'],
    [parsePayRequest, { ...pay, authentication: { method: 'password', password: '123456' } }, 'authentication.encryptedPassword', 'authentication.encryptedPassword is required'],
    [parseCheckResourcesRequest, { keys: ['k'], locale: 'fr-FR', accountId: 'acct-alice' }, 'locale', 'locale must be one of zh-CN, en-US'],
    [parsePasswordChallengeRequest, { accountId: 'acct-alice', orderId: 'o-1', amount: { amount: 1, currency: 'CNY' } }, 'payeeAccount', 'payeeAccount is required'],
    [parsePasswordChallengeRequest, { accountId: 'acct-alice', orderId: 'o 1', amount: { amount: 1, currency: 'CNY' }, payeeAccount: 'm' }, 'orderId', 'orderId'],
    [parseCheckResourcesRequest, { keys: 'k', locale: 'en-US', accountId: 'acct-alice' }, 'keys', 'keys must be a list (got string)'],
  ])('%#: reject a bad request and name the field', (parse, body, field, message) => {
    const outcome = (parse as (body: unknown) => { ok: boolean; field?: string; message?: string })(body);
    expect(outcome.ok).toBe(false);
    expect(outcome.field).toBe(field);
    expect(outcome.message).toContain(message);
  });

  it('check the biometric enrollment and challenge requests', () => {
    const enrollment = { accountId: 'acct-alice', enrollmentToken: 'tok_AbC-1' };
    expect(parseBiometricEnrollmentRequest(enrollment)).toEqual({ ok: true, value: enrollment });
    const registration = { ...enrollment, response: { id: 'cred', response: { clientDataJSON: 'e30' } } };
    expect(parseWebAuthnRegistrationVerifyRequest(registration)).toEqual({ ok: true, value: registration });
    const face = { ...enrollment, image: 'data:image/jpeg;base64,/9j/4AAQ' };
    expect(parseFaceEnrollRequest(face)).toEqual({ ok: true, value: face });
    expect(parseFaceEnrollRequest({ ...face, image: 'https://evil.example/face.jpg' })).toMatchObject({ ok: false, field: 'image' });
    expect(parseBiometricEnrollmentRequest({ accountId: 'acct-alice', enrollmentToken: 'a b' })).toMatchObject({
      ok: false,
      field: 'enrollmentToken',
    });
    const challenge = { accountId: 'acct-alice', orderId: 'order-1001', amount: payment.amount };
    expect(parseBiometricChallengeRequest(challenge)).toEqual({ ok: true, value: challenge });
    expect(parseBiometricChallengeRequest({ ...challenge, amount: { amount: 0, currency: 'CNY' } })).toMatchObject({
      ok: false,
      field: 'amount.amount',
    });
  });

  it('never keep a plain password that rides along in a request', () => {
    const outcome = parsePayRequest({ ...pay, password: '123456', authentication: { ...pay.authentication, password: '123456' } });
    expect(JSON.stringify(outcome)).not.toContain('123456');
  });
});
