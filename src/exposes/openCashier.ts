// docs/api.md, Federation, `./openCashier`: no React needed in the host.
export { openCashier } from '../pages/cashier-app/openCashier';
export { mountCashier, type MountedCashier } from '../pages/cashier-app/mountCashier';
export type { CashierOptions, PaymentReminder, CashierEvent, PaymentData, Money, Method } from '../core/types';
