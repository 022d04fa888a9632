import { type FormEvent, useId, useState } from 'react';
import { chooseCard } from '../../core/card-choice';
import { minorUnitsOf } from '../../core/money';
import { currencySign, formatMoneyInput, type MoneyInputProblem, parseMoneyInput } from '../../core/money-input';
import { keywordPath } from '../../core/rule-base';
import type { CashierResources } from '../../core/service-interfaces';
import type { FailedCheck, PaymentData } from '../../core/types';
import type { SingleKeywordResult } from '../../core/verification';
import type { PageTranslate } from '../../i18n/page-messages';
import { useCashier } from '../cashier-page/cashier-context';
import { Dialog } from '../dialog/Dialog';
import './verify-failed-dialog.css';

export interface VerifyFailedDialogProps {
  failedChecks: FailedCheck[];
  payment: PaymentData;
  cards?: CashierResources['cards'];
  amountEditable?: boolean;
  /** The verification's per-keyword results (rule and datum): the card switcher evaluates them for each card. */
  checkResults?: SingleKeywordResult[];
  /** Pay again with corrected data, without following a link. */
  onCorrect: (payment: PaymentData) => void;
  onClose: () => void;
}

const isAmountCheck = (key: string) => keywordPath(key).startsWith('amount');
const isCardCheck = (key: string) => keywordPath(key) === 'payerAccount';
// The single limit is the card's bank's: another card can mend it as well as another amount can.
const isCardBound = (key: string) => isCardCheck(key) || keywordPath(key) === 'amount.amount';

function problemText(t: PageTranslate, problem: MoneyInputProblem, currency: string): string {
  if (problem === 'NOT_POSITIVE') return t('amountNotPositive');
  if (problem === 'TOO_MANY_DECIMALS') return t('amountTooManyDecimals', { n: minorUnitsOf(currency) });
  return t('amountInvalid');
}

/** S221/S222: each failed check with its message and, where one exists, a correction link; in-place corrections. */
export function VerifyFailedDialog({ failedChecks, payment, cards = [], amountEditable, checkResults, onCorrect, onClose }: VerifyFailedDialogProps) {
  const { t, locale } = useCashier();
  const baseId = useId();
  const cardId = `${baseId}-card`;
  const amountId = `${baseId}-amount`;
  const amountErrorId = `${baseId}-amount-error`;
  const checkId = (i: number) => `${baseId}-check-${i}`;
  const idsWhere = (test: (key: string) => boolean) =>
    failedChecks.flatMap((c, i) => (test(c.key) ? [checkId(i)] : [])).join(' ') || undefined;
  const currency = payment.amount.currency;
  const amountCorrectable = Boolean(amountEditable) && failedChecks.some((c) => isAmountCheck(c.key));
  const currentCard = cards.findIndex((c) => c.cardNumber === payment.payerAccount);
  // The first card the rule base says would pass; never the card that just failed while another exists.
  const [cardIndex, setCardIndex] = useState(() => chooseCard(cards, payment, checkResults ?? []).index);
  const [amountText, setAmountText] = useState(() => safeFormatted(payment, locale));
  const [problem, setProblem] = useState<MoneyInputProblem | null>(null);
  const otherCards = cards.filter((c) => c.cardNumber !== payment.payerAccount);
  const cardCorrectable = otherCards.length > 0 && failedChecks.some((c) => isCardBound(c.key));

  const parsed = parseMoneyInput(amountText, currency);
  // The amount that failed stays marked until the person changes it; a malformed one until they type again.
  const amountUnchanged = parsed.ok && parsed.money.amount === payment.amount.amount;
  const amountInvalid = problem !== null || (amountUnchanged && failedChecks.some((c) => isAmountCheck(c.key)));
  const cardInvalid = cardIndex === currentCard && failedChecks.some((c) => isCardBound(c.key));

  const submit = (event: FormEvent) => {
    event.preventDefault();
    let amount = payment.amount;
    if (amountCorrectable) {
      if (!parsed.ok) {
        setProblem(parsed.problem);
        return;
      }
      amount = parsed.money;
    }
    onCorrect({ ...payment, payerAccount: cards[cardIndex]?.cardNumber ?? payment.payerAccount, amount });
  };

  return (
    <Dialog title={t('verificationFailed')} onClose={onClose} closeLabel={t('close')} pageId="verify-failed">
      <p>{t('verificationFailedIntro')}</p>
      <ul className="cashier-checks">
        {failedChecks.map((check, i) => (
          <li key={check.key} className="cashier-checks__item">
            <span id={checkId(i)}>{check.message}</span>
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
        <form className="cashier-correct" onSubmit={submit} noValidate>
          {cardCorrectable && (
            <div className="cashier-field">
              <label htmlFor={cardId}>{t('chooseCard')}</label>
              {/* Options work by position: full card numbers stay out of the DOM (an option's value is an attribute). */}
              <select
                id={cardId}
                value={cardIndex}
                onChange={(e) => setCardIndex(Number(e.target.value))}
                aria-invalid={cardInvalid}
                aria-describedby={cardInvalid ? idsWhere(isCardBound) : undefined}
                data-element-id="choose-card"
              >
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
              <label htmlFor={amountId}>{t('changeAmount', { currency })}</label>
              <div className="cashier-money">
                <span className="cashier-money__sign" aria-hidden="true">
                  {safeSign(currency, locale)}
                </span>
                <input
                  id={amountId}
                  inputMode="decimal"
                  autoComplete="off"
                  value={amountText}
                  aria-invalid={amountInvalid}
                  aria-describedby={problem ? amountErrorId : amountInvalid ? idsWhere(isAmountCheck) : undefined}
                  onChange={(e) => {
                    setAmountText(e.target.value);
                    setProblem(null);
                  }}
                  // Grouping on blur when the text is an amount; anything else stays as typed, with the reason.
                  onBlur={() => {
                    if (parsed.ok) setAmountText(formatMoneyInput(parsed.money, locale));
                    else if (amountText.trim() !== '') setProblem(parsed.problem);
                  }}
                  data-element-id="change-amount"
                />
              </div>
              {problem && (
                <p id={amountErrorId} className="cashier-field__error" role="alert">
                  {problemText(t, problem, currency)}
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

function safeFormatted(payment: PaymentData, locale: 'zh-CN' | 'en-US'): string {
  try {
    return formatMoneyInput(payment.amount, locale);
  } catch {
    return '';
  }
}

function safeSign(currency: string, locale: 'zh-CN' | 'en-US'): string {
  try {
    return currencySign(currency, locale);
  } catch {
    return currency;
  }
}
