// `./paymentSlice`: the slice (injectable with paymentSlice.injectInto(rootReducer)), the flow's thunks and selectors,
// and createCashierStore: everything a host needs to drive a payment with its own UI and the cashier's rules.
export * from '../store/paymentSlice';
export {
  startFlow,
  pay,
  payWith,
  requestPasswordChallenge,
  sendPayment,
  submitPayment,
  checkAgain,
  tryAgain,
  chooseAnotherMethod,
  endFlow,
  closeFlow,
  loadCashierResources,
} from '../store/flow-thunks';
export { createCashierStore, rootReducer, cashierServicesOf, flowDispatchFor } from '../store/createCashierStore';
export { createCashierServices, type CashierServices, type CashierServicesOptions, type FlowHooks } from '../store/cashier-services';
export { FLOW_TRANSITIONS, canMove, finalStatusFor } from '../store/flow-machine';
export type { CashierStore, CashierRootState, CashierDispatch, FlowDispatch, CreateCashierStoreOptions } from '../store/createCashierStore';
export type { PaymentState, PaymentPhase, FlowError, PaymentAttempt } from '../store/payment-state';
// For a host that draws its own keypad: seal the digits with a challenge from requestPasswordChallenge().
export { encryptPassword } from '../core/password-cipher';
