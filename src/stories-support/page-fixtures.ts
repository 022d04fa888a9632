// Fixture data for the page stories, matching the mock payment server's fixtures (mocks/fixtures.ts), so a page
// that asks the payment server (MSW in Storybook) gets answers consistent with its preloaded state.
import type { CashierResources, PaymentResult } from '../core/service-interfaces';
import type { FailedCheck, Locale, PaymentData } from '../core/types';
import type { SingleKeywordResult } from '../core/verification';
import { checkReason } from '../i18n/check-reasons';
import { initialPaymentState, type PaymentPhase, type PaymentState } from '../store/payment-state';

export const storyPayment: PaymentData = {
  orderId: 'order-preview-0001',
  accountId: 'acct-alice',
  amount: { amount: 10000, currency: 'CNY' },
  payerAccount: '6222020000000000018',
  payeeAccount: 'merchant-001',
};

/** The seed's own example: ¥2,000.00 over the first card's single-payment limit. */
export const overLimitPayment: PaymentData = { ...storyPayment, amount: { amount: 200000, currency: 'CNY' } };

export const storyResources: CashierResources = {
  passwordComponent: 'six-digit',
  shuffleKeys: false,
  cards: [
    { cardNumber: '6222020000000000018', masked: '•••• 0018', bankName: 'Bank A' },
    { cardNumber: '6225880000000000044', masked: '•••• 0044', bankName: 'Bank B' },
  ],
  payeeName: 'Merchant 001',
  // As the mock's fixtures start: nothing enrolled, so Fingerprint and Face say "Set up after this payment".
  enrolled: { fingerprint: false, face: false, credentialIds: [] },
};

/** A credential id "this device" registered, in the enrolled stories. */
export const STORY_CREDENTIAL_ID = 'c3Rvcnktc3RhbmQtaW4tY3JlZGVudGlhbA';

/** The same payer after enrolling a fingerprint on this device and a face: every method pays. */
export const enrolledResources: CashierResources = {
  ...storyResources,
  enrolled: { fingerprint: true, face: true, credentialIds: [STORY_CREDENTIAL_ID] },
};

// A fixed moment, so screenshots of a story compare.
export const STORY_AT = '2025-06-01T08:30:00.000Z';
export const STORY_UNLOCKS_AT = '2025-06-01T09:00:00.000Z';

export function singleLimitCheck(locale: Locale): FailedCheck {
  return {
    key: 'amount.amount#singleLimit',
    // As the flow words it: the reason with both figures, from the rule base's result.
    message: checkReason(singleLimitResult, overLimitPayment, locale) ?? '',
    correctionUrl: `https://bank.example/help/single-payment-limit?lang=${locale}`,
  };
}

/** What the rule base found for the seed's example: ¥2,000.00 against the first card's ¥1,000.00 single limit. */
export const singleLimitResult: SingleKeywordResult = {
  key: 'amount.amount#singleLimit',
  passed: false,
  rule: 'atMost',
  expected: 100_000,
  actual: 200_000,
  message: 'amount.amount exceeds 100000',
};

/** A check with no correction page: only the message shows. */
export function minimumAmountCheck(locale: Locale): FailedCheck {
  return {
    key: 'amount.amount#minimum',
    message: locale === 'en-US' ? 'The amount is below the smallest payment accepted.' : '支付金额低于最低支付金额。',
  };
}

export function accountFrozenCheck(locale: Locale): FailedCheck {
  return {
    key: 'accountId#status',
    message:
      locale === 'en-US'
        ? 'Your account cannot pay right now (it may be frozen). Contact customer service to restore it.'
        : '您的账户当前无法支付（可能已被冻结），请联系客服恢复。',
    correctionUrl: `https://bank.example/help/account-status?lang=${locale}`,
  };
}

export type StoryOutcome = 'succeeded' | 'wrongPassword' | 'insufficientFunds' | 'locked';

/** S4 payment results as the server sends them. */
export function storyResult(outcome: StoryOutcome, payment: PaymentData = storyPayment): PaymentResult {
  const base = { orderId: payment.orderId, amount: payment.amount, method: 'password' as const, at: STORY_AT };
  switch (outcome) {
    case 'succeeded':
      return { ...base, status: 'succeeded', paymentId: 'pay-preview-0001', message: 'Payment succeeded' };
    case 'wrongPassword':
      return { ...base, status: 'failed', code: 'WRONG_PASSWORD', message: 'Wrong payment password', attemptsLeft: 4 };
    case 'insufficientFunds':
      return { ...base, status: 'failed', code: 'INSUFFICIENT_FUNDS', message: 'Insufficient balance' };
    case 'locked':
      return { ...base, status: 'failed', code: 'PASSWORD_LOCKED', message: 'Payment password locked', attemptsLeft: 0, unlocksAt: STORY_UNLOCKS_AT };
  }
}

/** The payment slice in one phase of the flow, for a preloaded store. */
export function flowState(phase: PaymentPhase, locale: Locale, over: Partial<PaymentState> = {}): PaymentState {
  return {
    ...initialPaymentState,
    flowId: 1,
    phase,
    locale,
    payment: storyPayment,
    resources: storyResources,
    method: phase === 'idle' || phase === 'preverifying' || phase === 'verificationFailed' ? null : 'password',
    ...over,
  };
}
