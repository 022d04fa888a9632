// The host's own Redux store: its checkout slice now, the cashier's paymentSlice injected once the remote loads.
import { combineSlices, configureStore, createSlice, type PayloadAction } from '@reduxjs/toolkit';
import type { PaymentReminder, PaymentSliceModule, PaymentState } from '../../shared/cashier-types';

interface CheckoutState {
  orders: number;
  lastReminder: PaymentReminder | null;
}

const initialState: CheckoutState = { orders: 0, lastReminder: null };

export const checkoutSlice = createSlice({
  name: 'checkout',
  initialState,
  reducers: {
    checkoutStarted(state) {
      state.orders += 1;
      state.lastReminder = null;
    },
    reminderReceived(state, action: PayloadAction<PaymentReminder>) {
      state.lastReminder = action.payload;
    },
  },
  selectors: {
    selectLastReminder: (state) => state.lastReminder,
    selectOrders: (state) => state.orders,
  },
});

export const { checkoutStarted, reminderReceived } = checkoutSlice.actions;
export const { selectLastReminder, selectOrders } = checkoutSlice.selectors;

// `payment` arrives later, from the remote: declared lazy so the state type knows it may be missing.
export const rootReducer = combineSlices(checkoutSlice).withLazyLoadedSlices<{ payment: PaymentState }>();

export function createHostStore() {
  return configureStore({ reducer: rootReducer });
}

export type HostStore = ReturnType<typeof createHostStore>;
export type HostState = ReturnType<HostStore['getState']>;

type PaymentSlice = PaymentSliceModule['paymentSlice'];
const injectIntoRoot = (paymentSlice: PaymentSlice) => paymentSlice.injectInto(rootReducer, { reducerPath: 'payment' });
let injected: ReturnType<typeof injectIntoRoot> | null = null;

/** Adds the remote's slice under `payment` (injecting the same reducer again is a no-op). */
export function injectPaymentSlice(paymentSlice: PaymentSlice): void {
  injected = injectIntoRoot(paymentSlice);
}

/** The payment phase from the host's own store; null before the remote's slice is injected. */
export function selectPaymentPhase(state: HostState): string | null {
  return injected ? injected.selectors.selectPhase(state) : null;
}
