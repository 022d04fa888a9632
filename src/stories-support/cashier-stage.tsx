// Pages in a given state: the cashier page over a store that holds a preloaded flow, and dialogs inside the
// same providers the page uses.
import { configureStore, type UnknownAction } from '@reduxjs/toolkit';
import { type ReactNode, useState } from 'react';
import type { CashierOptions, Locale } from '../core/types';
import CashierPage from '../pages/cashier-page/CashierPage';
import { CashierProviders } from '../pages/cashier-page/CashierProviders';
import { ThemeScope } from '../pages/cashier-page/ThemeScope';
import { type CashierRootState, rootReducer } from '../store/createCashierStore';
import type { PaymentState } from '../store/payment-state';
import { flowStarted } from '../store/paymentSlice';
import { storyPayment } from './page-fixtures';
import '../pages/cashier-page/cashier-page.css';

/**
 * A store that keeps its preloaded flow. CashierFlow dispatches flowStarted on mount, which resets the slice to
 * idle, so a plain createCashierStore({ payment }) cannot show a later phase; everything else reduces as usual.
 */
export function heldFlowStore(payment: PaymentState) {
  return configureStore({
    reducer: (state: CashierRootState | undefined, event: UnknownAction) =>
      state && flowStarted.match(event) ? state : rootReducer(state, event),
    preloadedState: { payment },
  });
}

/** Options every page story shares: no buried points sent (the callbacks are the stories' actions). */
export function storyOptions(locale: Locale): CashierOptions {
  return { payment: storyPayment, clientId: 'storybook', locale, trackingEnabled: false };
}

/** CashierPage over a store held in `state`; the store is made once per mount. */
export function HeldCashierPage({ state, ...options }: CashierOptions & { state: PaymentState }) {
  const [store] = useState(() => heldFlowStore(state));
  return <CashierPage {...options} payment={state.payment ?? options.payment} store={store} />;
}

/** A page dialog inside the cashier's providers (store, tracker, locale) and theme scope. */
export function StoryCashier({ locale, theme, children }: { locale: Locale; theme?: Record<string, string>; children: ReactNode }) {
  return (
    <ThemeScope theme={theme}>
      <CashierProviders options={storyOptions(locale)}>{children}</CashierProviders>
    </ThemeScope>
  );
}
