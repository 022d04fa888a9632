import type { SingleKeywordResult } from '../core/verification';
import type { CashierResources, PaymentResult, PreorderResponse } from '../core/service-interfaces';
import type { FailedCheck, Locale, Method, PaymentData, PaymentReminder } from '../core/types';

/** The flow as explicit states (issue 3): idle → preverifying → verificationFailed | awaitingAuthentication → paying → succeeded | failed | unknown, plus cancelled. */
export type PaymentPhase =
  | 'idle'
  | 'preverifying'
  | 'verificationFailed'
  | 'awaitingAuthentication'
  | 'paying'
  | 'succeeded'
  | 'failed'
  | 'unknown'
  | 'cancelled';

export interface FlowError {
  code: string;
  message: string;
  field?: string;
}

export interface PaymentState {
  phase: PaymentPhase;
  /** Increments for every new flow, so a host store can tell one payment from the next. */
  flowId: number;
  apiBaseUrl: string;
  locale: Locale;
  payment: PaymentData | null;
  resources: CashierResources | null;
  preorder: PreorderResponse | null;
  checkResults: SingleKeywordResult[];
  failedChecks: FailedCheck[];
  method: Method | null;
  /** Created once per payment attempt and reused on every retry of that attempt. */
  idempotencyKey: string | null;
  result: PaymentResult | null;
  error: FlowError | null;
  reminder: PaymentReminder | null;
}

export const initialPaymentState: PaymentState = {
  phase: 'idle',
  flowId: 0,
  apiBaseUrl: '/api/cashier',
  locale: 'zh-CN',
  payment: null,
  resources: null,
  preorder: null,
  checkResults: [],
  failedChecks: [],
  method: null,
  idempotencyKey: null,
  result: null,
  error: null,
  reminder: null,
};
