import { type ReactNode, useEffect, useMemo, useRef, useState } from 'react';
import { Provider } from 'react-redux';
import type { Store } from '@reduxjs/toolkit';
import type { CashierEvent, CashierOptions, Locale } from '../../core/types';
import { pageTranslator } from '../../i18n/page-messages';
import { createCashierServices } from '../../store/cashier-services';
import { flowDetached } from '../../store/flow-actions';
import { cashierServicesOf, createCashierStore, flowDispatchFor } from '../../store/createCashierStore';
import type { RootWithPayment } from '../../store/thunk-types';
import { createTracker, type Tracker } from '../../tracking/tracker';
import { TrackerProvider } from '../../tracking/TrackerContext';
import { resolveApiBaseUrl } from '../cashier-app/api-base-url';
import { CashierContext } from './cashier-context';
import { SheetFrame } from '../dialog/Sheet';
import { CashierSkeleton } from './CashierSkeleton';
import { type FlowBinding, FlowContext } from './hooks';

const linkOrigins = (value: unknown): string[] => (Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : []);

/** The store (the host's, with paymentSlice injected, or our own), the flow's services, the buried-point tracker and the locale. */
export function CashierProviders({ options, modal, children }: { options: CashierOptions; modal?: boolean; children: ReactNode }) {
  const locale: Locale = options.locale === 'en-US' ? 'en-US' : 'zh-CN';
  const apiBaseUrl = resolveApiBaseUrl(options.apiBaseUrl);
  const servicesOptions = { apiBaseUrl, allowedLinkOrigins: linkOrigins(options.allowedLinkOrigins) };
  const [ownStore] = useState(() => (options.store ? null : createCashierStore(servicesOptions)));
  const store = ((options.store as Store<RootWithPayment> | undefined) ?? ownStore) as Store<RootWithPayment>;
  // biome-ignore lint/correctness/useExhaustiveDependencies: the services are made once per store
  const binding = useMemo<FlowBinding>(() => {
    const dispatch = flowDispatchFor(store, () => createCashierServices(servicesOptions));
    return { dispatch, services: cashierServicesOf(store)! };
  }, [store]);
  const onEventRef = useRef(options.onEvent);
  onEventRef.current = options.onEvent;
  const onReminderRef = useRef(options.onReminder);
  onReminderRef.current = options.onReminder;
  const [tracker, setTracker] = useState<Tracker | null>(null);
  const sendEnabled = options.trackingEnabled !== false;

  // A host store with paymentSlice just injected holds no `payment` state until an action reaches it; children mount after this.
  // When the view goes, the flow's live connections (message push) close with it; a remount resumes the flow.
  useEffect(() => {
    if ((store.getState() as { payment?: unknown }).payment === undefined) store.dispatch({ type: 'payment/attached' });
    return () => {
      binding.dispatch(flowDetached());
    };
  }, [store, binding]);

  useEffect(() => {
    const created = createTracker({
      clientId: options.clientId,
      apiBaseUrl,
      sendEnabled,
      onEvent: (event: CashierEvent) => onEventRef.current?.(event),
    });
    const { hooks } = binding.services;
    hooks.track = (type, data) => created.track(type, data);
    hooks.onReminder = (reminder) => onReminderRef.current?.(reminder);
    setTracker(created);
    return () => {
      hooks.track = undefined;
      created.dispose();
    };
  }, [options.clientId, apiBaseUrl, sendEnabled, binding]);

  const context = useMemo(() => ({ locale, t: pageTranslator(locale), apiBaseUrl }), [locale, apiBaseUrl]);
  // Children mount once the tracker exists, so the first page view is not lost.
  if (!tracker || (store.getState() as { payment?: unknown }).payment === undefined) {
    // The sheet's own frame and geometry (openCashier's overlay too), so nothing moves when the cashier arrives.
    return (
      <SheetFrame modal={modal} label={context.t('loading')}>
        <CashierSkeleton />
      </SheetFrame>
    );
  }
  return (
    <Provider store={store}>
      <FlowContext.Provider value={binding}>
        <TrackerProvider tracker={tracker}>
          <CashierContext.Provider value={context}>{children}</CashierContext.Provider>
        </TrackerProvider>
      </FlowContext.Provider>
    </Provider>
  );
}
