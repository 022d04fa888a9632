import { combineSlices, configureStore } from '@reduxjs/toolkit';
import { paymentSlice } from './paymentSlice';
import type { PaymentState } from './payment-state';

export const rootReducer = combineSlices(paymentSlice);

/** A store with the payment slice, for hosts that have none of their own. */
export function createCashierStore(preloadedState?: { payment?: PaymentState }) {
  return configureStore({ reducer: rootReducer, preloadedState });
}

export type CashierStore = ReturnType<typeof createCashierStore>;
export type CashierRootState = ReturnType<CashierStore['getState']>;
export type CashierDispatch = CashierStore['dispatch'];
