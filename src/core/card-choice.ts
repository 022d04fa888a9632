// Which of the account's cards to offer first after a failed verification: the first one the rule base says would pass.
import { keywordPath } from './rule-base';
import type { PaymentData } from './types';
import { type SingleKeywordResult, verifyPaymentData } from './verification';

export interface CardChoice {
  index: number;
  /** True when the rule base showed the card passes every check that depends on the card; false when it cannot tell. */
  known: boolean;
}

/**
 * Re-runs the checks of the failed verification for each other card. Checks on the card number itself (ownership, Luhn,
 * block list) are evaluated locally with their rule and datum; the single limit belongs to the failed card's bank, so
 * for another card it is unknown, and then the first other card that passes what can be known is offered: never the
 * card that just failed while another exists. `results` are the verification's per-keyword results (rule + datum).
 */
export function chooseCard(cards: readonly { cardNumber: string }[], payment: PaymentData, results: readonly SingleKeywordResult[]): CardChoice {
  const current = cards.findIndex((c) => c.cardNumber === payment.payerAccount);
  const others = cards.map((_, i) => i).filter((i) => i !== current);
  if (others.length === 0) return { index: Math.max(0, current), known: false };
  const cardChecks = results.filter((r) => keywordPath(r.key) === 'payerAccount' && r.rule !== null);
  // Checks that do not depend on the card give the same answer for every card; the single limit is the failed card's.
  const otherwiseFailing = results.some((r) => !r.passed && keywordPath(r.key) !== 'payerAccount' && keywordPath(r.key) !== 'amount.amount');
  const limitFailed = results.some((r) => !r.passed && keywordPath(r.key) === 'amount.amount');
  const passesCardChecks = (i: number): boolean => {
    if (cardChecks.length === 0) return true;
    const data = cardChecks.map((r) => ({ key: r.key, value: r.expected }));
    const ruleBase = { version: 'card-checks', rules: Object.fromEntries(cardChecks.map((r) => [r.key, { rule: r.rule }])) };
    return verifyPaymentData({ ...payment, payerAccount: cards[i]?.cardNumber }, data, ruleBase).passed;
  };
  const passing = others.find(passesCardChecks);
  if (passing === undefined) return { index: others[0] as number, known: false };
  return { index: passing, known: !otherwiseFailing && !limitFailed };
}
