// All of the mock's state, in memory, in one store; __admin/reset puts it back to the fixtures.
import type { PaymentResult } from '../src/core/service-interfaces';
import type { CashierEvent, Money, PaymentData } from '../src/core/types';
import { type AccountRecord, fixtureAccounts } from './fixtures';
import { NORMAL_SCENARIO, type Scenario } from './scenario';

export interface MockConfig {
  /** WebAuthn relying party id (used by the fingerprint interfaces). */
  rpId: string;
  /** Origins allowed besides any http://localhost:* and http://127.0.0.1:*. */
  origins: string[];
  /** Interval of SSE heartbeat comments. */
  heartbeatMs: number;
  /** Clock in epoch milliseconds; tests replace it to move time. */
  now: () => number;
  /** The https origins correction links may point to; others are dropped from page resources. */
  linkOrigins: readonly string[];
  /** Limits of POST /password/challenge per fixed window. */
  challengeRateLimit: ChallengeRateLimit;
}

export interface ChallengeRateLimit {
  windowMs: number;
  /** Challenges per account per window. */
  perAccount: number;
  /** Challenges per client (remote address, and the X-Cashier-Client header when sent) per window. */
  perClient: number;
}

export interface Charge {
  paymentId: string;
  orderId: string;
  accountId: string;
  amount: Money;
  at: string;
}

export interface PasswordLock {
  failures: number;
  lockedUntil?: number;
  /** Attempts reserved and being verified right now: they count against the budget until they settle. */
  pending: number;
}

export interface Preorder {
  preorderId: string;
  payment: PaymentData;
  expiresAt: number;
}

/** A password nonce: single use, bound to the one payment it was issued for. */
export interface NonceRecord {
  accountId: string;
  orderId: string;
  amount: Money;
  payeeAccount: string;
  expiresAt: number;
  used: boolean;
}

export interface EnrollmentToken {
  accountId: string;
  expiresAt: number;
  /**
   * The methods it has enrolled: one fingerprint and one face enrolment per verified password (the success dialog offers
   * both), each spent by the first enrolment of that method that starts with it.
   */
  usedFor: ('fingerprint' | 'face')[];
}

/** A /pay answer kept for replay and the status query; it never holds the enrollment token. */
export interface StoredResponse {
  status: number;
  body: string;
  result?: PaymentResult;
}

/** Requests counted in the current fixed window of one rate-limit key. */
export interface RateWindow {
  start: number;
  count: number;
}

export interface IdempotencyRecord {
  fingerprint: string;
  orderId: string;
  pending: Promise<StoredResponse>;
  response?: StoredResponse;
}

export type ResultListener = (result: PaymentResult) => void;

/** Caps keep a long-running dev server's memory bounded. */
export const MAX_TRACKING_EVENTS = 50_000;

export class MockStore {
  accounts = new Map<string, AccountRecord>();
  passwordLocks = new Map<string, PasswordLock>();
  charges: Charge[] = [];
  preorders = new Map<string, Preorder>();
  idempotency = new Map<string, IdempotencyRecord>();
  orderResults = new Map<string, PaymentResult>();
  nonces = new Map<string, NonceRecord>();
  enrollmentTokens = new Map<string, EnrollmentToken>();
  rateWindows = new Map<string, RateWindow>();
  /** Bumped by reset(): work scheduled before a reset (a processing payment) sees it and does nothing. */
  generation = 0;
  trackingEvents: CashierEvent[] = [];
  scenario: Scenario = NORMAL_SCENARIO;
  /** Live SSE connections per orderId: connections, not data, so reset leaves them open. */
  readonly listeners = new Map<string, Set<ResultListener>>();
  /** Run by close(): ends SSE streams and pending delays. */
  readonly cleanups = new Set<() => void>();

  constructor(readonly config: MockConfig) {
    this.reset();
  }

  now(): number {
    return this.config.now();
  }

  nowIso(): string {
    return new Date(this.now()).toISOString();
  }

  reset(): void {
    this.accounts = new Map(fixtureAccounts().map((account) => [account.accountId, account]));
    this.passwordLocks = new Map();
    this.charges = [];
    this.preorders = new Map();
    this.idempotency = new Map();
    this.orderResults = new Map();
    this.nonces = new Map();
    this.enrollmentTokens = new Map();
    this.rateWindows = new Map();
    this.generation += 1;
    this.trackingEvents = [];
    this.scenario = NORMAL_SCENARIO;
  }

  /** An order's result; a success is final, so later attempts (ORDER_ALREADY_PAID) never hide it. */
  settleOrder(result: PaymentResult): void {
    if (this.orderResults.get(result.orderId)?.status === 'succeeded') return;
    this.orderResults.set(result.orderId, result);
    for (const listener of this.listeners.get(result.orderId) ?? []) listener(result);
  }

  subscribe(orderId: string, listener: ResultListener): () => void {
    const set = this.listeners.get(orderId) ?? new Set<ResultListener>();
    set.add(listener);
    this.listeners.set(orderId, set);
    return () => {
      set.delete(listener);
      if (set.size === 0) this.listeners.delete(orderId);
    };
  }

  /** Drops expired single-use records so the maps do not grow without end. */
  pruneExpired(): void {
    const now = this.now();
    for (const [nonce, record] of this.nonces) if (record.expiresAt <= now) this.nonces.delete(nonce);
    for (const [id, preorder] of this.preorders) if (preorder.expiresAt <= now) this.preorders.delete(id);
    for (const [token, record] of this.enrollmentTokens) if (record.expiresAt <= now) this.enrollmentTokens.delete(token);
    const window = this.config.challengeRateLimit.windowMs;
    for (const [key, record] of this.rateWindows) if (record.start + window <= now) this.rateWindows.delete(key);
  }
}
