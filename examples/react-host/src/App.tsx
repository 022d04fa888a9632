import { lazy, Suspense, useCallback, useMemo, useState } from 'react';
import { useDispatch } from 'react-redux';
import type { CashierOptions } from '../../shared/cashier-types';
import { type CheckoutInput, checkoutDefaults, toCashierOptions } from '../../shared/checkout';
import { loadCashierRemote, preloadCashierRemote, registerCashierRemote } from './cashier-remote';
import { CheckoutForm } from './CheckoutForm';
import { PaymentStatus } from './PaymentStatus';
import { RemoteErrorBoundary } from './RemoteErrorBoundary';
import { checkoutStarted, type HostStore, injectPaymentSlice, reminderReceived } from './store';

const CLIENT_ID = 'react-host';

/** React.lazy caches its promise (and a rejection), so each retry gets a fresh lazy component. */
function lazyCashierPage() {
  return lazy(async () => {
    const remote = await loadCashierRemote();
    injectPaymentSlice(remote.paymentSlice);
    return { default: remote.CashierPage };
  });
}

export function App({ store }: { store: HostStore }) {
  const dispatch = useDispatch<HostStore['dispatch']>();
  const [input, setInput] = useState<CheckoutInput>(() => checkoutDefaults(window.location.search));
  const [formError, setFormError] = useState<string | null>(null);
  const [checkout, setCheckout] = useState<{ id: number; options: CashierOptions } | null>(null);
  const [attempt, setAttempt] = useState(0);
  // biome-ignore lint/correctness/useExhaustiveDependencies: a new attempt is exactly what asks for a new lazy component
  const CashierPage = useMemo(lazyCashierPage, [attempt]);

  const startCheckout = useCallback(() => {
    let options: CashierOptions;
    try {
      options = toCashierOptions(input, CLIENT_ID);
    } catch (error) {
      setFormError(error instanceof Error ? error.message : String(error));
      return;
    }
    setFormError(null);
    dispatch(checkoutStarted());
    // Options stay the same object for the whole flow: the cashier keys its effects on them.
    setCheckout((previous) => ({
      id: (previous?.id ?? 0) + 1,
      options: { ...options, amountEditable: true, store, onReminder: (reminder) => dispatch(reminderReceived(reminder)) },
    }));
  }, [dispatch, input, store]);

  const retry = useCallback(() => {
    registerCashierRemote(true);
    setAttempt((n) => n + 1);
  }, []);

  return (
    <main className="host">
      <h1>React host</h1>
      <CheckoutForm
        input={input}
        onChange={setInput}
        onCheckout={startCheckout}
        onIntent={preloadCashierRemote}
        error={formError}
      />
      <PaymentStatus />
      {checkout && (
        <RemoteErrorBoundary key={attempt} onRetry={retry}>
          <Suspense fallback={<p aria-busy="true">Loading the cashier…</p>}>
            <CashierPage key={checkout.id} {...checkout.options} />
          </Suspense>
        </RemoteErrorBoundary>
      )}
    </main>
  );
}
