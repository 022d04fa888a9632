import { useEffect, useRef, useState } from 'react';
import { subscribePaymentResult } from '../../api/message-push';
import type { Authentication, EncryptedPassword } from '../../core/service-interfaces';
import type { CashierOptions, Method, PaymentData } from '../../core/types';
import { payWithAuthentication } from '../../store/pay-thunk';
import { authenticationRestarted, flowStarted, methodChosen, paymentCorrected, paymentResultPushed } from '../../store/paymentSlice';
import { preverifyPayment } from '../../store/preverify-thunk';
import { loadCashierResources } from '../../store/resources-thunk';
import { usePageView, useTracker } from '../../tracking/TrackerContext';
import { Dialog } from '../dialog/Dialog';
import { reasonFor } from '../page-messages';
import { BiometricStep, preloadBiometricStep } from '../biometric-step/BiometricStep';
import { EnrollOffer } from '../biometric-step/EnrollOffer';
import { PasswordStep, preloadPasswordStep } from '../password-step/PasswordStep';
import { ResultDialog } from '../result-dialog/ResultDialog';
import { VerifyFailedDialog } from '../verify-failed-dialog/VerifyFailedDialog';
import { useCashier } from './cashier-context';
import { CashierSkeleton } from './CashierSkeleton';
import { useCashierDispatch, useCashierSelector, useCashierStore } from './hooks';
import { MethodChoice } from './MethodChoice';
import { OrderSummary } from './OrderSummary';
import { StatusAnnouncer } from './StatusAnnouncer';
import { useFlowEnd } from './useFlowEnd';
import { useMethodAvailability } from './useMethodAvailability';

export interface CashierFlowProps {
  options: CashierOptions;
  /** Set by openCashier: the modal closes when the flow ends. */
  onFinished?: () => void;
  /** Render as a modal dialog (openCashier): Escape and its close button cancel. */
  modal?: boolean;
}

/** The cashier call page: payment data → pre-verification → authentication → payment → result (S1–S5). */
export function CashierFlow({ options, onFinished, modal }: CashierFlowProps) {
  const { t, locale, apiBaseUrl } = useCashier();
  const dispatch = useCashierDispatch();
  const tracker = useTracker();
  const state = useCashierSelector((s) => s.payment);
  const methods = useMethodAvailability(options.methods);
  const [method, setMethod] = useState<Method>('password');
  const endFlow = useFlowEnd(options.onReminder);
  // State, not a ref: the root appears only once the flow has its payment, and the click observer must follow it.
  const [root, setRoot] = useState<HTMLDivElement | null>(null);
  const lastAuthentication = useRef<Authentication | null>(null);
  // The flow whose last dialog the person closed: on an inline page (no onFinished) the dialog goes, the page stays.
  const [dismissedFlow, setDismissedFlow] = useState<number | null>(null);
  const payRef = useRef<HTMLButtonElement>(null);
  usePageView('cashier');

  // A new flow for every payment handed to the page.
  const paymentKey = JSON.stringify(options.payment);
  const store = useCashierStore();
  useEffect(() => {
    const payment = JSON.parse(paymentKey) as PaymentData;
    const held = store.getState().payment;
    // A store already holding this payment's unfinished flow (a host store, a remount) resumes it.
    const resumable = held.payment && JSON.stringify(held.payment) === paymentKey && !held.reminder;
    if (!resumable) dispatch(flowStarted({ payment, apiBaseUrl, locale }));
    if (payment?.accountId) dispatch(loadCashierResources({ apiBaseUrl, accountId: payment.accountId }));
  }, [dispatch, store, paymentKey, apiBaseUrl, locale]);

  useEffect(() => (root ? tracker.observeClicks(root) : undefined), [tracker, root]);

  // Message push while paying; the status query in the pay thunk is the fallback.
  const orderId = state.payment?.orderId;
  const paying = state.phase === 'paying';
  useEffect(() => {
    if (!paying || !orderId) return;
    return subscribePaymentResult(apiBaseUrl, orderId, (result) => dispatch(paymentResultPushed(result)));
  }, [paying, orderId, apiBaseUrl, dispatch]);

  useEffect(() => {
    if (!methods.includes(method) && methods[0]) setMethod(methods[0]);
  }, [methods, method]);

  // The closed dialog gave focus back to what it had (a Pay button disabled meanwhile, a gone keyboard): the page takes it.
  // biome-ignore lint/correctness/useExhaustiveDependencies: a dismissal is the trigger
  useEffect(() => {
    if (dismissedFlow === null || onFinished) return;
    const pay = payRef.current;
    (pay && !pay.disabled ? pay : root)?.focus();
  }, [dismissedFlow]);

  const payment = state.payment;
  if (!payment) return <CashierSkeleton />;

  const finish = (status: Parameters<typeof endFlow>[0]) => {
    endFlow(status);
    setDismissedFlow(state.flowId);
    onFinished?.();
  };
  const dialogOpen = dismissedFlow !== state.flowId;
  const startPay = (data: PaymentData = payment) => {
    if (state.phase === 'preverifying' || state.phase === 'paying' || state.phase === 'succeeded') return;
    // The last flow ended and the host has its reminder: paying again is a new flow, with a reminder of its own.
    if (state.reminder) {
      dispatch(flowStarted({ payment: data, apiBaseUrl, locale }));
      dispatch(loadCashierResources({ apiBaseUrl, accountId: data.accountId }));
    }
    // The chosen step's chunk loads while the payment is pre-verified.
    if (method === 'password') preloadPasswordStep(state.resources?.passwordComponent ?? 'six-digit');
    else preloadBiometricStep(method);
    dispatch(methodChosen(method));
    tracker.track('method_chosen', { pageId: 'cashier', method });
    if (data !== payment) dispatch(paymentCorrected(data));
    dispatch(preverifyPayment({ payment: data, apiBaseUrl, locale, pageOrigin: location.origin })).then((action) => {
      if (preverifyPayment.fulfilled.match(action)) {
        const outcome = action.payload;
        tracker.track('preverification_result', {
          pageId: 'cashier',
          passed: outcome.passed,
          failedKeys: outcome.passed ? [] : outcome.failedChecks.map((c) => c.key),
        });
        if (!outcome.passed) for (const key of outcome.droppedUrls) tracker.track('correction_url_dropped', { pageId: 'verify-failed', key });
      }
    });
  };
  const pay = (authentication: Authentication) => {
    // Kept for "Check again": the same request under the same idempotency key. Never in Redux.
    lastAuthentication.current = authentication;
    dispatch(payWithAuthentication({ authentication }));
  };
  const onEncrypted = (encryptedPassword: EncryptedPassword) => pay({ method: 'password', encryptedPassword });
  const result = state.result;
  const busy = state.phase === 'preverifying' || state.phase === 'paying';
  const otherMethods = methods.filter((m) => m !== (state.method ?? method));
  // Back to the page's method choice with the next method selected.
  const switchMethod = () => {
    const next = otherMethods[0];
    if (next) setMethod(next);
    dispatch(paymentCorrected(payment));
  };
  const resources = state.resources;
  const currentMethod = state.method ?? method;
  const locked = result?.code === 'PASSWORD_LOCKED' && result.unlocksAt ? { unlocksAt: result.unlocksAt } : undefined;

  const content = (
    <div ref={setRoot} className="cashier-page" data-page-id="cashier" tabIndex={-1}>
      {!modal && <h2 className="cashier-page__title">{t('cashierTitle')}</h2>}
      <OrderSummary payment={payment} payeeName={resources?.payeeName} expiresAt={state.preorder?.expiresAt} />
      <MethodChoice methods={methods} value={method} onChange={(m) => setMethod(m)} disabled={busy} />
      {state.error && state.phase === 'idle' && (
        <p className="cashier-error" role="alert">
          {state.error.code === 'NETWORK' || state.error.code === 'TIMEOUT' ? t('networkError') : reasonFor(t, state.error.code, state.error.message)}
        </p>
      )}
      <button
        ref={payRef}
        type="button"
        className="cashier-button cashier-button--primary cashier-pay"
        onClick={() => startPay()}
        disabled={busy || state.phase === 'succeeded'}
        aria-busy={busy}
        data-element-id="pay"
      >
        {state.phase === 'preverifying' ? t('preverifying') : t('pay')}
      </button>
      <StatusAnnouncer phase={state.phase} />

      {dialogOpen && state.phase === 'verificationFailed' && (
        <VerifyFailedDialog
          failedChecks={state.failedChecks}
          payment={payment}
          cards={resources?.cards}
          amountEditable={options.amountEditable}
          onCorrect={(corrected) => startPay(corrected)}
          onClose={() => finish('verification_failed')}
        />
      )}
      {(state.phase === 'awaitingAuthentication' || (state.phase === 'paying' && state.method === 'password')) &&
        currentMethod === 'password' && (
          <PasswordStep
            component={resources?.passwordComponent ?? 'six-digit'}
            shuffle={resources?.shuffleKeys ?? false}
            accountId={payment.accountId}
            busy={state.phase === 'paying'}
            error={state.error ? reasonFor(t, state.error.code, state.error.message) : undefined}
            resetKey={state.idempotencyKey ?? undefined}
            locked={locked}
            onEncrypted={onEncrypted}
            onCancel={() => finish('cancelled')}
            onUseAnotherMethod={otherMethods.length > 0 ? switchMethod : undefined}
          />
        )}
      {(state.phase === 'awaitingAuthentication' || state.phase === 'paying') && currentMethod !== 'password' && (
        <BiometricStep
          method={currentMethod}
          payment={payment}
          onAuthenticated={pay}
          onUsePassword={() => {
            setMethod('password');
            dispatch(authenticationRestarted('password'));
          }}
          onCancel={() => finish('cancelled')}
        />
      )}
      {dialogOpen && (state.phase === 'succeeded' || state.phase === 'failed' || state.phase === 'unknown') && (
        <ResultDialog
          kind={state.phase}
          payment={payment}
          payeeName={resources?.payeeName}
          result={result}
          errorMessage={state.error?.message}
          canUseAnotherMethod={otherMethods.length > 0}
          onClose={() => finish(state.phase === 'succeeded' ? 'succeeded' : state.phase === 'failed' ? 'failed' : 'unknown')}
          onTryAgain={() => dispatch(authenticationRestarted(state.method ?? method))}
          onUseAnotherMethod={switchMethod}
          enrollOffer={
            result?.enrollmentToken ? (
              <EnrollOffer accountId={payment.accountId} enrollmentToken={result.enrollmentToken} methods={methods} />
            ) : undefined
          }
          onCheckAgain={() => {
            const last = lastAuthentication.current;
            if (last) dispatch(payWithAuthentication({ authentication: last, retry: true }));
          }}
        />
      )}
    </div>
  );
  if (!modal) return content;
  return (
    <Dialog title={t('cashierTitle')} onClose={() => finish('cancelled')} closeLabel={t('cancel')} pageId="cashier-modal">
      {content}
    </Dialog>
  );
}
