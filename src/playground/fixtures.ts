import type { PaymentData } from '../core/types';

// The mock server's fixture accounts (docs/api.md, The mock payment server), for the playground's pickers.
export const PLAYGROUND_ACCOUNTS = [
  { accountId: 'acct-alice', label: 'Alice (password 123456)', cards: ['6222020000000000018', '6225880000000000044'] },
  { accountId: 'acct-bob', label: 'Bob (password 654321, balance ¥100.00)', cards: ['6217000000000000020'] },
  { accountId: 'acct-carol', label: 'Carol (frozen, password 111111)', cards: ['6228480000000000034'] },
] as const;

export const SCENARIOS = ['normal', 'slow', 'server-error', 'drop-pay-response'] as const;

export function playgroundPayment(accountId: string, card: string, amountMinor: number): PaymentData {
  return {
    orderId: `order-${Date.now().toString(36)}-${Math.floor(Math.random() * 1e6).toString(36)}`,
    accountId,
    amount: { amount: amountMinor, currency: 'CNY' },
    payerAccount: card,
    payeeAccount: 'merchant-001',
  };
}
