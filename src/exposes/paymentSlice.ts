// Contract §1 `./paymentSlice`: the slice (injectable with paymentSlice.injectInto(rootReducer)), thunks, selectors, createCashierStore.
export * from '../store/paymentSlice';
export { preverifyPayment } from '../store/preverify-thunk';
export { payWithAuthentication } from '../store/pay-thunk';
export { loadCashierResources } from '../store/resources-thunk';
export { createCashierStore, rootReducer } from '../store/createCashierStore';
export type { CashierStore, CashierRootState, CashierDispatch } from '../store/createCashierStore';
export type { PaymentState, PaymentPhase, FlowError } from '../store/payment-state';
