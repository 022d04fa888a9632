import { lazy, Suspense, useCallback, useMemo, useState, useTransition } from 'react';
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
  // Opening is a transition, so React keeps the page as it is while the remote loads and never commits the Suspense
  // fallback: content that replaces a committed fallback is held back up to 300 ms (React 19's FALLBACK_THROTTLE_MS).
  const [opening, startOpening] = useTransition();
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
    startOpening(() =>
      setCheckout((previous) => ({
        id: (previous?.id ?? 0) + 1,
        options: { ...options, amountEditable: true, store, onReminder: (reminder) => dispatch(reminderReceived(reminder)) },
      })),
    );
  }, [dispatch, input, store]);

  const retry = useCallback(() => {
    registerCashierRemote(true);
    startOpening(() => setAttempt((n) => n + 1));
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
      {opening && <p aria-busy="true">Loading the cashier…</p>}
      {/* Mounted before the first checkout: a transition never swaps content already shown for this fallback. */}
      <Suspense fallback={<p aria-busy="true">Loading the cashier…</p>}>
        {checkout && (
          <RemoteErrorBoundary key={attempt} onRetry={retry}>
            <CashierPage key={checkout.id} {...checkout.options} />
          </RemoteErrorBoundary>
        )}
      </Suspense>
    </main>
  );
}
