import { useEffect } from 'react';
import type { EncryptedPassword, PasswordChallenge } from '../../core/service-interfaces';
import type { PaymentData } from '../../core/types';
import { usePageView } from '../../tracking/TrackerContext';
import { SheetIntroContext } from '../../widgets/shared/sheet-context';
import { useCashier } from '../cashier-page/cashier-context';
import { PaymentFacts } from '../cashier-page/OrderSummary';
import { LoadedStep } from '../lazy-step/LoadedStep';
import { loadable } from '../lazy-step/useLoadedComponent';
import { whenIdle } from '../lazy-step/when-idle';

// The seed's password SDK, chosen by identifier in the page resources; each component is its own chunk.
const SIX_DIGIT = loadable(() =>
  import(/* webpackChunkName: "password-six-digit" */ '../../widgets/password-keyboard/PasswordKeyboard').then((m) => m.PasswordKeyboard),
);
const MIXED = loadable(() =>
  import(/* webpackChunkName: "password-mixed" */ '../../widgets/mixed-password/MixedPasswordInput').then((m) => m.MixedPasswordInput),
);
const stepFor = (component: 'six-digit' | 'mixed') => (component === 'mixed' ? MIXED : SIX_DIGIT);

/** Fetches the password component's chunk ahead (on the Pay click), so it is there when pre-verification passes. */
export function preloadPasswordStep(component: 'six-digit' | 'mixed'): void {
  stepFor(component).preload().catch(() => undefined); // the step itself reports a failed load
}

/**
 * Rendered with the order summary once the page resources name the password component: fetches that component's
 * chunk when the main thread is idle, so the 'Pay' click does not wait for it (docs/performance.md, the pay section).
 */
export function PasswordStepAhead({ component }: { component: 'six-digit' | 'mixed' }) {
  useEffect(() => whenIdle(() => preloadPasswordStep(component)), [component]);
  return null;
}

export interface PasswordStepProps {
  component: 'six-digit' | 'mixed';
  shuffle: boolean;
  busy: boolean;
  /** A challenge bound to this payment (the flow's requestPasswordChallenge). */
  getChallenge: () => Promise<PasswordChallenge>;
  error?: string;
  /** Changes with every attempt, so the same error shown twice still starts a fresh entry. */
  resetKey?: string;
  locked?: { unlocksAt: string };
  /** The lock's countdown reached zero. */
  onUnlocked?: () => void;
  /** A wrong password with attempts left (the flow's selectPasswordRetry): the keyboard says so inline. */
  passwordRetry?: { attemptsLeft: number };
  /** Already validated by the flow (selectForgotPasswordUrl); undefined when absent or dropped. */
  forgotPasswordUrl?: string;
  onEncrypted: (password: EncryptedPassword) => void;
  onCancel: () => void;
  onUseAnotherMethod?: () => void;
  /** What is being paid, shown at the top of the step (amount, payee, masked card). */
  payment?: PaymentData;
  /** The payee's display name from the page resources; a placeholder until then, never the raw id. */
  payeeName?: string;
}

export function PasswordStep(p: PasswordStepProps) {
  const { component, shuffle, getChallenge, busy, error, resetKey, locked, onEncrypted, onCancel, onUseAnotherMethod, payment, payeeName } = p;
  const { locale, t } = useCashier();
  usePageView(component === 'mixed' ? 'password-mixed' : 'password');
  const props = {
    ...{ locale, getChallenge, onEncrypted, onCancel, shuffle, disabled: busy, error, resetKey, locked, onUseAnotherMethod },
    ...{ onUnlocked: p.onUnlocked, attemptsLeft: p.passwordRetry?.attemptsLeft, forgotPasswordUrl: p.forgotPasswordUrl },
  };
  // Not yet named "Enter payment password": whoever finds that dialog expects its keys inside.
  const fallback = (
    <p role="status" className="cashier-step-loading">
      {t('loading')}
    </p>
  );
  return (
    <SheetIntroContext.Provider value={payment ? <PaymentGlance payment={payment} payeeName={payeeName} /> : null}>
      <LoadedStep step={stepFor(component)} props={props} fallback={fallback} />
    </SheetIntroContext.Provider>
  );
}

/** Amount, payee and card at the top of the password step, as the person confirms what they pay. */
function PaymentGlance({ payment, payeeName }: { payment: PaymentData; payeeName?: string }) {
  return (
    <div className="cashier-glance">
      <PaymentFacts payment={payment} payeeName={payeeName} block="cashier-glance" />
    </div>
  );
}
