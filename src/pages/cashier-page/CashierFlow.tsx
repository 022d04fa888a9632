import { useEffect, useRef, useState } from 'react';
import { readablePaymentData } from '../../core/payment-data';
import type { CashierOptions, Method } from '../../core/types';
import { reasonFor } from '../../i18n/page-messages';
import { isSettling } from '../../store/flow-machine';
import {
  checkAgain,
  chooseAnotherMethod,
  closeFlow,
  pay,
  payWith,
  requestPasswordChallenge,
  startFlow,
  tryAgain,
} from '../../store/flow-thunks';
import { methodChosen, passwordUnlocked, selectIsBusy } from '../../store/paymentSlice';
import { usePageView, useTracker } from '../../tracking/TrackerContext';
import { BiometricStep, preloadBiometricStep } from '../biometric-step/BiometricStep';
import { EnrollOffer } from '../biometric-step/EnrollOffer';
import { Dialog } from '../dialog/Dialog';
import { PasswordStep, preloadPasswordStep } from '../password-step/PasswordStep';
import { ResultDialog } from '../result-dialog/ResultDialog';
import { VerifyFailedDialog } from '../verify-failed-dialog/VerifyFailedDialog';
import { useCashier } from './cashier-context';
import { CashierSkeleton } from './CashierSkeleton';
import { useCashierSelector, useEnrollmentToken, useFlowDispatch } from './hooks';
import { MethodChoice } from './MethodChoice';
import { OrderSummary } from './OrderSummary';
import { StatusAnnouncer } from './StatusAnnouncer';
import { useMethodOffer } from './useMethodAvailability';

export interface CashierFlowProps {
  options: CashierOptions;
  /** Set by openCashier: the modal closes when the person closes the flow. */
  onFinished?: () => void;
  /** Render as a modal dialog (openCashier): Escape and its close button cancel. */
  modal?: boolean;
}

/** The cashier call page (S1–S5): a view of the flow's state; every step is an intent dispatched to the store. */
export function CashierFlow({ options, onFinished, modal }: CashierFlowProps) {
  const { t, locale } = useCashier();
  const dispatch = useFlowDispatch();
  const tracker = useTracker();
  const state = useCashierSelector((s) => s.payment);
  const busy = useCashierSelector(selectIsBusy);
  // Offered: what the device can do; payable: what the payer has also enrolled (the page resources say so).
  const offer = useMethodOffer(options.methods, state.resources);
  const methods = offer.usable;
  const enrollmentToken = useEnrollmentToken(state.flowId);
  // State, not a ref: the root appears only once the flow has its payment, and the click observer must follow it.
  const [root, setRoot] = useState<HTMLDivElement | null>(null);
  const payRef = useRef<HTMLButtonElement>(null);
  usePageView('cashier');

  // A flow for every payment the host hands over (the thunk resumes one the store already holds).
  const shown = readablePaymentData(options.payment);
  // biome-ignore lint/correctness/useExhaustiveDependencies: the payment's fields are the trigger, read through `shown`
  useEffect(() => {
    dispatch(startFlow({ payment: options.payment, locale, forgotPasswordUrl: options.forgotPasswordUrl }));
  }, [dispatch, locale, options.forgotPasswordUrl, shown.orderId, shown.accountId, shown.amount.amount, shown.amount.currency, shown.payerAccount, shown.payeeAccount]);

  useEffect(() => (root ? tracker.observeClicks(root) : undefined), [tracker, root]);

  // Closing ends the cashier for openCashier; on an inline page the dialog goes and the page takes the focus back.
  const closed = state.closed;
  // biome-ignore lint/correctness/useExhaustiveDependencies: closing is the trigger
  useEffect(() => {
    if (!closed) return;
    if (onFinished) return onFinished();
    const payButton = payRef.current;
    (payButton && !payButton.disabled ? payButton : root)?.focus();
  }, [closed]);

  const payment = state.payment;
  if (!payment) return <CashierSkeleton />;

  const method: Method = state.method && methods.includes(state.method) ? state.method : (methods[0] ?? 'password');
  const otherMethods = methods.filter((m) => m !== method);
  const phase = state.phase;
  const result = state.result;
  const resources = state.resources;
  const passwordComponent = resources?.passwordComponent ?? 'six-digit';
  const authenticating = phase === 'awaitingAuthentication' || isSettling(phase);
  const close = () => dispatch(closeFlow());
  const startPay = () => {
    // The chosen step's chunk loads while the payment is pre-verified.
    if (method === 'password') preloadPasswordStep(passwordComponent);
    else preloadBiometricStep(method);
    dispatch(pay({ method }));
  };
  const useAnother = otherMethods[0] ? () => dispatch(chooseAnotherMethod(otherMethods[0] as Method)) : undefined;
  const locked = state.passwordLock ?? undefined;
  const open = !closed;

  const content = (
    <div ref={setRoot} className="cashier-page" data-page-id="cashier" tabIndex={-1}>
      {!modal && <h2 className="cashier-page__title">{t('cashierTitle')}</h2>}
      <OrderSummary payment={payment} payeeName={resources?.payeeName} expiresAt={state.preorder?.expiresAt} />
      <MethodChoice methods={offer.capable} usable={methods} needsSetup={offer.needsSetup} value={method} onChange={(m) => dispatch(methodChosen(m))} disabled={busy} />
      {state.error && phase === 'idle' && (
        <p className="cashier-error" role="alert">
          {state.error.code === 'NETWORK' || state.error.code === 'TIMEOUT' ? t('networkError') : reasonFor(t, state.error.code, state.error.message)}
        </p>
      )}
      <button
        ref={payRef}
        type="button"
        className="cashier-button cashier-button--primary cashier-pay"
        onClick={startPay}
        disabled={busy || phase === 'succeeded'}
        aria-busy={busy}
        data-element-id="pay"
      >
        {phase === 'preverifying' ? t('preverifying') : t('pay')}
      </button>
      <StatusAnnouncer phase={phase} />

      {open && phase === 'verificationFailed' && (
        <VerifyFailedDialog
          failedChecks={state.failedChecks}
          payment={payment}
          cards={resources?.cards}
          checkResults={state.checkResults}
          amountEditable={options.amountEditable}
          onCorrect={(corrected) => dispatch(pay({ method, corrected }))}
          onClose={close}
        />
      )}
      {authenticating && method === 'password' && (
        <PasswordStep
          component={passwordComponent}
          shuffle={resources?.shuffleKeys ?? false}
          busy={isSettling(phase)}
          error={state.error && phase === 'awaitingAuthentication' ? reasonFor(t, state.error.code, state.error.message) : undefined}
          resetKey={state.attempt?.key}
          locked={locked}
          onUnlocked={() => dispatch(passwordUnlocked())}
          passwordRetry={state.passwordRetry ?? undefined}
          forgotPasswordUrl={state.forgotPasswordUrl ?? undefined}
          getChallenge={() => dispatch(requestPasswordChallenge())}
          onEncrypted={(encryptedPassword) => dispatch(payWith({ method: 'password', encryptedPassword }))}
          onCancel={close}
          onUseAnotherMethod={useAnother}
        />
      )}
      {authenticating && method !== 'password' && (
        <BiometricStep
          method={method}
          payment={payment}
          onAuthenticated={(authentication) => dispatch(payWith(authentication))}
          onUsePassword={() => dispatch(methodChosen('password'))}
          onCancel={close}
        />
      )}
      {open && (phase === 'succeeded' || phase === 'failed' || phase === 'unknown') && (
        <ResultDialog
          kind={phase}
          payment={payment}
          payeeName={resources?.payeeName}
          bankName={resources?.cards.find((c) => c.cardNumber === payment.payerAccount)?.bankName}
          result={result}
          errorMessage={state.error?.message}
          canUseAnotherMethod={otherMethods.length > 0}
          onClose={close}
          onTryAgain={() => dispatch(tryAgain(method))}
          onUseAnotherMethod={useAnother}
          enrollOffer={
            enrollmentToken ? <EnrollOffer accountId={payment.accountId} enrollmentToken={enrollmentToken} methods={offer.needsSetup} /> : undefined
          }
          onCheckAgain={() => dispatch(checkAgain())}
        />
      )}
    </div>
  );
  if (!modal) return content;
  return (
    <Dialog title={t('cashierTitle')} onClose={close} closeLabel={t('cancel')} pageId="cashier-modal">
      {content}
    </Dialog>
  );
}
