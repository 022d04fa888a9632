// The fixture accounts, cards, banks and payees (docs/api.md, The mock payment server); present after start or reset.
import type { Money } from '../src/core/types';
import { hashPassword } from './password-crypto';

export const CURRENCY = 'CNY';
export const SUPPORTED_CURRENCIES: readonly string[] = [CURRENCY];

export interface Bank {
  bankId: string;
  name: string;
  /** Single-payment limit in minor units of CNY. */
  singleLimit: number;
  /** Issuer identification numbers (first six digits) of the bank's cards. */
  bins: readonly string[];
}

export const BANKS: readonly Bank[] = [
  { bankId: 'bank-a', name: 'Bank A', singleLimit: 100_000, bins: ['622202'] },
  { bankId: 'bank-b', name: 'Bank B', singleLimit: 5_000_000, bins: ['622588', '621700'] },
  { bankId: 'bank-c', name: 'Bank C', singleLimit: 5_000_000, bins: ['622848'] },
];

/** A card whose issuer is unknown gets this limit; it fails `payerAccount#owned` anyway. */
export const DEFAULT_SINGLE_LIMIT = 5_000_000;

export type AccountStatus = 'active' | 'frozen';

export interface AccountFixture {
  accountId: string;
  cards: readonly string[];
  status: AccountStatus;
  balance: Money;
  /** The fixtures' test password: only hashed at start-up, never stored or compared in plain. */
  password: string;
}

export const ACCOUNT_FIXTURES: readonly AccountFixture[] = [
  {
    accountId: 'acct-alice',
    cards: ['6222020000000000018', '6225880000000000044'],
    status: 'active',
    balance: { amount: 500_000, currency: CURRENCY },
    password: '123456',
  },
  {
    accountId: 'acct-bob',
    cards: ['6217000000000000020'],
    status: 'active',
    balance: { amount: 10_000, currency: CURRENCY },
    password: '654321',
  },
  {
    accountId: 'acct-carol',
    cards: ['6228480000000000034'],
    status: 'frozen',
    balance: { amount: 1_000_000, currency: CURRENCY },
    password: '111111',
  },
];

export interface Payee {
  payeeAccount: string;
  name: string;
}

export const PAYEES: readonly Payee[] = [{ payeeAccount: 'merchant-001', name: 'Merchant 001' }];

/** Payees the risk team has blocked (`payeeAccount#blocked` notIn this list). */
export const BLOCKED_PAYEES: readonly string[] = ['merchant-blocked-666'];

export function bankOfCard(cardNumber: string): Bank | undefined {
  return BANKS.find((bank) => bank.bins.some((bin) => cardNumber.startsWith(bin)));
}

export function payeeName(payeeAccount: string): string | undefined {
  return PAYEES.find((payee) => payee.payeeAccount === payeeAccount)?.name;
}

export interface AccountRecord {
  accountId: string;
  cards: string[];
  status: AccountStatus;
  balance: Money;
  passwordHash: string;
}

let hashedFixtures: readonly AccountRecord[] | undefined;

/** Fresh mutable copies of the fixture accounts; the scrypt hashes are computed once per process. */
export function fixtureAccounts(): AccountRecord[] {
  hashedFixtures ??= ACCOUNT_FIXTURES.map(({ password, ...account }) => ({
    ...account,
    cards: [...account.cards],
    passwordHash: hashPassword(password),
  }));
  return hashedFixtures.map((account) => ({ ...account, cards: [...account.cards], balance: { ...account.balance } }));
}
