import { memo, useCallback, useDeferredValue, useEffect, useId, useRef, useState } from 'react';
import { shallowEqual } from 'react-redux';
import { formatMoney } from '../../core/money';
import { readablePaymentData } from '../../core/payment-data';
import type { CashierOptions, Locale, Method, PaymentData } from '../../core/types';
import { reasonFor } from '../../i18n/page-messages';
import { isSettling, type PaymentPhase } from '../../store/flow-machine';
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
import type { RootWithPayment } from '../../store/thunk-types';
import { usePageView, useTracker } from '../../tracking/TrackerContext';
import { BiometricStep, preloadBiometricStep } from '../biometric-step/BiometricStep';
import { EnrollOffer } from '../biometric-step/EnrollOffer';
import { Sheet, SheetFrame } from '../dialog/Sheet';
import { SheetHeading } from '../../widgets/shared/SheetHeading';
import { PasswordStep, PasswordStepAhead, preloadPasswordStep } from '../password-step/PasswordStep';
import { ResultDialog, ResultDialogAhead } from '../result-dialog/ResultDialog';
import { VerifyFailedDialog } from '../verify-failed-dialog/VerifyFailedDialog';
import { useCashier } from './cashier-context';
import { CashierSkeleton } from './CashierSkeleton';
import { useCashierSelector, useEnrollmentToken, useFlowDispatch } from './hooks';
import { MethodChoice } from './MethodChoice';
import { OrderSummary } from './OrderSummary';
import { PayButton } from './PayButton';
import { PayingStep } from './PayingStep';
import { StatusAnnouncer } from './StatusAnnouncer';
import { TypeAhead } from './TypeAhead';
import { useMethodOffer } from './useMethodAvailability';

// The summary's parts re-render only when their own props change, not on every action of the flow.
const SummaryOfOrder = memo(OrderSummary);
const ChoiceOfMethod = memo(MethodChoice);
const PayAction = memo(PayButton);
const Announcer = memo(StatusAnnouncer);

/** The fields of the flow's state the sheet shows: an action that changes none of them (the reminder, say) renders nothing. */
function selectSheetState(s: RootWithPayment) {
  const p = s.payment;
  return {
    payment: p.payment,
    phase: p.phase,
    method: p.method,
    resources: p.resources,
    flowId: p.flowId,
    closed: p.closed,
    result: p.result,
    error: p.error,
    inputErrors: p.inputErrors,
    failedChecks: p.failedChecks,
    checkResults: p.checkResults,
    expiresAt: p.preorder?.expiresAt,
    attemptKey: p.attempt?.key,
    passwordLock: p.passwordLock,
    passwordRetry: p.passwordRetry,
    forgotPasswordUrl: p.forgotPasswordUrl,
  };
}

export interface CashierFlowProps {
  options: CashierOptions;
  /** Set by openCashier: the sheet goes when the person closes the flow. */
  onFinished?: () => void;
  /** The sheet as a modal overlay (openCashier): Escape and its × cancel at every step. */
  modal?: boolean;
}

type SheetState = ReturnType<typeof selectSheetState>;

/** The cashier call page (S1–S5): a view of the flow's state; every step is an intent dispatched to the store. */
export function CashierFlow(props: CashierFlowProps) {
  // A change of phase (Pay → pre-verifying, last key → paying) renders the sheet at a lower priority, so the thunk's
  // request leaves before the step swap is committed. Everything else renders at once: a control the person operates
  // (the method's radio, a field) is a controlled input, and React puts it back to its rendered value at the end of
  // the event unless that render has its new value.
  const live = useCashierSelector(selectSheetState, shallowEqual);
  const liveBusy = useCashierSelector(selectIsBusy);
  const deferred = useDeferredValue(live);
  const deferredBusy = useDeferredValue(liveBusy);
  const phaseChanging = deferred.phase !== live.phase;
  return <FlowSheet {...props} state={phaseChanging ? deferred : live} busy={phaseChanging ? deferredBusy : liveBusy} />;
}

interface FlowSheetProps extends CashierFlowProps {
  state: SheetState;
  busy: boolean;
}

/** The sheet for one state of the flow (deferred while its phase changes): re-renders only when that state or the page's props change. */
const FlowSheet = memo(function FlowSheet({ options, onFinished, modal, state, busy }: FlowSheetProps) {
  const { t, locale } = useCashier();
  const dispatch = useFlowDispatch();
  const tracker = useTracker();
  // Offered: what the device can do; payable: what the payer has also enrolled (the page resources say so).
  const offer = useMethodOffer(options.methods, state.resources);
  const methods = offer.usable;
  const enrollmentToken = useEnrollmentToken(state.flowId);
  // State, not a ref: the root appears only once the flow has its payment, and the click observer must follow it.
  const [root, setRoot] = useState<HTMLDivElement | null>(null);
  const payRef = useRef<HTMLButtonElement>(null);
  const titleId = useId();
  usePageView('cashier');
  // Stable handlers for the memoised summary: they read the render's values through a ref.
  const onPay = useRef<() => void>(() => undefined);
  const startPay = useCallback(() => onPay.current(), []);
  const chooseMethod = useCallback((m: Method) => dispatch(methodChosen(m)), [dispatch]);

  // A flow for every payment the host hands over (the thunk resumes one the store already holds).
  const shown = readablePaymentData(options.payment);
  // biome-ignore lint/correctness/useExhaustiveDependencies: the payment's fields are the trigger, read through `shown`
  useEffect(() => {
    dispatch(startFlow({ payment: options.payment, locale, forgotPasswordUrl: options.forgotPasswordUrl }));
  }, [dispatch, locale, options.forgotPasswordUrl, shown.orderId, shown.accountId, shown.amount.amount, shown.amount.currency, shown.payerAccount, shown.payeeAccount]);

  useEffect(() => (root ? tracker.observeClicks(root) : undefined), [tracker, root]);

  // Closing ends the cashier for openCashier; on an inline page the sheet returns to the summary and Pay takes the focus.
  const closed = state.closed;
  // biome-ignore lint/correctness/useExhaustiveDependencies: closing is the trigger
  useEffect(() => {
    if (!closed) return;
    if (onFinished) return onFinished();
    // Pay when it can be pressed again; otherwise the summary's heading, which took the focus when the summary came back.
    const payButton = payRef.current;
    if (payButton && !payButton.disabled) payButton.focus();
  }, [closed]);

  const label = t('cashierTitle');
  const payment = state.payment;
  if (!payment) {
    return (
      <SheetFrame modal={modal} label={t('loading')}>
        <CashierSkeleton />
      </SheetFrame>
    );
  }

  const method: Method = state.method && methods.includes(state.method) ? state.method : (methods[0] ?? 'password');
  const otherMethods = methods.filter((m) => m !== method);
  const phase = state.phase;
  const result = state.result;
  const resources = state.resources;
  const passwordComponent = resources?.passwordComponent ?? 'six-digit';
  const close = () => dispatch(closeFlow());
  onPay.current = () => {
    // The chosen step's chunk loads while the payment is pre-verified.
    if (method === 'password') preloadPasswordStep(passwordComponent);
    else preloadBiometricStep(method);
    dispatch(pay({ method }));
  };
  const useAnother = otherMethods[0] ? () => dispatch(chooseAnotherMethod(otherMethods[0] as Method)) : undefined;
  const locked = state.passwordLock ?? undefined;
  const step = sheetStep(phase, !closed, method);
  // Back to the order summary, the pre-order dropped (the same method chosen again). Not for input that failed
  // validation: returning to the summary would forget that it failed.
  const back =
    (step === 'verify' && state.inputErrors.length === 0) || step === 'password' || step === 'biometric'
      ? () => dispatch(chooseAnotherMethod(method))
      : undefined;

  return (
    <Sheet
      modal={modal}
      stepKey={step}
      label={label}
      onClose={close}
      closeLabel={step === 'summary' ? t('cancel') : t('close')}
      onBack={back}
      backLabel={t('back')}
      onSheet={setRoot}
      status={<Announcer phase={phase} />}
    >
      {step === 'summary' && (
        <div className="cashier-summary-step" data-page-id="cashier">
          <SheetHeading id={titleId} dialog={false}>
            {label}
          </SheetHeading>
          <SummaryOfOrder payment={payment} payeeName={resources?.payeeName} expiresAt={state.expiresAt} />
          <ChoiceOfMethod methods={offer.capable} usable={methods} needsSetup={offer.needsSetup} value={method} onChange={chooseMethod} disabled={busy} />
          {state.error && phase === 'idle' && (
            <p className="cashier-error" role="alert">
              {state.error.code === 'NETWORK' || state.error.code === 'TIMEOUT' ? t('networkError') : reasonFor(t, state.error.code, state.error.message)}
            </p>
          )}
          <PayAction ref={payRef} amount={shownAmount(payment, locale)} busy={phase === 'preverifying'} disabled={busy || phase === 'succeeded'} onClick={startPay} />
          {method === 'password' && resources && <PasswordStepAhead component={passwordComponent} />}
          {resources && <TypeAhead locale={locale} />}
        </div>
      )}
      {step === 'verify' && (
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
      {step === 'password' && (
        <PasswordStep
          component={passwordComponent}
          shuffle={resources?.shuffleKeys ?? false}
          busy={false}
          error={state.error && phase === 'awaitingAuthentication' ? reasonFor(t, state.error.code, state.error.message) : undefined}
          resetKey={state.attemptKey}
          locked={locked}
          onUnlocked={() => dispatch(passwordUnlocked())}
          passwordRetry={state.passwordRetry ?? undefined}
          forgotPasswordUrl={state.forgotPasswordUrl ?? undefined}
          getChallenge={() => dispatch(requestPasswordChallenge())}
          onEncrypted={(encryptedPassword) => dispatch(payWith({ method: 'password', encryptedPassword }))}
          onCancel={close}
          onUseAnotherMethod={useAnother}
          payment={payment}
          payeeName={resources?.payeeName}
        />
      )}
      {(step === 'password' || step === 'biometric') && <ResultDialogAhead locale={locale} />}
      {step === 'biometric' && method !== 'password' && (
        <BiometricStep
          method={method}
          payment={payment}
          onAuthenticated={(authentication) => dispatch(payWith(authentication))}
          onUsePassword={() => dispatch(methodChosen('password'))}
          onCancel={close}
        />
      )}
      {step === 'paying' && <PayingStep payment={payment} recovering={phase === 'recovering'} />}
      {step === 'result' && (phase === 'succeeded' || phase === 'failed' || phase === 'unknown') && (
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
    </Sheet>
  );
});

export type SheetStepName = 'summary' | 'verify' | 'password' | 'biometric' | 'paying' | 'result';

/** Which step the one sheet shows for a phase: only one at a time, the summary when nothing else is up. */
export function sheetStep(phase: PaymentPhase, open: boolean, method: Method): SheetStepName {
  if (isSettling(phase)) return 'paying';
  if (phase === 'awaitingAuthentication') return method === 'password' ? 'password' : 'biometric';
  if (!open) return 'summary';
  if (phase === 'verificationFailed') return 'verify';
  if (phase === 'succeeded' || phase === 'failed' || phase === 'unknown') return 'result';
  return 'summary';
}

function shownAmount(payment: PaymentData, locale: Locale): string {
  try {
    return formatMoney(payment.amount, locale);
  } catch {
    return '';
  }
}
