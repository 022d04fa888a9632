import { createAsyncThunk, type ThunkAction, type UnknownAction } from '@reduxjs/toolkit';
import type { CashierServices } from './cashier-services';
import type { FlowError, PaymentState } from './payment-state';

/** Any store with the payment slice at `payment` (the cashier's own, or a host's with the slice injected). */
export type RootWithPayment = { payment: PaymentState };

export const createFlowThunk = createAsyncThunk.withTypes<{ state: RootWithPayment; extra: CashierServices; rejectValue: FlowError }>();

/** A plain thunk of the flow: never an action, so what it closes over (an authentication) never reaches Redux. */
export type FlowThunk<R = void> = ThunkAction<R, RootWithPayment, CashierServices, UnknownAction>;
