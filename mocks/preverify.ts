// Payment pre-verification interface (S1-S2): the verification data and rule base for one payment.
import { Router } from 'express';
import type { PreverifyResponse, RuleBase, VerificationItem } from '../src/core/service-interfaces';
import type { PaymentData } from '../src/core/types';
import { BLOCKED_PAYEES, bankOfCard, DEFAULT_SINGLE_LIMIT, PAYEES, SUPPORTED_CURRENCIES } from './fixtures';
import { scenarioGate } from './scenario';
import type { MockStore } from './state';
import { parsePreverifyRequest, requireValid, verifyPaymentData } from './validation';

/** S213: the server's rule base; it replaces the client's local default, so its keys are the ones that count. */
export const RULE_BASE: RuleBase = {
  version: 'mock-2025.1',
  rules: {
    'amount.amount': { rule: 'atMost', description: "The amount is at most the single-payment limit of the card's bank." },
    'amount.currency': { rule: 'oneOf', description: 'The currency is one the payee accepts.' },
    'payerAccount#luhn': { rule: 'luhn', description: 'The card number passes the Luhn check.' },
    'payerAccount#owned': { rule: 'oneOf', description: "The card is one of the payer account's cards." },
    payeeAccount: { rule: 'oneOf', description: 'The payee is a known merchant.' },
    'payeeAccount#blocked': { rule: 'notIn', description: 'The payee is not on the block list.' },
    accountId: { rule: 'accountStatus', description: "The payer's account is active." },
  },
};

/** S211: the verification data for this payment, looked up from the account, card and payee records. */
export function verificationFor(store: MockStore, payment: PaymentData): PreverifyResponse {
  const account = store.accounts.get(payment.accountId);
  const singleLimit = bankOfCard(payment.payerAccount)?.singleLimit ?? DEFAULT_SINGLE_LIMIT;
  const verificationData: VerificationItem[] = [
    { key: 'amount.amount', value: singleLimit },
    { key: 'amount.currency', value: [...SUPPORTED_CURRENCIES] },
    { key: 'payerAccount#luhn', value: true },
    { key: 'payerAccount#owned', value: account ? [...account.cards] : [] },
    { key: 'payeeAccount', value: PAYEES.map((payee) => payee.payeeAccount) },
    { key: 'payeeAccount#blocked', value: [...BLOCKED_PAYEES] },
    // An unknown account answers 'unknown', which fails closed like 'frozen'.
    { key: 'accountId', value: account?.status ?? 'unknown' },
  ];
  return { verificationData, ruleBase: RULE_BASE };
}

/** The server's own re-run of S2 before it takes a payment: the client's verdict is never trusted. */
export function failedChecks(store: MockStore, payment: PaymentData): string[] {
  const { verificationData, ruleBase } = verificationFor(store, payment);
  const outcome = verifyPaymentData(payment, verificationData, ruleBase);
  return outcome.results.filter((result) => !result.passed).map((result) => result.key);
}

export function preverifyRoutes(store: MockStore): Router {
  const router = Router();
  router.post('/preverify', scenarioGate(store, 'preverify'), (req, res) => {
    const { payment } = requireValid(parsePreverifyRequest(req.body));
    res.json(verificationFor(store, payment) satisfies PreverifyResponse);
  });
  return router;
}
