// S3: the payment request, built only from payment data that passed validation.
import { idSchema, validatePaymentData } from './payment-data';
import { type Schema, SchemaError } from './schema';
import type { Authentication, PayRequest } from './service-interfaces';
import type { PaymentData } from './types';
import { authenticationSchema } from './wire-validation';

export interface RequestFieldError {
  field: string;
  code: string;
  message: string;
}

/** The payment request cannot be built; `errors` names every bad field. */
export class PaymentDataError extends Error {
  constructor(readonly errors: RequestFieldError[]) {
    super(`Invalid payment request: ${errors.map((e) => e.message).join('; ')}`);
    this.name = 'PaymentDataError';
  }
}

/** A fresh idempotency key (UUID v4) from the platform's cryptographic random source. */
export function createIdempotencyKey(): string {
  const crypto = globalThis.crypto;
  if (typeof crypto?.randomUUID === 'function') return crypto.randomUUID();
  if (typeof crypto?.getRandomValues !== 'function') throw new Error('No cryptographic random source for an idempotency key');
  // randomUUID exists only in secure contexts; getRandomValues everywhere.
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  bytes[6] = ((bytes[6] as number) & 0x0f) | 0x40;
  bytes[8] = ((bytes[8] as number) & 0x3f) | 0x80;
  const hex = Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** S3 (with S232/S242 authentication): validates everything first and throws PaymentDataError otherwise. */
export function buildPayRequest(preorderId: string, payment: PaymentData, authentication: Authentication): PayRequest {
  const checked = validatePaymentData(payment);
  const errors: RequestFieldError[] = checked.ok ? [] : [...checked.errors];
  const check = <T>(schema: Schema<T>, value: unknown, path: string): T | undefined => {
    try {
      return schema(value, path);
    } catch (error) {
      if (!(error instanceof SchemaError)) throw error;
      errors.push({ field: error.field, code: error.code, message: error.message });
    }
  };
  const id = check(idSchema, preorderId, 'preorderId');
  const proof = check(authenticationSchema, authentication, 'authentication');
  if (!checked.ok || id === undefined || proof === undefined) throw new PaymentDataError(errors);
  return { preorderId: id, payment: checked.value, authentication: proof };
}

/** One payment attempt: its idempotency key is made once and sent again on every retry, so it is never charged twice. */
export interface PaymentAttempt {
  idempotencyKey: string;
  request: PayRequest;
}

export function startPaymentAttempt(preorderId: string, payment: PaymentData, authentication: Authentication): PaymentAttempt {
  return { idempotencyKey: createIdempotencyKey(), request: buildPayRequest(preorderId, payment, authentication) };
}
