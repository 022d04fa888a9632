// Wire shapes of the payment server's service interfaces, shared by the API client (src/api)
// and the mock payment server (mocks/). Paths are relative to apiBaseUrl (default /api/cashier).
import type { Method, Money, PaymentData } from './types';

/** S211: one datum of the verification data: a keyword (dotted path into PaymentData, optionally `#name`) and its value. */
export interface VerificationItem {
  key: string;
  value: unknown;
}

export type RuleType = 'atMost' | 'atLeast' | 'equals' | 'oneOf' | 'pattern' | 'luhn' | 'notIn' | 'accountStatus';

export interface RuleDefinition {
  rule: RuleType;
  /** Optional human description of the rule, English. */
  description?: string;
}

/** S213: the verification rule base, keyed by the verification keyword. Data, replaceable by the server. */
export interface RuleBase {
  version: string;
  rules: Record<string, RuleDefinition>;
}

/** POST /preverify  body: PreverifyRequest -> PreverifyResponse */
export interface PreverifyRequest {
  payment: PaymentData;
}
export interface PreverifyResponse {
  verificationData: VerificationItem[];
  ruleBase: RuleBase;
}

/** POST /preorder  body: PreorderRequest -> PreorderResponse (holds the order until expiresAt) */
export interface PreorderRequest {
  payment: PaymentData;
}
export interface PreorderResponse {
  preorderId: string;
  orderId: string;
  amount: Money;
  payeeName: string;
  expiresAt: string;
}

/**
 * POST /password/challenge  body: PasswordChallengeRequest -> PasswordChallenge: RSA-OAEP (SHA-256) public key and a
 * single-use nonce bound to one payment: the sealed password pays only this account, order, amount and payee.
 */
export type PasswordChallengeRequest = Pick<PaymentData, 'accountId' | 'orderId' | 'amount' | 'payeeAccount'>;
export interface PasswordChallenge {
  keyId: string;
  publicKeyJwk: JsonWebKey;
  nonce: string;
  expiresAt: string;
}

/** The only form in which a password travels: RSA-OAEP(SHA-256) over UTF-8 JSON {"password","nonce"}, base64url. */
export interface EncryptedPassword {
  keyId: string;
  nonce: string;
  ciphertext: string;
}

export type Authentication =
  | { method: 'password'; encryptedPassword: EncryptedPassword }
  | { method: 'fingerprint'; challengeId: string; assertion: unknown }
  | { method: 'face'; challengeId: string; image: string };

/**
 * S3: POST /pay  header Idempotency-Key; body PayRequest -> PaymentResult (200 for business outcomes).
 * An order already paid under another key answers 409 ORDER_ALREADY_PAID (an ApiErrorBody): the money was taken,
 * by another attempt; the same key replays the original answer. `processing` means the result comes later
 * (status query or message push).
 */
export interface PayRequest {
  preorderId: string;
  payment: PaymentData;
  authentication: Authentication;
}

export type PaymentResultStatus = 'succeeded' | 'failed' | 'processing';

/** S4: the payment result sent by the payment server. */
export interface PaymentResult {
  status: PaymentResultStatus;
  orderId: string;
  paymentId?: string;
  amount: Money;
  method: Method;
  code?: string;
  message: string;
  attemptsLeft?: number;
  unlocksAt?: string;
  /** Present after a verified password: lets the person enrol fingerprint or face in this session. */
  enrollmentToken?: string;
  at: string;
}

/** GET /payments/status?orderId=&idempotencyKey= -> PaymentStatusResponse */
export interface PaymentStatusResponse {
  status: PaymentResultStatus | 'not_found';
  result?: PaymentResult;
}

/** GET /events?orderId=  server-sent events; event `payment`, data: PaymentResult. */

/** POST /page-resources/checks  body: { keys, locale, accountId } -> S221 page resources per failed key. */
export interface CheckResourcesRequest {
  keys: string[];
  locale: string;
  accountId: string;
}
export interface CheckResource {
  key: string;
  message: string;
  correctionUrl?: string;
}
export interface CheckResourcesResponse {
  checks: CheckResource[];
  /** The https origins the server's correction links may point to (its configuration); the client adds the host's. */
  linkOrigins?: string[];
}

/** GET /page-resources/cashier?accountId= -> the seed's SDK identification for the password component. */
export interface CashierResources {
  passwordComponent: 'six-digit' | 'mixed';
  shuffleKeys: boolean;
  /** The account's other cards (masked) that the person may switch to in place. */
  cards: { cardNumber: string; masked: string; bankName: string }[];
  payeeName: string;
  /**
   * What the account has enrolled, so the cashier offers only methods that can pay. A server without it: nothing enrolled.
   * The fingerprint is a WebAuthn credential that lives on one device: `credentialIds` lets the cashier match the
   * account's credentials with the ones this device registered (docs/api.md, GET /page-resources/cashier).
   */
  enrolled?: BiometricEnrolment;
}

/** The account's biometric enrolments, as the page resources answer them. */
export interface BiometricEnrolment {
  /** At least one WebAuthn credential is registered for the account (on some device). */
  fingerprint: boolean;
  /** A face is enrolled for the account (account-wide: any device with a camera can use it). */
  face: boolean;
  /** The account's WebAuthn credential ids (base64url), as /webauthn/authentication/options allows them. */
  credentialIds: string[];
}

/** Every 4xx/5xx answer has this body. */
export interface ApiErrorBody {
  code: string;
  message: string;
  field?: string;
}

// Biometrics (S231/S232 fingerprint, S241/S242 face). Enrollment needs the enrollmentToken of a password payment.

/** POST /webauthn/registration/options -> WebAuthn PublicKeyCredentialCreationOptionsJSON; POST /face/enroll body too. */
export interface BiometricEnrollmentRequest {
  accountId: string;
  enrollmentToken: string;
}
/** POST /webauthn/registration/verify  body: the request plus the browser's RegistrationResponseJSON. */
export interface WebAuthnRegistrationVerifyRequest extends BiometricEnrollmentRequest {
  response: unknown;
}
/** POST /face/enroll  body: the request plus a JPEG data URL of the face in the guide. */
export interface FaceEnrollRequest extends BiometricEnrollmentRequest {
  image: string;
}
/** Answer of both enrollment interfaces. */
export interface BiometricEnrollmentResponse {
  enrolled: true;
}
/** POST /webauthn/authentication/options and POST /face/challenge: a single-use challenge for one order and amount. */
export interface BiometricChallengeRequest {
  accountId: string;
  orderId: string;
  amount: Money;
}
/** Answer of /face/challenge; /webauthn/authentication/options adds `options` (PublicKeyCredentialRequestOptionsJSON). */
export interface BiometricChallenge {
  challengeId: string;
  expiresAt: string;
}
export interface WebAuthnAuthenticationOptions extends BiometricChallenge {
  options: unknown;
}
