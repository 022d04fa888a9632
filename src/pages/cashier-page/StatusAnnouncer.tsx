import { isSettling } from '../../store/flow-machine';
import type { PaymentPhase } from '../../store/payment-state';
import { useCashier } from './cashier-context';

/** Announces status changes to screen readers through one polite live region. */
export function StatusAnnouncer({ phase }: { phase: PaymentPhase }) {
  const { t } = useCashier();
  const text =
    phase === 'preverifying'
      ? t('preverifying')
      : isSettling(phase)
        ? t('paying')
        : phase === 'succeeded'
          ? t('paymentSuccessful')
          : phase === 'failed'
            ? t('paymentFailed')
            : phase === 'verificationFailed'
              ? t('verificationFailed')
              : phase === 'unknown'
                ? t('paymentUnknown')
                : '';
  return (
    <p className="cashier-visually-hidden" role="status" aria-live="polite">
      {text}
    </p>
  );
}
