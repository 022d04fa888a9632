import type { SingleKeywordResult } from '../core/verification';
import type { CashierResources, PaymentResult, PreorderResponse } from '../core/service-interfaces';
import type { FailedCheck, Locale, Method, PaymentData, PaymentReminder } from '../core/types';
import type { PaymentPhase } from './flow-machine';

export type { PaymentPhase } from './flow-machine';

export interface FlowError {
  code: string;
  message: string;
  field?: string;
}

/** One payment attempt: its idempotency key and the opaque handle of its authentication (held outside the store). */
export interface PaymentAttempt {
  key: string;
  handle: string;
}

/** A wrong password the server refused while attempts remain: the password step stays, with this many left. */
export interface PasswordRetry {
  attemptsLeft: number;
}

/** The payment password is locked (PASSWORD_LOCKED) until this ISO 8601 time. */
export interface PasswordLock {
  unlocksAt: string;
}

/** Serialisable, and free of secrets: no password, ciphertext, assertion, face image or enrolment token. */
export interface PaymentState {
  phase: PaymentPhase;
  /** Increments for every new flow, so a host store can tell one payment from the next. */
  flowId: number;
  locale: Locale;
  /** The validated payment data (validated once, when the flow starts or the person corrects it). */
  payment: PaymentData | null;
  resources: CashierResources | null;
  preorder: PreorderResponse | null;
  checkResults: SingleKeywordResult[];
  failedChecks: FailedCheck[];
  /** Problems with the host's payment data, found once when the flow started (or the person corrected it). */
  inputErrors: FailedCheck[];
  /** The chosen method (the one copy; the view derives what it offers from it). */
  method: Method | null;
  attempt: PaymentAttempt | null;
  /** The server's answer; `enrollmentToken` is never kept here (the flow holds it outside the store). */
  result: PaymentResult | null;
  /** The result carried an enrolment offer for this session. */
  enrollmentOffered: boolean;
  error: FlowError | null;
  /** S5: set once per flow, when the flow ends. */
  reminder: PaymentReminder | null;
  /** The person closed the cashier's last dialog for this flow. */
  closed: boolean;
  /** Set by a wrong password with attempts left (the step stays); cleared by the next attempt or another method. */
  passwordRetry: PasswordRetry | null;
  /** Set by PASSWORD_LOCKED with its unlock time; kept through "Try again" so the step shows the lock. */
  passwordLock: PasswordLock | null;
  /** The host's "Forgot password?" link, kept only when it passed the link rules (null otherwise). */
  forgotPasswordUrl: string | null;
}

export const initialPaymentState: PaymentState = {
  phase: 'idle',
  flowId: 0,
  locale: 'zh-CN',
  payment: null,
  resources: null,
  preorder: null,
  checkResults: [],
  failedChecks: [],
  inputErrors: [],
  method: null,
  attempt: null,
  result: null,
  enrollmentOffered: false,
  error: null,
  reminder: null,
  closed: false,
  passwordRetry: null,
  passwordLock: null,
  forgotPasswordUrl: null,
};
