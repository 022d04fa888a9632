import type { Authentication } from './service-interfaces';
import { buildPayRequest, createIdempotencyKey, PaymentDataError, startPaymentAttempt } from './payment-request';
import { ALICE_PAYMENT, thrownBy } from './test-support';

const payment = ALICE_PAYMENT;
const password: Authentication = {
  method: 'password',
  encryptedPassword: { keyId: 'rsa-1', nonce: 'bm9uY2U', ciphertext: 'c2VhbGVk' },
};
const UUID_V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

const paymentDataError = (run: () => unknown) => thrownBy(PaymentDataError, run);

describe('createIdempotencyKey', () => {
  it('makes distinct UUID v4 keys', () => {
    const keys = new Set(Array.from({ length: 500 }, createIdempotencyKey));
    expect(keys.size).toBe(500);
    for (const key of keys) expect(key).toMatch(UUID_V4);
  });

  it('falls back to getRandomValues where randomUUID is missing (an insecure context)', () => {
    const real = globalThis.crypto;
    Object.defineProperty(globalThis, 'crypto', {
      configurable: true,
      value: { getRandomValues: real.getRandomValues.bind(real) },
    });
    try {
      const keys = Array.from({ length: 50 }, createIdempotencyKey);
      expect(new Set(keys).size).toBe(50);
      for (const key of keys) expect(key).toMatch(UUID_V4);
    } finally {
      Object.defineProperty(globalThis, 'crypto', { configurable: true, value: real });
    }
  });

  it('refuses to make a key without a cryptographic random source', () => {
    const real = globalThis.crypto;
    Object.defineProperty(globalThis, 'crypto', { configurable: true, value: undefined });
    try {
      expect(() => createIdempotencyKey()).toThrow('No cryptographic random source');
    } finally {
      Object.defineProperty(globalThis, 'crypto', { configurable: true, value: real });
    }
  });
});

describe('buildPayRequest', () => {
  it('builds the S3 payment request from validated, normalised data', () => {
    const request = buildPayRequest('pre_x1', { ...payment, payerAccount: '6222 0200 0000 0000 018' }, password);
    expect(request).toEqual({ preorderId: 'pre_x1', payment, authentication: password });
  });

  it('carries fingerprint and face authentication (S232, S242)', () => {
    const fingerprint: Authentication = { method: 'fingerprint', challengeId: 'ch-1', assertion: { id: 'cred', response: {} } };
    expect(buildPayRequest('pre_x1', payment, fingerprint).authentication).toEqual(fingerprint);
    const face: Authentication = { method: 'face', challengeId: 'ch-2', image: 'data:image/jpeg;base64,AAAA' };
    expect(buildPayRequest('pre_x1', payment, face).authentication).toEqual(face);
  });

  it('throws PaymentDataError naming every bad field', () => {
    const error = paymentDataError(() =>
      buildPayRequest('', { ...payment, amount: { amount: 0, currency: 'CNY' } }, { method: 'telepathy' } as unknown as Authentication),
    );
    expect(error.errors.map((e) => [e.field, e.code])).toEqual([
      ['amount.amount', 'NOT_POSITIVE'],
      ['preorderId', 'REQUIRED'],
      ['authentication.method', 'INVALID_TYPE'],
    ]);
    expect(error.message).toBe(
      'Invalid payment request: amount.amount must be greater than 0; preorderId is required; ' +
        'authentication.method must be one of password, fingerprint, face (got string)',
    );
  });

  it('refuses a plain password in place of the encrypted one', () => {
    const plain = { method: 'password', password: '123456' } as unknown as Authentication;
    const error = paymentDataError(() => buildPayRequest('pre_x1', payment, plain));
    expect(error.errors).toEqual([
      { field: 'authentication.encryptedPassword', code: 'REQUIRED', message: 'authentication.encryptedPassword is required' },
    ]);
    expect(error.message).not.toContain('123456');
  });
});

describe('startPaymentAttempt', () => {
  it('pairs one fresh idempotency key with the request', () => {
    const first = startPaymentAttempt('pre_x1', payment, password);
    const second = startPaymentAttempt('pre_x1', payment, password);
    expect(first.idempotencyKey).toMatch(UUID_V4);
    expect(first.idempotencyKey).not.toBe(second.idempotencyKey);
    expect(first.request).toEqual(buildPayRequest('pre_x1', payment, password));
  });

  it('makes no key for a request that cannot be built', () => {
    expect(() => startPaymentAttempt('pre_x1', { ...payment, orderId: '' }, password)).toThrow(PaymentDataError);
  });
});
