import { type CashierApi, cashierApiFor } from '../api/cashier-api';
import { subscribePaymentResult } from '../api/message-push';
import type { PaymentResult } from '../core/service-interfaces';
import type { PaymentReminder } from '../core/types';
import { AuthenticationVault } from './authentication-vault';

/** Where the flow's buried points and its reminder go; the cashier UI (or a headless host) sets them. */
export interface FlowHooks {
  track?: (type: string, data: Record<string, unknown>) => void;
  onReminder?: (reminder: PaymentReminder) => void;
}

/** What the flow's thunks and listeners reach through the thunk middleware's `extraArgument`. */
export interface CashierServices {
  readonly api: CashierApi;
  readonly vault: AuthenticationVault;
  /** Message push for one order; returns the function that closes it. */
  readonly subscribePush: (orderId: string, onResult: (result: PaymentResult) => void) => () => void;
  /** https origins correction and help links may point to, besides the payment server's list. */
  readonly allowedLinkOrigins: readonly string[];
  /** How long a lost payment answer is looked for before the outcome is reported as unknown. */
  readonly recoveryDeadlineMs: number;
  readonly sleep: (ms: number) => Promise<void>;
  readonly hooks: FlowHooks;
}

export interface CashierServicesOptions {
  /** The payment server's base URL: the one place it is set. Default '/api/cashier'. */
  apiBaseUrl?: string;
  allowedLinkOrigins?: readonly string[];
  recoveryDeadlineMs?: number;
  /** Tests and headless hosts may bring their own client (another transport, say). */
  api?: CashierApi;
  subscribePush?: CashierServices['subscribePush'];
  sleep?: (ms: number) => Promise<void>;
  hooks?: FlowHooks;
}

export const DEFAULT_RECOVERY_MS = 45_000;

const wait = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export function createCashierServices(options: CashierServicesOptions = {}): CashierServices {
  const api = options.api ?? cashierApiFor(options.apiBaseUrl ?? '/api/cashier');
  return {
    api,
    vault: new AuthenticationVault(),
    subscribePush: options.subscribePush ?? ((orderId, onResult) => subscribePaymentResult(api.baseUrl, orderId, onResult)),
    allowedLinkOrigins: (options.allowedLinkOrigins ?? []).filter((origin) => typeof origin === 'string'),
    recoveryDeadlineMs: options.recoveryDeadlineMs ?? DEFAULT_RECOVERY_MS,
    sleep: options.sleep ?? wait,
    hooks: options.hooks ?? {},
  };
}
