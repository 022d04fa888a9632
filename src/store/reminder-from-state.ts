import { buildReminder, verificationFailureCode } from '../core/reminder';
import { finalStatusFor } from './flow-machine';
import type { FinalStatus, PaymentReminder } from '../core/types';
import type { PaymentState } from './payment-state';
import { type PageTranslate, reasonFor } from '../i18n/page-messages';
import { formatTimestamp } from '../i18n/timestamp';

/**
 * The status a close reports. Closed on the password step after a wrong password or the lock, the attempt failed
 * (the server said so, nothing was taken): the host hears `failed` with the reason, as from the result page.
 */
export function closingStatusOf(state: PaymentState): FinalStatus {
  if (state.phase === 'awaitingAuthentication' && (state.passwordRetry || state.passwordLock)) return 'failed';
  return finalStatusFor(state.phase);
}

/** S5: the reminder for the host, from the flow's state, with the message in the chosen locale. */
export function reminderFromState(state: PaymentState, status: FinalStatus, t: PageTranslate): PaymentReminder | null {
  const payment = state.payment;
  if (!payment) return null;
  const method = state.method ?? undefined;
  const result = state.result;
  if ((status === 'succeeded' || status === 'failed') && result) {
    const message = status === 'succeeded' ? t('succeeded') : reasonFor(t, result.code, result.message);
    return buildReminder({ kind: 'result', result, message });
  }
  if (status === 'verification_failed') {
    const code = state.checkResults.length ? verificationFailureCode(state.checkResults) : 'INVALID_PAYMENT_DATA';
    return buildReminder({ kind: 'verification_failed', payment, failedChecks: state.failedChecks, message: t('verification_failed'), code });
  }
  if (status === 'unknown') {
    return buildReminder({ kind: 'unknown', payment, message: t('paymentUnknownBody'), method, code: state.error?.code });
  }
  if (status === 'failed' && state.passwordRetry) {
    const n = state.passwordRetry.attemptsLeft;
    const message = n === 1 ? t('wrongPasswordLastAttempt') : t('wrongPasswordAttempts', { n });
    return { ...buildReminder({ kind: 'unknown', payment, message, method, code: 'WRONG_PASSWORD' }), status: 'failed' };
  }
  if (status === 'failed' && state.passwordLock) {
    const time = formatTimestamp(state.locale, new Date(state.passwordLock.unlocksAt));
    const message = t('lockedUntil', { time });
    return { ...buildReminder({ kind: 'unknown', payment, message, method, code: 'PASSWORD_LOCKED' }), status: 'failed' };
  }
  if (status === 'failed') {
    // A failure without a server result: the request was refused (4xx) and nothing was taken.
    const message = reasonFor(t, state.error?.code, state.error?.message ?? t('failed'));
    return { ...buildReminder({ kind: 'unknown', payment, message, method, code: state.error?.code }), status: 'failed' };
  }
  return buildReminder({ kind: 'cancelled', payment, message: t('cancelled'), method });
}
