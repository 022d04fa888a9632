import { chooseCard } from './card-choice';
import type { PaymentData } from './types';
import { verifyPaymentData } from './verification';

const FIRST = '6222020000000000018';
const SECOND = '6225880000000000044';
const FOREIGN = '6217000000000000020';
const payment: PaymentData = {
  orderId: 'o-1',
  accountId: 'acct-alice',
  amount: { amount: 200_000, currency: 'CNY' },
  payerAccount: FIRST,
  payeeAccount: 'merchant-001',
};
const cards = (...numbers: string[]) => numbers.map((cardNumber) => ({ cardNumber }));
/** The checks as the engine gives them, for the payment's own card. */
const results = (data: { key: string; value: unknown }[], p: PaymentData = payment) => verifyPaymentData(p, data).results;

describe('chooseCard', () => {
  it('over the single limit: the first other card passing the card checks, never the failed one (its limit is unknown)', () => {
    const checks = results([
      { key: 'amount.amount', value: 100_000 },
      { key: 'payerAccount#owned', value: [FIRST, SECOND] },
      { key: 'payerAccount#luhn', value: true },
    ]);
    expect(chooseCard(cards(FIRST, SECOND), payment, checks)).toEqual({ index: 1, known: false });
    expect(chooseCard(cards(SECOND, FIRST), payment, checks)).toEqual({ index: 0, known: false });
  });

  it('a card check failed: skips cards the rule base says fail too, and knows the chosen one passes', () => {
    const p = { ...payment, payerAccount: FOREIGN };
    const checks = results([{ key: 'payerAccount#owned', value: [FIRST, SECOND] }], p);
    expect(checks[0]?.passed).toBe(false);
    expect(chooseCard(cards(FOREIGN, '6222020000000000000', SECOND), p, checks)).toEqual({ index: 2, known: true });
    // A blocked card is skipped too.
    const blocked = results(
      [
        { key: 'payerAccount#owned', value: [FIRST, SECOND] },
        { key: 'payerAccount#blocked', value: [FIRST] },
      ],
      p,
    );
    expect(chooseCard(cards(FOREIGN, FIRST, SECOND), p, blocked)).toEqual({ index: 2, known: true });
  });

  it('no other card passes what can be known: the first other card, not the failed one', () => {
    const p = { ...payment, payerAccount: FOREIGN };
    const checks = results([{ key: 'payerAccount#owned', value: [FIRST] }], p);
    expect(chooseCard(cards(FOREIGN, SECOND), p, checks)).toEqual({ index: 1, known: false });
  });

  it('a failure no card can mend (account status) is never reported as known', () => {
    const checks = results([
      { key: 'accountId', value: 'frozen' },
      { key: 'payerAccount#owned', value: [FIRST, SECOND] },
    ]);
    expect(chooseCard(cards(FIRST, SECOND), payment, checks)).toEqual({ index: 1, known: false });
  });

  it('one card only, or the payment card not in the list', () => {
    expect(chooseCard(cards(FIRST), payment, [])).toEqual({ index: 0, known: false });
    expect(chooseCard(cards(), payment, [])).toEqual({ index: 0, known: false });
    expect(chooseCard(cards(SECOND, FIRST), { ...payment, payerAccount: FOREIGN }, [])).toEqual({ index: 0, known: true });
  });
});
