import type { PaymentData } from '../core/types';
import type { SingleKeywordResult } from '../core/verification';
import { checkReason } from './check-reasons';

const payment: PaymentData = {
  orderId: 'o-1',
  accountId: 'acct-alice',
  amount: { amount: 200_000, currency: 'CNY' },
  payerAccount: '6222020000000000018',
  payeeAccount: 'merchant-001',
};
const failed = (over: Partial<SingleKeywordResult>): SingleKeywordResult => ({
  key: 'amount.amount',
  passed: false,
  rule: 'atMost',
  expected: 100_000,
  actual: 200_000,
  message: 'amount.amount 200000 exceeds the limit 100000',
  ...over,
});

describe('checkReason', () => {
  it('names the single limit and the amount, grouped, in both locales', () => {
    expect(checkReason(failed({}), payment, 'en-US')).toBe("Exceeds this card's single limit of ¥1,000.00 (you're paying ¥2,000.00)");
    expect(checkReason(failed({}), payment, 'zh-CN')).toBe('超出该卡单笔限额 ¥1,000.00（本次支付 ¥2,000.00）');
  });

  it('names the minimum', () => {
    const result = failed({ key: 'amount.amount#minimum', rule: 'atLeast', expected: 100, actual: 50 });
    expect(checkReason(result, { ...payment, amount: { amount: 50, currency: 'CNY' } }, 'en-US')).toBe(
      "Below the minimum payment of ¥1.00 (you're paying ¥0.50)",
    );
  });

  it('names the accepted currencies', () => {
    const result = failed({ key: 'amount.currency', rule: 'oneOf', expected: ['CNY', 'HKD'], actual: 'USD' });
    expect(checkReason(result, { ...payment, amount: { amount: 100, currency: 'USD' } }, 'en-US')).toBe('USD is not accepted here (accepted: CNY, HKD)');
    expect(checkReason(result, payment, 'zh-CN')).toBe('暂不支持以 USD 支付（支持：CNY、HKD）');
  });

  it('gives null for passed checks, checks without figures and figures that are not money', () => {
    expect(checkReason(failed({ passed: true }), payment, 'en-US')).toBeNull();
    expect(checkReason(failed({ key: 'accountId', rule: 'accountStatus', expected: 'frozen', actual: 'acct-carol' }), payment, 'en-US')).toBeNull();
    expect(checkReason(failed({ expected: '100000' }), payment, 'en-US')).toBeNull();
    expect(checkReason(failed({ expected: 1.5 }), payment, 'en-US')).toBeNull();
    expect(checkReason(failed({ rule: null }), payment, 'en-US')).toBeNull();
    expect(checkReason(failed({}), { ...payment, amount: { amount: 200_000, currency: 'XXX' } }, 'en-US')).toBeNull();
  });
});
