// The public contract (docs/api.md, Options and results): options, payment data, results, buried points.

/** Money is integer minor units plus an ISO 4217 code; never a float. */
export interface Money {
  amount: number;
  currency: string;
}

/** S1: the payment data a client sends. */
export interface PaymentData {
  orderId: string;
  accountId: string;
  amount: Money;
  payerAccount: string;
  payeeAccount: string;
}

export type Method = 'password' | 'fingerprint' | 'face';
export const METHODS: readonly Method[] = ['password', 'fingerprint', 'face'];

export type Locale = 'zh-CN' | 'en-US';

export type FinalStatus = 'succeeded' | 'failed' | 'verification_failed' | 'cancelled' | 'unknown';

export interface FailedCheck {
  key: string;
  message: string;
  correctionUrl?: string;
}

/** S5: reminder information sent to the client. */
export interface PaymentReminder {
  status: FinalStatus;
  orderId: string;
  paymentId?: string;
  amount: Money;
  method?: Method;
  code?: string;
  message: string;
  failedChecks?: FailedCheck[];
  at: string;
}

export type CashierEvent =
  | { type: 'page_view'; clientId: string; pageId: string; at: string }
  | { type: 'element_click'; clientId: string; pageId: string; elementId: string; at: string }
  | { type: string; clientId: string; at: string; [k: string]: unknown };

export interface CashierOptions {
  payment: PaymentData;
  clientId: string;
  apiBaseUrl?: string;
  methods?: Method[];
  locale?: Locale;
  theme?: Record<string, string>;
  store?: unknown;
  onReminder?: (reminder: PaymentReminder) => void;
  onEvent?: (event: CashierEvent) => void;
  /** Host allows the person to change the amount in the verification-failed dialog. */
  amountEditable?: boolean;
  /** Host consent for sending buried points to the server; onEvent still receives them. Default true. */
  trackingEnabled?: boolean;
  /** Shown as "Forgot password?" on the password step; held to the same rules as correction links. */
  forgotPasswordUrl?: string;
  /** https origins that correction and help links may point to, added to the payment server's list. */
  allowedLinkOrigins?: string[];
  /**
   * openCashier and mountCashier only: 'shadow' (default) renders inside an open shadow root, so the host's CSS
   * neither reaches nor breaks the cashier; 'none' renders in the host's DOM, for hosts that theme with their own CSS.
   * Read once, when the cashier is opened or mounted.
   */
  isolation?: 'shadow' | 'none';
}
