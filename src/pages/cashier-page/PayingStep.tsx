import { useEffect, useId, useState } from 'react';
import type { PaymentData } from '../../core/types';
import { usePageView } from '../../tracking/TrackerContext';
import { SheetHeading } from '../../widgets/shared/SheetHeading';
import { useCashier } from './cashier-context';
import { useShownAmount } from './OrderSummary';
import { STILL_CHECKING_AFTER_MS } from './still-checking';

/** The sheet while /pay and its recovery run: a spinner, the amount, and "Still checking with the bank…" when it takes long. */
export function PayingStep({ payment, recovering }: { payment: PaymentData; recovering: boolean }) {
  const { t } = useCashier();
  const titleId = useId();
  const amount = useShownAmount(payment);
  const [late, setLate] = useState(false);
  usePageView('paying');
  useEffect(() => {
    const timer = setTimeout(() => setLate(true), STILL_CHECKING_AFTER_MS);
    return () => clearTimeout(timer);
  }, []);
  return (
    <div className="cashier-step cashier-paying" data-page-id="paying">
      <SheetHeading id={titleId}>
        {t('paying')}
      </SheetHeading>
      <div className="cashier-paying__body">
        <span className="cashier-spinner cashier-spinner--large" aria-hidden="true" />
        <p className="cashier-paying__amount">{amount}</p>
        {/* The line is there from the start (empty), so the text arriving moves nothing. */}
        <p className="cashier-paying__late" role="status">
          {late || recovering ? t('stillChecking') : ''}
        </p>
      </div>
    </div>
  );
}
