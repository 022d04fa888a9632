import { type FormEvent, useId, useState } from 'react';
import { parseMajorAmount, toMajorString } from '../../core/money';
import type { CashierResources } from '../../core/service-interfaces';
import type { FailedCheck, PaymentData } from '../../core/types';
import { useCashier } from '../cashier-page/cashier-context';
import { Dialog } from '../dialog/Dialog';

export interface VerifyFailedDialogProps {
  failedChecks: FailedCheck[];
  payment: PaymentData;
  cards?: CashierResources['cards'];
  amountEditable?: boolean;
  /** Pay again with corrected data, without following a link. */
  onCorrect: (payment: PaymentData) => void;
  onClose: () => void;
}

/** S221/S222: each failed check with its message and, where one exists, a correction link; in-place corrections. */
export function VerifyFailedDialog({ failedChecks, payment, cards = [], amountEditable, onCorrect, onClose }: VerifyFailedDialogProps) {
  const { t } = useCashier();
  const cardId = useId();
  const amountId = useId();
  const amountErrorId = useId();
  // The list works by position: full card numbers stay out of the DOM (an option's value is an attribute).
  const amountCorrectable = amountEditable && failedChecks.some((c) => c.key.startsWith('amount'));
  // When the card is the only thing to correct, another card is preselected: the same card would fail the same way.
  const [cardIndex, setCardIndex] = useState(() => {
    const current = Math.max(0, cards.findIndex((c) => c.cardNumber === payment.payerAccount));
    const other = cards.findIndex((c) => c.cardNumber !== payment.payerAccount);
    return !amountCorrectable && other >= 0 ? other : current;
  });
  const [amountText, setAmountText] = useState(() => safeMajor(payment));
  const [amountError, setAmountError] = useState(false);
  const otherCards = cards.filter((c) => c.cardNumber !== payment.payerAccount);
  const cardCorrectable = otherCards.length > 0 && failedChecks.some((c) => c.key.startsWith('payerAccount') || c.key.startsWith('amount'));

  const submit = (event: FormEvent) => {
    event.preventDefault();
    let amount = payment.amount;
    if (amountCorrectable) {
      try {
        amount = parseMajorAmount(amountText, payment.amount.currency);
        if (amount.amount <= 0) throw new Error('not positive');
      } catch {
        setAmountError(true);
        return;
      }
    }
    onCorrect({ ...payment, payerAccount: cards[cardIndex]?.cardNumber ?? payment.payerAccount, amount });
  };

  return (
    <Dialog title={t('verificationFailed')} onClose={onClose} closeLabel={t('close')} pageId="verify-failed">
      <p>{t('verificationFailedIntro')}</p>
      <ul className="cashier-checks">
        {failedChecks.map((check) => (
          <li key={check.key} className="cashier-checks__item">
            <span>{check.message}</span>
            {check.correctionUrl && (
              <>
                {' '}
                <a href={check.correctionUrl} target="_blank" rel="noopener noreferrer" data-element-id={`correct-${check.key}`}>
                  {t('correct')}
                </a>
              </>
            )}
          </li>
        ))}
      </ul>
      {(cardCorrectable || amountCorrectable) && (
        <form className="cashier-correct" onSubmit={submit}>
          {cardCorrectable && (
            <div className="cashier-field">
              <label htmlFor={cardId}>{t('chooseCard')}</label>
              <select id={cardId} value={cardIndex} onChange={(e) => setCardIndex(Number(e.target.value))} data-element-id="choose-card">
                {cards.map((c, i) => (
                  <option key={c.masked + c.bankName} value={i}>
                    {c.bankName} {c.masked}
                  </option>
                ))}
              </select>
            </div>
          )}
          {amountCorrectable && (
            <div className="cashier-field">
              <label htmlFor={amountId}>{t('changeAmount', { currency: payment.amount.currency })}</label>
              <input
                id={amountId}
                inputMode="decimal"
                autoComplete="off"
                value={amountText}
                aria-invalid={amountError}
                aria-describedby={amountError ? amountErrorId : undefined}
                onChange={(e) => {
                  setAmountText(e.target.value);
                  setAmountError(false);
                }}
                data-element-id="change-amount"
              />
              {amountError && (
                <p id={amountErrorId} className="cashier-field__error" role="alert">
                  {t('amountInvalid')}
                </p>
              )}
            </div>
          )}
          <button type="submit" className="cashier-button cashier-button--primary" data-element-id="pay-again">
            {t('payAgain')}
          </button>
        </form>
      )}
    </Dialog>
  );
}

function safeMajor(payment: PaymentData): string {
  try {
    return toMajorString(payment.amount);
  } catch {
    return '';
  }
}
