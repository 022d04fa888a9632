import type { FinalStatus, PaymentReminder } from '../../core/types';
import type { PaymentState } from '../../store/payment-state';
import { type PageTranslate, reasonFor } from '../page-messages';

/** S5: the reminder information for the host, in the shape of contract §2, from the flow's state. */
export function reminderFromState(state: PaymentState, status: FinalStatus, t: PageTranslate): PaymentReminder | null {
  const payment = state.payment;
  if (!payment) return null;
  const result = state.result;
  const code = status === 'failed' || status === 'unknown' ? (result?.code ?? state.error?.code) : undefined;
  const message =
    status === 'failed'
      ? reasonFor(t, code, result?.message ?? state.error?.message ?? t('failed'))
      : status === 'unknown'
        ? t('paymentUnknownBody')
        : t(status);
  const reminder: PaymentReminder = {
    status,
    orderId: payment.orderId,
    amount: { ...payment.amount },
    message,
    at: new Date().toISOString(),
  };
  if (result?.paymentId && status === 'succeeded') reminder.paymentId = result.paymentId;
  if (state.method && status !== 'verification_failed') reminder.method = state.method;
  if (code) reminder.code = code;
  if (status === 'verification_failed') reminder.failedChecks = state.failedChecks.map((c) => ({ ...c }));
  return reminder;
}
