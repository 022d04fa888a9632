// One set of schemas for both sides of the wire: the API client checks responses, the mock server requests.
import { parseMoney } from './money';
import { idSchema, paymentAmountSchema, paymentDataSchema } from './payment-data';
import { ruleBaseSchema } from './rule-base';
import { HTTPS_ORIGIN } from './server-content';
import {
  arr,
  bool,
  int,
  isoDateTime,
  obj,
  oneOfLiteral,
  opaqueObject,
  optional,
  type Schema,
  SchemaError,
  str,
  tagged,
  unknownValue,
} from './schema';
import type {
  ApiErrorBody,
  Authentication,
  BiometricChallenge,
  BiometricChallengeRequest,
  BiometricEnrollmentRequest,
  BiometricEnrollmentResponse,
  CashierResources,
  CheckResourcesRequest,
  CheckResourcesResponse,
  FaceEnrollRequest,
  PasswordChallenge,
  PasswordChallengeRequest,
  PaymentResult,
  PaymentStatusResponse,
  PayRequest,
  PreorderRequest,
  PreorderResponse,
  PreverifyRequest,
  PreverifyResponse,
  WebAuthnAuthenticationOptions,
  WebAuthnRegistrationVerifyRequest,
} from './service-interfaces';
import { METHODS } from './types';

/** A response body that does not fit its interface; the message names the response and the bad field. */
export class MalformedResponseError extends SchemaError {
  constructor(
    readonly response: string,
    error: SchemaError,
  ) {
    super(error.field, error.reason, error.code);
    this.name = 'MalformedResponseError';
    this.message = `Malformed ${response}: ${error.message}`;
  }
}

export type RequestValidation<T> = { ok: true; value: T } | { ok: false; field: string; message: string };

const response =
  <T>(name: string, schema: Schema<T>) =>
  (body: unknown): T => {
    try {
      return schema(body, '');
    } catch (error) {
      throw error instanceof SchemaError ? new MalformedResponseError(name, error) : error;
    }
  };

const request =
  <T>(schema: Schema<T>) =>
  (body: unknown): RequestValidation<T> => {
    try {
      return { ok: true, value: schema(body, '') };
    } catch (error) {
      if (!(error instanceof SchemaError)) throw error;
      return { ok: false, field: error.field, message: error.message };
    }
  };

const text = str(2000);
/** A server names a handful of link origins; more is a broken or hostile answer. */
export const MAX_LINK_ORIGINS = 20;
const money = parseMoney;
const method = oneOfLiteral(...METHODS);
const base64url = str(16384, /^[A-Za-z0-9_-]+={0,2}$/);
const token = str(256, /^[\x21-\x7e]+$/);
const enrollmentToken = str(512, /^[A-Za-z0-9_-]+$/);
/** A WebAuthn credential id as this system writes it: base64url without padding, at most 1024 characters. */
export const CREDENTIAL_ID = /^[A-Za-z0-9_-]{1,1024}$/;
const credentialId = str(1024, CREDENTIAL_ID);
const imageDataUrl = str(4e6, /^data:image\/(jpeg|png|webp);base64,[A-Za-z0-9+/]+={0,2}$/);

// --- responses -------------------------------------------------------------

const paymentResult: Schema<PaymentResult> = obj({
  status: oneOfLiteral('succeeded', 'failed', 'processing'),
  orderId: idSchema,
  paymentId: optional(idSchema),
  amount: money,
  method,
  code: optional(str(64)),
  message: text,
  attemptsLeft: optional(int(0, 100)),
  unlocksAt: optional(isoDateTime),
  enrollmentToken: optional(enrollmentToken),
  at: isoDateTime,
});

export const parsePreverifyResponse: (body: unknown) => PreverifyResponse = response(
  'pre-verification response',
  obj({
    verificationData: arr(obj({ key: str(128), value: unknownValue }), 100),
    ruleBase: ruleBaseSchema,
  }),
);

export const parsePreorderResponse: (body: unknown) => PreorderResponse = response(
  'pre-order response',
  obj({ preorderId: idSchema, orderId: idSchema, amount: money, payeeName: text, expiresAt: isoDateTime }),
);

export const parsePasswordChallenge: (body: unknown) => PasswordChallenge = response(
  'password challenge',
  obj({
    keyId: idSchema,
    publicKeyJwk: obj({ kty: oneOfLiteral('RSA'), n: base64url, e: base64url, alg: optional(oneOfLiteral('RSA-OAEP-256')) }),
    nonce: token,
    expiresAt: isoDateTime,
  }),
);

export const parsePaymentResult: (body: unknown) => PaymentResult = response('payment result', paymentResult);

export const parsePaymentStatusResponse: (body: unknown) => PaymentStatusResponse = response(
  'payment status',
  obj({ status: oneOfLiteral('succeeded', 'failed', 'processing', 'not_found'), result: optional(paymentResult) }),
);

export const parseCheckResourcesResponse: (body: unknown) => CheckResourcesResponse = response(
  'check resources',
  obj({
    checks: arr(obj({ key: str(128), message: text, correctionUrl: optional(str(2048)) }), 100),
    linkOrigins: optional(arr(str(270, HTTPS_ORIGIN), MAX_LINK_ORIGINS)),
  }),
);

export const parseCashierResources: (body: unknown) => CashierResources = response(
  'cashier resources',
  obj({
    passwordComponent: oneOfLiteral('six-digit', 'mixed'),
    shuffleKeys: bool,
    cards: arr(obj({ cardNumber: str(32, /^\d{12,19}$/), masked: str(32), bankName: text }), 20),
    payeeName: text,
    enrolled: optional(obj({ fingerprint: bool, face: bool, credentialIds: arr(credentialId, 100) })),
  }),
);

export const parseApiErrorBody: (body: unknown) => ApiErrorBody = response(
  'error body',
  obj({ code: str(64), message: text, field: optional(str(128)) }),
);

const challenge = { challengeId: idSchema, expiresAt: isoDateTime };

export const parseBiometricChallenge: (body: unknown) => BiometricChallenge = response('biometric challenge', obj(challenge));

export const parseWebAuthnAuthenticationOptions: (body: unknown) => WebAuthnAuthenticationOptions = response(
  'WebAuthn authentication options',
  obj({ ...challenge, options: opaqueObject }),
);

export const parseBiometricEnrollmentResponse: (body: unknown) => BiometricEnrollmentResponse = response(
  'enrollment response',
  obj({ enrolled: oneOfLiteral(true) }),
);

// --- requests (the mock server checks what the browser sends) ---------------

const withPayment = obj({ payment: paymentDataSchema });

/** How the person proved it is them (S231/S241 or the payment password). */
export const authenticationSchema = tagged('method', {
  password: obj({ encryptedPassword: obj({ keyId: idSchema, nonce: token, ciphertext: base64url }) }),
  fingerprint: obj({ challengeId: idSchema, assertion: opaqueObject }),
  face: obj({ challengeId: idSchema, image: imageDataUrl }),
}) as Schema<Authentication>;

export const parsePreverifyRequest: (body: unknown) => RequestValidation<PreverifyRequest> = request(withPayment);
export const parsePreorderRequest: (body: unknown) => RequestValidation<PreorderRequest> = request(withPayment);
export const parsePayRequest: (body: unknown) => RequestValidation<PayRequest> = request(
  obj({ preorderId: idSchema, payment: paymentDataSchema, authentication: authenticationSchema }),
);
export const parsePasswordChallengeRequest: (body: unknown) => RequestValidation<PasswordChallengeRequest> = request(
  obj({ accountId: idSchema, orderId: idSchema, amount: paymentAmountSchema, payeeAccount: idSchema }),
);
export const parseCheckResourcesRequest: (body: unknown) => RequestValidation<CheckResourcesRequest> = request(
  obj({ keys: arr(str(128), 100), locale: oneOfLiteral('zh-CN', 'en-US'), accountId: idSchema }),
);

const enrollment = { accountId: idSchema, enrollmentToken };

export const parseBiometricEnrollmentRequest: (body: unknown) => RequestValidation<BiometricEnrollmentRequest> = request(
  obj(enrollment),
);
export const parseWebAuthnRegistrationVerifyRequest: (body: unknown) => RequestValidation<WebAuthnRegistrationVerifyRequest> =
  request(obj({ ...enrollment, response: opaqueObject }));
export const parseFaceEnrollRequest: (body: unknown) => RequestValidation<FaceEnrollRequest> = request(
  obj({ ...enrollment, image: imageDataUrl }),
);
export const parseBiometricChallengeRequest: (body: unknown) => RequestValidation<BiometricChallengeRequest> = request(
  obj({ accountId: idSchema, orderId: idSchema, amount: paymentAmountSchema }),
);
