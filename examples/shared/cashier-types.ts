// Types only (erased at build): the remote's public surface, as a host gets it from the remote's @mf-types.
export type {
  CashierOptions,
  CashierEvent,
  Method,
  Money,
  PaymentData,
  PaymentReminder,
} from '../../src/exposes/CashierPage';
export type CashierPageModule = typeof import('../../src/exposes/CashierPage');
export type OpenCashierModule = typeof import('../../src/exposes/openCashier');
export type PaymentSliceModule = typeof import('../../src/exposes/paymentSlice');
export type { PaymentState, PaymentPhase } from '../../src/exposes/paymentSlice';
