import { type ReactNode, useEffect, useMemo, useRef, useState } from 'react';
import { Provider } from 'react-redux';
import type { CashierEvent, CashierOptions, Locale } from '../../core/types';
import { type CashierStore, createCashierStore } from '../../store/createCashierStore';
import { createTracker, type Tracker } from '../../tracking/tracker';
import { TrackerProvider } from '../../tracking/TrackerContext';
import { resolveApiBaseUrl } from '../cashier-app/api-base-url';
import { pageTranslator } from '../page-messages';
import { CashierContext } from './cashier-context';
import { CashierSkeleton } from './CashierSkeleton';

/** The store (the host's, with paymentSlice injected, or our own), the buried-point tracker and the locale. */
export function CashierProviders({ options, children }: { options: CashierOptions; children: ReactNode }) {
  const locale: Locale = options.locale === 'en-US' ? 'en-US' : 'zh-CN';
  const apiBaseUrl = resolveApiBaseUrl(options.apiBaseUrl);
  const [ownStore] = useState<CashierStore | null>(() => (options.store ? null : createCashierStore()));
  const store = (options.store as CashierStore | undefined) ?? ownStore!;
  const onEventRef = useRef(options.onEvent);
  onEventRef.current = options.onEvent;
  const [tracker, setTracker] = useState<Tracker | null>(null);
  const sendEnabled = options.trackingEnabled !== false;

  // A host store with paymentSlice just injected holds no `payment` state until an action reaches it; children mount after this.
  useEffect(() => {
    if ((store.getState() as { payment?: unknown }).payment === undefined) store.dispatch({ type: 'payment/attached' });
  }, [store]);

  useEffect(() => {
    const created = createTracker({
      clientId: options.clientId,
      apiBaseUrl,
      sendEnabled,
      onEvent: (event: CashierEvent) => onEventRef.current?.(event),
    });
    setTracker(created);
    return () => created.dispose();
  }, [options.clientId, apiBaseUrl, sendEnabled]);

  const context = useMemo(() => ({ locale, t: pageTranslator(locale), apiBaseUrl }), [locale, apiBaseUrl]);
  // Children mount once the tracker exists, so the first page view is not lost.
  if (!tracker) return <CashierSkeleton />;
  return (
    <Provider store={store}>
      <TrackerProvider tracker={tracker}>
        <CashierContext.Provider value={context}>{children}</CashierContext.Provider>
      </TrackerProvider>
    </Provider>
  );
}
