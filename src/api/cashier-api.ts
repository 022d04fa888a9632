import type { AxiosInstance } from 'axios';
import type {
  CashierResources,
  CheckResourcesResponse,
  PasswordChallenge,
  PaymentResult,
  PaymentStatusResponse,
  PayRequest,
  PreorderResponse,
  PreverifyResponse,
} from '../core/service-interfaces';
import type { CashierEvent, PaymentData } from '../core/types';
import {
  parseCashierResources,
  parseCheckResourcesResponse,
  parsePasswordChallenge,
  parsePaymentResult,
  parsePaymentStatusResponse,
  parsePreorderResponse,
  parsePreverifyResponse,
} from '../core/wire-validation';
import { createHttp, request } from './http';

/** One typed function per service interface of the payment server (docs/api.md). */
export interface CashierApi {
  readonly baseUrl: string;
  preverify(payment: PaymentData): Promise<PreverifyResponse>;
  preorder(payment: PaymentData): Promise<PreorderResponse>;
  passwordChallenge(accountId: string): Promise<PasswordChallenge>;
  pay(body: PayRequest, idempotencyKey: string, signal?: AbortSignal): Promise<PaymentResult>;
  paymentStatus(orderId: string, idempotencyKey: string): Promise<PaymentStatusResponse>;
  checkResources(keys: string[], locale: string, accountId: string): Promise<CheckResourcesResponse>;
  cashierResources(accountId: string): Promise<CashierResources>;
  track(events: CashierEvent[]): Promise<void>;
}

const ignoreBody = () => undefined;

export function createCashierApi(baseUrl: string, http: AxiosInstance = createHttp(baseUrl)): CashierApi {
  return {
    baseUrl,
    preverify: (payment) => request(http, { method: 'POST', url: '/preverify', data: { payment } }, parsePreverifyResponse, 1),
    preorder: (payment) => request(http, { method: 'POST', url: '/preorder', data: { payment } }, parsePreorderResponse, 1),
    passwordChallenge: (accountId) =>
      request(http, { method: 'GET', url: '/password/challenge', params: { accountId } }, parsePasswordChallenge, 2),
    // Never retried here: the payment thunk recovers a lost answer through the status query.
    pay: (body, idempotencyKey, signal) =>
      request(
        http,
        { method: 'POST', url: '/pay', data: body, headers: { 'Idempotency-Key': idempotencyKey }, signal },
        parsePaymentResult,
      ),
    paymentStatus: (orderId, idempotencyKey) =>
      request(http, { method: 'GET', url: '/payments/status', params: { orderId, idempotencyKey } }, parsePaymentStatusResponse),
    checkResources: (keys, locale, accountId) =>
      request(http, { method: 'POST', url: '/page-resources/checks', data: { keys, locale, accountId } }, parseCheckResourcesResponse, 1),
    cashierResources: (accountId) =>
      request(http, { method: 'GET', url: '/page-resources/cashier', params: { accountId } }, parseCashierResources, 2),
    track: (events) => request(http, { method: 'POST', url: '/track', data: { events } }, ignoreBody),
  };
}

const apis = new Map<string, CashierApi>();

/** Thunks receive the base URL (serialisable) and look up the client here. */
export function cashierApiFor(baseUrl: string): CashierApi {
  let api = apis.get(baseUrl);
  if (!api) {
    api = createCashierApi(baseUrl);
    apis.set(baseUrl, api);
  }
  return api;
}
