import { useEffect, useState } from 'react';
import { formatMoney } from '../../core/money';
import { maskCardNumber } from '../../core/payment-data';
import type { PaymentData } from '../../core/types';
import { useCashier } from './cashier-context';

/** Amount, payee, masked card and, once the pre-order holds the order, its expiry as a countdown. */
export function OrderSummary({ payment, payeeName, expiresAt }: { payment: PaymentData; payeeName?: string; expiresAt?: string }) {
  const { t, locale } = useCashier();
  let amount: string;
  try {
    amount = formatMoney(payment.amount, locale);
  } catch {
    amount = '—';
  }
  return (
    <section className="cashier-summary" aria-label={t('cashierTitle')}>
      <p className="cashier-summary__amount" data-testid="amount">
        <span className="cashier-visually-hidden">{t('amount')} </span>
        {amount}
      </p>
      <dl className="cashier-summary__details">
        <div>
          <dt>{t('payee')}</dt>
          <dd>{payeeName ?? payment.payeeAccount}</dd>
        </div>
        <div>
          <dt>{t('payerCard')}</dt>
          <dd>{maskCardNumber(payment.payerAccount)}</dd>
        </div>
      </dl>
      {expiresAt && <Countdown expiresAt={expiresAt} />}
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
  if (left === 0) return <p className="cashier-summary__expiry">{t('orderExpired')}</p>;
  const time = `${Math.floor(left / 60)}:${String(left % 60).padStart(2, '0')}`;
  // Not a live region: a ticking announcement every second would drown everything else.
  return <p className="cashier-summary__expiry">{t('expiresIn', { time })}</p>;
}
