import type { Authentication } from '../../core/service-interfaces';
import type { Locale, Money } from '../../core/types';

/** What the fingerprint and face payment widgets both take (S231/S241). */
export interface BiometricVerifyProps {
  /** Default 'zh-CN'. */
  locale?: Locale;
  /** The payment server; default '/api/cashier'. */
  apiBaseUrl?: string;
  accountId: string;
  orderId: string;
  amount: Money;
  /** The biometric data to be identified: send it in the payment request (S232/S242). */
  onAuthenticated: (authentication: Authentication) => void;
  /** Cancel, timeout, "not recognised" and every device problem offer this way back. */
  onUsePassword: () => void;
  /** The close button and Escape; default onUsePassword. */
  onCancel?: () => void;
}

/** What the fingerprint and face enrolment widgets both take. */
export interface BiometricEnrollProps {
  locale?: Locale;
  apiBaseUrl?: string;
  accountId: string;
  /** From the PaymentResult of a payment made with the password in this session. */
  enrollmentToken: string;
  /** The server stored the credential (its id, so the page can remember this device holds it) or the face. */
  onEnrolled?: (detail?: { credentialId?: string }) => void;
  /** Close button, Escape, and "Done" afterwards. */
  onClose: () => void;
}
