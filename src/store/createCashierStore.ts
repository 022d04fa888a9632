import { combineSlices, configureStore, type Store, type UnknownAction } from '@reduxjs/toolkit';
import { type CashierServices, type CashierServicesOptions, createCashierServices } from './cashier-services';
import { createFlowListeners } from './flow-listeners';
import { paymentSlice } from './paymentSlice';
import type { PaymentState } from './payment-state';
import type { FlowThunk, RootWithPayment } from './thunk-types';

export const rootReducer = combineSlices(paymentSlice);

export interface CreateCashierStoreOptions extends CashierServicesOptions {
  preloadedState?: { payment?: PaymentState };
  /** Services made beforehand (to share them with a view); otherwise made from the options. */
  services?: CashierServices;
}

const servicesByStore = new WeakMap<object, CashierServices>();

/**
 * A store with the payment slice, its thunks' services as the thunk middleware's `extraArgument` and the flow's
 * listener middleware: what a host without a store of its own, or a headless host, uses.
 */
export function createCashierStore(options: CreateCashierStoreOptions = {}) {
  const services = options.services ?? createCashierServices(options);
  const listeners = createFlowListeners(services);
  const store = configureStore({
    reducer: rootReducer,
    preloadedState: options.preloadedState,
    middleware: (getDefault) => getDefault({ thunk: { extraArgument: services } }).prepend(listeners.middleware),
  });
  servicesByStore.set(store, services);
  return store;
}

export type CashierStore = ReturnType<typeof createCashierStore>;
export type CashierRootState = ReturnType<CashierStore['getState']>;
export type CashierDispatch = CashierStore['dispatch'];

/** The services a store's flow runs with: its own (createCashierStore), or ones attached to a host store. */
export function cashierServicesOf(store: object): CashierServices | undefined {
  return servicesByStore.get(store);
}

/** What the cashier's view dispatches with: thunks get the flow's services, actions pass the flow's listeners. */
export interface FlowDispatch {
  <R>(thunk: FlowThunk<R>): R;
  <A extends UnknownAction>(action: A): A;
}

const dispatchers = new WeakMap<object, FlowDispatch>();

/**
 * The flow's dispatch for any store holding the payment slice. A store from createCashierStore already has the services
 * and listeners in its middleware. A host store (slice injected, middleware its own) gets them here, around its
 * dispatch, once per store: a remount finds the same services, so an attempt's authentication survives for "Check again".
 */
export function flowDispatchFor(store: Store<RootWithPayment>, makeServices: () => CashierServices): FlowDispatch {
  const known = dispatchers.get(store);
  if (known) return known;
  if (servicesByStore.has(store)) {
    const own = store.dispatch as unknown as FlowDispatch;
    dispatchers.set(store, own);
    return own;
  }
  const services = makeServices();
  servicesByStore.set(store, services);
  const listeners = createFlowListeners(services);
  let dispatch: FlowDispatch;
  const throughListeners = listeners.middleware({
    getState: store.getState,
    dispatch: ((action: UnknownAction) => dispatch(action)) as never,
  })(store.dispatch as (action: unknown) => unknown);
  dispatch = ((action: UnknownAction | FlowThunk<unknown>) =>
    typeof action === 'function' ? action(dispatch as never, store.getState, services) : throughListeners(action)) as FlowDispatch;
  dispatchers.set(store, dispatch);
  return dispatch;
}
