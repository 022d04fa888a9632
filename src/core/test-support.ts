// Shared by the core tests: the mock server's fixture payment (alice, first card; docs/api.md, The mock payment
// server) and "what did it throw".
import type { PaymentData } from './types';

export const ALICE_PAYMENT: PaymentData = {
  orderId: 'order-1001',
  accountId: 'acct-alice',
  amount: { amount: 200000, currency: 'CNY' },
  payerAccount: '6222020000000000018',
  payeeAccount: 'merchant-001',
};

/** The error `run` throws, which must be a `type`; anything else fails the test. */
export function thrownBy<E extends Error>(type: abstract new (...args: never[]) => E, run: () => unknown): E {
  try {
    run();
  } catch (error) {
    if (error instanceof type) return error;
    throw error;
  }
  throw new Error(`expected a ${type.name}`);
}
