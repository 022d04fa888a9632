import { useEffect, useState } from 'react';
import { formatMoney } from '../../core/money';
import { maskCardNumber } from '../../core/payment-data';
import type { PaymentData } from '../../core/types';
import { useCashier } from './cashier-context';

/** The amount for display, or a dash for an amount that cannot be formatted (invalid host input). */
export function useShownAmount(payment: PaymentData): string {
  const { locale } = useCashier();
  try {
    return formatMoney(payment.amount, locale);
  } catch {
    return '—';
  }
}

/** The payee's display name; a placeholder of the same height until the page resources bring it (never the raw id). */
export function PayeeName({ name }: { name?: string }) {
  const { t } = useCashier();
  if (name) return <>{name}</>;
  return (
    <span className="cashier-skeleton-text" aria-busy="true">
      <span className="cashier-visually-hidden">{t('loading')}</span>
    </span>
  );
}

/** Amount, payee and masked card, as the summary and the password step both show them; `block` names their CSS block. */
export function PaymentFacts({ payment, payeeName, block, amountTestId }: { payment: PaymentData; payeeName?: string; block: string; amountTestId?: string }) {
  const { t } = useCashier();
  const amount = useShownAmount(payment);
  return (
    <>
      <p className={`${block}__amount`} data-testid={amountTestId}>
        <span className="cashier-visually-hidden">{t('amount')} </span>
        {amount}
      </p>
      <dl className={`${block}__details`}>
        <div>
          <dt>{t('payee')}</dt>
          <dd>
            <PayeeName name={payeeName} />
          </dd>
        </div>
        <div>
          <dt>{t('payerCard')}</dt>
          <dd>{maskCardNumber(payment.payerAccount)}</dd>
        </div>
      </dl>
    </>
  );
}

/** Amount, payee, masked card and the order's expiry (its line reserved from the start, so nothing moves). */
export function OrderSummary({ payment, payeeName, expiresAt }: { payment: PaymentData; payeeName?: string; expiresAt?: string }) {
  return (
    <section className="cashier-summary">
      <PaymentFacts payment={payment} payeeName={payeeName} block="cashier-summary" amountTestId="amount" />
      <p className="cashier-summary__expiry">{expiresAt ? <Countdown expiresAt={expiresAt} /> : null}</p>
    </section>
  );
}

function Countdown({ expiresAt }: { expiresAt: string }) {
  const { t } = useCashier();
  const end = Date.parse(expiresAt);
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, []);
  if (!Number.isFinite(end)) return null;
  const left = Math.max(0, Math.floor((end - now) / 1000));
  if (left === 0) return <>{t('orderExpired')}</>;
  const time = `${Math.floor(left / 60)}:${String(left % 60).padStart(2, '0')}`;
  // Not a live region: a ticking announcement every second would drown everything else.
  return <>{t('expiresIn', { time })}</>;
}
