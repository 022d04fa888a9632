import { type ReactNode, useEffect } from 'react';
import { formatMoney } from '../../core/money';
import { maskCardNumber } from '../../core/payment-data';
import type { PaymentResult } from '../../core/service-interfaces';
import type { Locale, PaymentData } from '../../core/types';
import { formatTimestamp, prepareTimestampFormat } from '../../i18n/timestamp';
import { reasonFor } from '../../i18n/page-messages';
import { useCashier } from '../cashier-page/cashier-context';
import { Dialog } from '../dialog/Dialog';
import { whenIdle } from '../lazy-step/when-idle';
import { LockedNotice } from '../../widgets/shared/LockedNotice';
import { CopyableId } from './CopyableId';
import { resultMessages } from './messages';
import { ResultIcon } from './ResultIcon';
import './result-dialog.css';

export interface ResultDialogProps {
  kind: 'succeeded' | 'failed' | 'unknown';
  payment: PaymentData;
  payeeName?: string;
  result: PaymentResult | null;
  errorMessage?: string;
  canUseAnotherMethod: boolean;
  onClose: () => void;
  onTryAgain?: () => void;
  onUseAnotherMethod?: () => void;
  onCheckAgain?: () => void;
  /** After a verified password: the offer to enable fingerprint or face payment, a secondary card under the actions. */
  enrollOffer?: ReactNode;
  /** The payer card's bank (from the page resources), shown with the masked card. */
  bankName?: string;
}

/**
 * Rendered while the person authenticates: the result's time formatter is built when the main thread is idle, so the
 * page's first date format (tens of ms) is not paid between the payment's answer and the result painted.
 */
export function ResultDialogAhead({ locale }: { locale: Locale }) {
  useEffect(() => whenIdle(() => prepareTimestampFormat(locale)), [locale]);
  return null;
}

interface Action {
  label: string;
  onClick: () => void;
  id: string;
}

/** S51/S52: the payment success or failure page: the outcome's mark and colour, the amount, one primary action. */
export function ResultDialog(props: ResultDialogProps) {
  const { kind, payment, payeeName, result, errorMessage, canUseAnotherMethod, onClose, onTryAgain, onUseAnotherMethod, onCheckAgain, enrollOffer, bankName } =
    props;
  const { t, locale } = useCashier();
  const m = resultMessages(locale);
  const title = kind === 'succeeded' ? t('paymentSuccessful') : kind === 'failed' ? t('paymentFailed') : t('paymentUnknown');
  const at = result?.at ? new Date(result.at) : null;
  const locked = result?.code === 'PASSWORD_LOCKED';
  const remedies = failureRemedies(result?.code);
  const card = maskCardNumber(payment.payerAccount);
  const [primary, secondary] = resultActions(kind, {
    tryAgain: kind === 'failed' && onTryAgain && remedies.tryAgain ? { label: t('tryAgain'), onClick: onTryAgain, id: 'try-again' } : undefined,
    another:
      kind === 'failed' && onUseAnotherMethod && canUseAnotherMethod && remedies.anotherMethod
        ? { label: m.payAnotherWay, onClick: onUseAnotherMethod, id: 'use-another-method' }
        : undefined,
    checkAgain: kind === 'unknown' && onCheckAgain ? { label: t('checkAgain'), onClick: onCheckAgain, id: 'check-again' } : undefined,
    done: { label: t('done'), onClick: onClose, id: 'done' },
  });
  return (
    <Dialog title={title} onClose={onClose} closeLabel={t('close')} pageId={`result-${kind}`}>
      <div className={`cashier-result cashier-result--${kind}`}>
        <div className="cashier-result__hero">
          <ResultIcon kind={kind} />
          {kind === 'unknown' && <p className="cashier-result__headline">{m.confirming}</p>}
          <p className="cashier-result__amount">{formatMoney(payment.amount, locale)}</p>
        </div>
        {kind === 'failed' && (
          <p className="cashier-result__reason" data-testid="failure-reason">
            {reasonFor(t, result?.code, result?.message ?? errorMessage ?? t('errorGeneric'))}
          </p>
        )}
        {kind === 'failed' && typeof result?.attemptsLeft === 'number' && !locked && (
          <p className="cashier-result__note">{t('attemptsLeft', { n: result.attemptsLeft })}</p>
        )}
        {locked && result?.unlocksAt && (
          <p className="cashier-result__note">{t('lockedUntil', { time: formatTimestamp(locale, new Date(result.unlocksAt)) })}</p>
        )}
        {locked && result?.unlocksAt && <LockedNotice unlocksAt={result.unlocksAt} locale={locale} />}
        {kind === 'unknown' && <p className="cashier-result__note">{t('paymentUnknownBody')}</p>}
        <dl className="cashier-result__details">
          <div>
            <dt>{t('payee')}</dt>
            <dd>{payeeName ?? payment.payeeAccount}</dd>
          </div>
          <div>
            <dt>{t('payerCard')}</dt>
            <dd>{bankName ? `${bankName} ${card}` : card}</dd>
          </div>
          {kind === 'succeeded' && result?.paymentId && (
            <div>
              <dt>{t('paymentId')}</dt>
              <dd>
                <CopyableId id={result.paymentId} copyLabel={m.copyPaymentId} copyText={m.copy} copiedText={m.copied} failedText={m.copyFailed} />
              </dd>
            </div>
          )}
          {at && !Number.isNaN(at.getTime()) && (
            <div>
              <dt>{t('time')}</dt>
              <dd>{formatTimestamp(locale, at)}</dd>
            </div>
          )}
        </dl>
        <div className="cashier-actions cashier-result__actions">
          <button type="button" className="cashier-button cashier-button--primary" onClick={primary.onClick} data-element-id={primary.id}>
            {primary.label}
          </button>
          {secondary && (
            <button type="button" className="cashier-button cashier-result__secondary" onClick={secondary.onClick} data-element-id={secondary.id}>
              {secondary.label}
            </button>
          )}
        </div>
        {kind === 'succeeded' && enrollOffer}
      </div>
    </Dialog>
  );
}

/**
 * One primary action and at most one secondary: a failure that another attempt can mend leads with "Try again"
 * (closing is the × then), a locked method with "Pay another way"; an unknown outcome with "Check again"; else "Done".
 */
function resultActions(
  kind: ResultDialogProps['kind'],
  a: { tryAgain?: Action; another?: Action; checkAgain?: Action; done: Action },
): [Action, Action | undefined] {
  if (kind === 'failed' && a.tryAgain) return [a.tryAgain, a.another];
  if (kind === 'failed' && a.another) return [a.another, a.done];
  if (kind === 'unknown' && a.checkAgain) return [a.checkAgain, a.done];
  return [a.done, undefined];
}

// Failures that another authentication attempt can mend; the rest (a decline, a paid or expired order) cannot.
const AUTHENTICATION_FAILURE = /^(WRONG_PASSWORD|NONCE_|KEY_UNKNOWN|DECRYPTION_FAILED|FINGERPRINT_|USER_NOT_VERIFIED|FACE_|CHALLENGE_)/;
const LOCKED_OR_MISSING = /^(PASSWORD_LOCKED|BIOMETRIC_LOCKED|METHOD_NOT_ENROLLED)$/;

/** Which ways forward a failure offers: "Try again" for a failed authentication, "Pay another way" also when a method is locked. */
export function failureRemedies(code: string | undefined): { tryAgain: boolean; anotherMethod: boolean } {
  // No code: the request was refused before any outcome (a client or network error); trying again may work.
  if (!code) return { tryAgain: true, anotherMethod: true };
  const authentication = AUTHENTICATION_FAILURE.test(code);
  return { tryAgain: authentication, anotherMethod: authentication || LOCKED_OR_MISSING.test(code) };
}
