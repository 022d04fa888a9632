// docs/api.md, Federation, `./CashierPage`: default export, the whole flow for one payment.
export { default } from '../pages/cashier-page/CashierPage';
export type { CashierOptions, PaymentReminder, CashierEvent, PaymentData, Money, Method } from '../core/types';
