import type { ReactNode } from 'react';
import { formatMoney } from '../../core/money';
import type { PaymentResult } from '../../core/service-interfaces';
import type { PaymentData } from '../../core/types';
import { useCashier } from '../cashier-page/cashier-context';
import { reasonFor } from '../../i18n/page-messages';
import { Dialog } from '../dialog/Dialog';
import { LockedNotice } from '../../widgets/shared/LockedNotice';

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
  /** After a verified password: the offer to enable fingerprint or face payment. */
  enrollOffer?: ReactNode;
}

/** S51/S52: the payment success or failure page, shown as a popup. */
export function ResultDialog(props: ResultDialogProps) {
  const { kind, payment, payeeName, result, errorMessage, canUseAnotherMethod, onClose, onTryAgain, onUseAnotherMethod, onCheckAgain, enrollOffer } = props;
  const { t, locale } = useCashier();
  const title = kind === 'succeeded' ? t('paymentSuccessful') : kind === 'failed' ? t('paymentFailed') : t('paymentUnknown');
  const at = result?.at ? new Date(result.at) : null;
  const locked = result?.code === 'PASSWORD_LOCKED';
  const remedies = failureRemedies(result?.code);
  return (
    <Dialog title={title} onClose={onClose} closeLabel={t('close')} pageId={`result-${kind}`}>
      <p className="cashier-result__amount">{formatMoney(payment.amount, locale)}</p>
      <dl className="cashier-result__details">
        <div>
          <dt>{t('payee')}</dt>
          <dd>{payeeName ?? payment.payeeAccount}</dd>
        </div>
        {kind === 'succeeded' && result?.paymentId && (
          <div>
            <dt>{t('paymentId')}</dt>
            <dd>{result.paymentId}</dd>
          </div>
        )}
        {at && !Number.isNaN(at.getTime()) && (
          <div>
            <dt>{t('time')}</dt>
            <dd>{at.toLocaleString(locale)}</dd>
          </div>
        )}
        {kind === 'failed' && (
          <div>
            <dt>{t('reason')}</dt>
            <dd data-testid="failure-reason">{reasonFor(t, result?.code, result?.message ?? errorMessage ?? t('errorGeneric'))}</dd>
          </div>
        )}
      </dl>
      {kind === 'failed' && typeof result?.attemptsLeft === 'number' && !locked && <p>{t('attemptsLeft', { n: result.attemptsLeft })}</p>}
      {locked && result?.unlocksAt && <p>{t('lockedUntil', { time: new Date(result.unlocksAt).toLocaleString(locale) })}</p>}
      {locked && result?.unlocksAt && <LockedNotice unlocksAt={result.unlocksAt} locale={locale} />}
      {kind === 'unknown' && <p>{t('paymentUnknownBody')}</p>}
      {kind === 'succeeded' && enrollOffer}
      <div className="cashier-actions">
        {kind === 'failed' && onTryAgain && remedies.tryAgain && (
          <button type="button" className="cashier-button cashier-button--primary" onClick={onTryAgain} data-element-id="try-again">
            {t('tryAgain')}
          </button>
        )}
        {kind === 'failed' && onUseAnotherMethod && canUseAnotherMethod && remedies.anotherMethod && (
          <button type="button" className="cashier-button" onClick={onUseAnotherMethod} data-element-id="use-another-method">
            {t('useAnotherMethod')}
          </button>
        )}
        {kind === 'unknown' && onCheckAgain && (
          <button type="button" className="cashier-button cashier-button--primary" onClick={onCheckAgain} data-element-id="check-again">
            {t('checkAgain')}
          </button>
        )}
        {(kind !== 'failed' || !remedies.tryAgain) && (
          <button type="button" className="cashier-button" onClick={onClose} data-element-id="done">
            {t('done')}
          </button>
        )}
      </div>
    </Dialog>
  );
}

// Failures that another authentication attempt can mend; the rest (a decline, a paid or expired order) cannot.
const AUTHENTICATION_FAILURE = /^(WRONG_PASSWORD|NONCE_|KEY_UNKNOWN|DECRYPTION_FAILED|FINGERPRINT_|USER_NOT_VERIFIED|FACE_|CHALLENGE_)/;
const LOCKED_OR_MISSING = /^(PASSWORD_LOCKED|BIOMETRIC_LOCKED|METHOD_NOT_ENROLLED)$/;

/** Which ways forward a failure offers: "Try again" for a failed authentication, "Use another method" also when a method is locked. */
export function failureRemedies(code: string | undefined): { tryAgain: boolean; anotherMethod: boolean } {
  // No code: the request was refused before any outcome (a client or network error); trying again may work.
  if (!code) return { tryAgain: true, anotherMethod: true };
  const authentication = AUTHENTICATION_FAILURE.test(code);
  return { tryAgain: authentication, anotherMethod: authentication || LOCKED_OR_MISSING.test(code) };
}
