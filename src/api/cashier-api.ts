import type { AxiosInstance } from 'axios';
import { parseWebAuthnCreationOptions } from '../core/biometric-wire';
import type {
  BiometricChallenge,
  BiometricChallengeRequest,
  BiometricEnrollmentRequest,
  BiometricEnrollmentResponse,
  CashierResources,
  CheckResourcesResponse,
  PasswordChallenge,
  PasswordChallengeRequest,
  PaymentResult,
  PaymentStatusResponse,
  PayRequest,
  PreorderResponse,
  PreverifyResponse,
  WebAuthnAuthenticationOptions,
} from '../core/service-interfaces';
import type { CashierEvent, PaymentData } from '../core/types';
import {
  parseBiometricChallenge,
  parseBiometricEnrollmentResponse,
  parseCashierResources,
  parseCheckResourcesResponse,
  parsePasswordChallenge,
  parsePaymentResult,
  parsePaymentStatusResponse,
  parsePreorderResponse,
  parsePreverifyResponse,
  parseWebAuthnAuthenticationOptions,
} from '../core/wire-validation';
import { createHttp, request } from './http';

/** One typed function per service interface of the payment server (docs/api.md); every failure is an ApiError. */
export interface CashierApi {
  readonly baseUrl: string;
  preverify(payment: PaymentData): Promise<PreverifyResponse>;
  preorder(payment: PaymentData): Promise<PreorderResponse>;
  passwordChallenge(binding: PasswordChallengeRequest): Promise<PasswordChallenge>;
  pay(body: PayRequest, idempotencyKey: string, signal?: AbortSignal): Promise<PaymentResult>;
  /** By attempt (with the key) or by order (without: what became of the order, whoever paid it). */
  paymentStatus(orderId: string, idempotencyKey?: string): Promise<PaymentStatusResponse>;
  checkResources(keys: string[], locale: string, accountId: string): Promise<CheckResourcesResponse>;
  cashierResources(accountId: string): Promise<CashierResources>;
  track(events: CashierEvent[]): Promise<void>;
  webauthnAuthenticationOptions(request: BiometricChallengeRequest, signal?: AbortSignal): Promise<WebAuthnAuthenticationOptions>;
  webauthnRegistrationOptions(request: BiometricEnrollmentRequest, signal?: AbortSignal): Promise<Record<string, unknown>>;
  webauthnRegistrationVerify(request: BiometricEnrollmentRequest, response: unknown, signal?: AbortSignal): Promise<BiometricEnrollmentResponse>;
  faceChallenge(request: BiometricChallengeRequest, signal?: AbortSignal): Promise<BiometricChallenge>;
  faceEnroll(request: BiometricEnrollmentRequest, image: string, signal?: AbortSignal): Promise<BiometricEnrollmentResponse>;
}

const ignoreBody = () => undefined;

export function createCashierApi(baseUrl: string, http: AxiosInstance = createHttp(baseUrl)): CashierApi {
  const post = <T>(url: string, data: unknown, parse: (body: unknown) => T, signal?: AbortSignal, retries = 0) =>
    request(http, { method: 'POST', url, data, signal }, parse, retries);
  return {
    baseUrl,
    preverify: (payment) => post('/preverify', { payment }, parsePreverifyResponse, undefined, 1),
    preorder: (payment) => post('/preorder', { payment }, parsePreorderResponse, undefined, 1),
    passwordChallenge: (binding) => post('/password/challenge', binding, parsePasswordChallenge, undefined, 2),
    // Never retried here: the flow recovers a lost answer through the status query.
    pay: (body, idempotencyKey, signal) =>
      request(
        http,
        { method: 'POST', url: '/pay', data: body, headers: { 'Idempotency-Key': idempotencyKey }, signal },
        parsePaymentResult,
      ),
    paymentStatus: (orderId, idempotencyKey) =>
      request(
        http,
        { method: 'GET', url: '/payments/status', params: idempotencyKey ? { orderId, idempotencyKey } : { orderId } },
        parsePaymentStatusResponse,
      ),
    checkResources: (keys, locale, accountId) => post('/page-resources/checks', { keys, locale, accountId }, parseCheckResourcesResponse, undefined, 1),
    cashierResources: (accountId) =>
      request(http, { method: 'GET', url: '/page-resources/cashier', params: { accountId } }, parseCashierResources, 2),
    track: (events) => post('/track', { events }, ignoreBody),
    webauthnAuthenticationOptions: (req, signal) => post('/webauthn/authentication/options', req, parseWebAuthnAuthenticationOptions, signal),
    webauthnRegistrationOptions: (req, signal) => post('/webauthn/registration/options', req, parseWebAuthnCreationOptions, signal),
    webauthnRegistrationVerify: (req, response, signal) =>
      post('/webauthn/registration/verify', { ...req, response }, parseBiometricEnrollmentResponse, signal),
    faceChallenge: (req, signal) => post('/face/challenge', req, parseBiometricChallenge, signal),
    faceEnroll: (req, image, signal) => post('/face/enroll', { ...req, image }, parseBiometricEnrollmentResponse, signal),
  };
}

const apis = new Map<string, CashierApi>();

/** One client per payment server base URL (its axios instance is reused). */
export function cashierApiFor(baseUrl: string): CashierApi {
  let api = apis.get(baseUrl);
  if (!api) {
    api = createCashierApi(baseUrl);
    apis.set(baseUrl, api);
  }
  return api;
}
