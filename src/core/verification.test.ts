import fc from 'fast-check';
import { DEFAULT_RULE_BASE } from './rule-base';
import type { RuleBase, VerificationItem } from './service-interfaces';
import { ALICE_PAYMENT } from './test-support';
import { type SingleKeywordResult, verifyPaymentData } from './verification';

const alice = ALICE_PAYMENT;

/** What the mock server sends for alice (docs/api.md, The mock payment server). */
const aliceData = (singleLimit: number): VerificationItem[] => [
  { key: 'amount.amount', value: singleLimit },
  { key: 'amount.currency', value: ['CNY'] },
  { key: 'payerAccount#luhn', value: true },
  { key: 'payerAccount#owned', value: ['6222020000000000018', '6225880000000000044'] },
  { key: 'payeeAccount', value: ['merchant-001'] },
  { key: 'payeeAccount#blocked', value: ['merchant-666'] },
  { key: 'accountId', value: 'active' },
];

const one = (key: string, value: unknown, payment: unknown = alice, ruleBase: unknown = DEFAULT_RULE_BASE) => {
  const outcome = verifyPaymentData(payment, [{ key, value }], ruleBase);
  expect(outcome.results).toHaveLength(1);
  return outcome.results[0] as SingleKeywordResult;
};

describe('verifyPaymentData: the seed example (S214)', () => {
  it('fails ¥2,000.00 against Bank A single limit ¥1,000.00 with a clear message', () => {
    const outcome = verifyPaymentData(alice, aliceData(100000), DEFAULT_RULE_BASE);
    expect(outcome.passed).toBe(false);
    expect(outcome.results.filter((r) => !r.passed)).toEqual([
      {
        key: 'amount.amount',
        passed: false,
        rule: 'atMost',
        expected: 100000,
        actual: 200000,
        message: 'amount.amount 200000 exceeds the limit 100000',
      },
    ]);
    expect(outcome.results).toHaveLength(7);
  });

  it('passes the same amount on the second card (Bank B, ¥50,000.00)', () => {
    const outcome = verifyPaymentData({ ...alice, payerAccount: '6225880000000000044' }, aliceData(5000000), DEFAULT_RULE_BASE);
    expect(outcome.passed).toBe(true);
    expect(outcome.results.every((r) => r.passed && r.message.endsWith('check'))).toBe(true);
  });

  it('fails a frozen account on its status (carol)', () => {
    const result = one('accountId', 'frozen', { ...alice, accountId: 'acct-carol' });
    expect(result).toMatchObject({ passed: false, rule: 'accountStatus', message: 'account acct-carol is frozen, not active' });
  });

  it('uses the local default rule base when the server sends none', () => {
    expect(verifyPaymentData(alice, aliceData(5000000)).passed).toBe(true);
    expect(verifyPaymentData(alice, aliceData(100000)).passed).toBe(false);
  });
});

describe('rules', () => {
  it.each([
    ['amount.amount', 200000, true],
    ['amount.amount', 199999, false],
    ['amount.amount#minimum', 200000, true],
    ['amount.amount#minimum', 200001, false],
    ['accountId#session', 'acct-alice', true],
    ['accountId#session', 'acct-bob', false],
    ['amount.currency', ['USD', 'CNY'], true],
    ['amount.currency', ['USD'], false],
    ['payerAccount#owned', [], false],
    ['payerAccount#blocked', ['6222020000000000018'], false],
    ['payerAccount#blocked', [], true],
    ['payeeAccount#blocked', ['merchant-666'], true],
    ['orderId#format', 'order-\\d{4}', true],
    ['orderId#format', '[a-z]+', false],
    ['orderId#format', 'order', false],
    ['payerAccount#luhn', true, true],
    ['accountId', 'active', true],
    ['accountId', 'closed', false],
  ])('%s with %p -> passed %p', (key, value, passed) => {
    expect(one(key, value)).toMatchObject({ key, passed, expected: value });
  });

  it('reports what failed in plain English', () => {
    expect(one('amount.amount#minimum', 300000).message).toBe('amount.amount 200000 is below the minimum 300000');
    expect(one('accountId#session', 'acct-bob').message).toBe('accountId must be acct-bob');
    expect(one('amount.currency', ['USD']).message).toBe('amount.currency is not one of the allowed values');
    expect(one('payeeAccount#blocked', ['merchant-001']).message).toBe('payeeAccount is on the block list');
    expect(one('orderId#format', '\\d+').message).toBe('orderId does not have the required format');
  });

  it('luhn fails a card with a bad check digit, a short or a non-string one', () => {
    for (const payerAccount of ['6222020000000000019', '0', 4111111111111111]) {
      expect(one('payerAccount#luhn', true, { ...alice, payerAccount })).toMatchObject({
        passed: false,
        message: 'payerAccount is not a valid card number',
      });
    }
  });

  it('compares numbers only as numbers and values only strictly', () => {
    const amountAsText = { ...alice, amount: { amount: '200000', currency: 'CNY' } };
    expect(one('amount.amount', 300000, amountAsText).message).toBe('amount.amount is not a number');
    expect(one('amount.amount#minimum', 1, amountAsText).passed).toBe(false);
    expect(one('amount.currency', ['CNY'], { ...alice, amount: { amount: 1, currency: ['CNY'] } }).passed).toBe(false);
    expect(one('accountId', 'active', { ...alice, accountId: 7 }).message).toBe('accountId is not an account id');
  });

  it('cannot be escaped from: x)|(?: fails closed instead of accepting anything', () => {
    for (const orderId of ['order-1001', 'x', '', 'anything at all']) {
      expect(one('orderId#format', 'x)|(?:', { ...alice, orderId })).toMatchObject({ passed: false, rule: 'pattern' });
    }
    expect(one('orderId#format', '[x])|(?:[').passed).toBe(false);
  });

  it('returns on a catastrophic-backtracking pattern over a long order id (a*a*a*a*a*a*a*b)', () => {
    const hostile = 'a*a*a*a*a*a*a*b';
    for (const length of [64, 256]) {
      expect(one('orderId#format', hostile, { ...alice, orderId: 'a'.repeat(length) })).toMatchObject({
        passed: false,
        message: 'orderId does not have the required format',
      });
    }
    expect(one('orderId#format', '(a+)+$', { ...alice, orderId: `${'a'.repeat(200)}!` }).passed).toBe(false);
    expect(one('orderId#format', '(a+)+', { ...alice, orderId: 'a'.repeat(256) }).passed).toBe(true);
  });

  it('matches a pattern against the whole value only, and only text of at most 256 characters', () => {
    expect(one('orderId#format', 'order').passed).toBe(false);
    expect(one('orderId#format', '^order-1001$').passed).toBe(true);
    expect(one('orderId#format', '.*', { ...alice, orderId: 'x'.repeat(257) }).message).toBe(
      'orderId is not text of at most 256 characters',
    );
  });
});

describe('fails closed', () => {
  it('when the payment data has no value at the keyword', () => {
    const { amount: _amount, ...noAmount } = alice;
    expect(one('amount.amount', 100000, noAmount)).toMatchObject({
      passed: false,
      rule: 'atMost',
      message: 'amount.amount is missing from the payment data',
    });
    expect(one('amount.amount', 100000, null).passed).toBe(false);
  });

  it('when the rule base has no rule for the exact keyword (no fallback to the path)', () => {
    const ruleBase: RuleBase = { version: 'v', rules: { payerAccount: { rule: 'luhn' } } };
    expect(one('payerAccount#owned', [alice.payerAccount], alice, ruleBase)).toMatchObject({
      passed: false,
      rule: null,
      message: 'no verification rule for payerAccount#owned',
    });
  });

  it('only on the check whose rule type is unknown', () => {
    const ruleBase = { version: 'v', rules: { 'amount.amount': { rule: 'lessThan' }, accountId: { rule: 'accountStatus' } } };
    const outcome = verifyPaymentData(alice, [{ key: 'amount.amount', value: 1 }, { key: 'accountId', value: 'active' }], ruleBase);
    expect(outcome.passed).toBe(false);
    expect(outcome.results.map((r) => r.passed)).toEqual([false, true]);
    expect(outcome.results[0]?.message).toContain('ruleBase.rules.amount.amount.rule must be one of atMost');
  });

  it.each([
    ['amount.amount', '100000', 'the atMost rule for amount.amount needs a number as its value'],
    ['amount.amount#minimum', Number.NaN, 'the atLeast rule for amount.amount#minimum needs a number as its value'],
    ['accountId#session', { id: 'acct-alice' }, 'the equals rule for accountId#session needs a plain value as its value'],
    ['amount.currency', 'CNY', 'the oneOf rule for amount.currency needs a list of plain values as its value'],
    ['payeeAccount#blocked', [['merchant-001']], 'needs a list of plain values'],
    ['payerAccount#luhn', 'yes', 'the luhn rule for payerAccount#luhn needs true as its value'],
    ['accountId', '', "needs the account's status"],
    ['orderId#format', 7, 'needs a pattern of at most 200 characters'],
    ['orderId#format', 'a'.repeat(201), 'needs a pattern of at most 200 characters'],
    ['orderId#format', '([', 'needs a pattern the linear-time engine supports'],
    ['orderId#format', 'x)|(?:', 'needs a pattern the linear-time engine supports (an unmatched ")" at position 1'],
    ['orderId#format', '(?=order)order', 'look-around'],
    ['orderId#format', '(a)\\1', 'an escape "\\1"'],
  ])('when %s has a malformed value %p', (key, value, message) => {
    const result = one(key, value);
    expect(result.passed).toBe(false);
    expect(result.message).toContain(message);
  });

  it('when a datum is not {key, value} or its key is not a keyword', () => {
    const outcome = verifyPaymentData(alice, [{ key: 'accountId' }, 'accountId', { key: 'a b', value: 1 }, { key: 'k'.repeat(200), value: 1 }]);
    expect(outcome.passed).toBe(false);
    expect(outcome.results.map((r) => [r.key, r.message])).toEqual([
      ['accountId', 'verification datum 0 is not {key, value}'],
      ['verificationData[1]', 'verification datum 1 is not {key, value}'],
      ['a b', '"a b" is not a verification keyword'],
      ['verificationData[3]', `"${'k'.repeat(64)}" is not a verification keyword`],
    ]);
  });

  it('when the verification data is empty, missing or too long (a server that sends no checks is broken)', () => {
    for (const data of [[], undefined, null, {}, 'amount.amount']) {
      expect(verifyPaymentData(alice, data)).toEqual({
        passed: false,
        results: [expect.objectContaining({ key: 'verificationData', passed: false, message: 'the server sent no verification data' })],
      });
    }
    const tooMany = Array.from({ length: 101 }, () => ({ key: 'accountId', value: 'active' }));
    expect(verifyPaymentData(alice, tooMany).passed).toBe(false);
  });

  it('when the rule base is malformed, on every check', () => {
    for (const ruleBase of [null, 'rules', { rules: {} }, { version: 'v', rules: [] }]) {
      const outcome = verifyPaymentData(alice, aliceData(5000000), ruleBase);
      expect(outcome.passed).toBe(false);
      expect(outcome.results.every((r) => !r.passed && r.message === 'the verification rule base is malformed')).toBe(true);
    }
  });

  it('on hostile objects: throwing getters and revoked proxies', () => {
    const hostile = { get key(): string { throw new Error('boom'); }, value: 1 };
    expect(verifyPaymentData(alice, [hostile, { key: 'accountId', value: 'active' }]).results.map((r) => r.passed)).toEqual([false, true]);
    const { proxy, revoke } = Proxy.revocable([], {});
    revoke();
    expect(verifyPaymentData(alice, proxy).passed).toBe(false);
    const payment = { ...alice, get accountId(): string { throw new Error('boom'); } };
    expect(one('accountId', 'active', payment)).toMatchObject({ passed: false, message: 'accountId could not be checked' });
  });
});

describe('properties (S215-S217)', () => {
  const keys = Object.keys(DEFAULT_RULE_BASE.rules);
  const datum = fc.record({
    key: fc.constantFrom(...keys),
    value: fc.oneof(
      fc.integer({ min: 0, max: 400000 }),
      fc.constantFrom('active', 'frozen', true, 'acct-alice', 'order-\\d+', '.*'),
      fc.subarray(['CNY', 'USD', alice.payerAccount, 'merchant-001', 'acct-alice']),
    ),
  });

  it('the overall result is the AND of the single keyword results, whatever their order', () => {
    const dataAndPermutation = fc
      .array(datum, { minLength: 1, maxLength: 12 })
      .chain((data) => fc.tuple(fc.constant(data), fc.shuffledSubarray(data, { minLength: data.length, maxLength: data.length })));
    fc.assert(
      fc.property(dataAndPermutation, ([data, shuffled]) => {
        const outcome = verifyPaymentData(alice, data, DEFAULT_RULE_BASE);
        expect(outcome.results).toHaveLength(data.length);
        expect(outcome.passed).toBe(outcome.results.every((r) => r.passed));
        const again = verifyPaymentData(alice, shuffled, DEFAULT_RULE_BASE);
        expect(again.passed).toBe(outcome.passed);
        const sorted = (rs: SingleKeywordResult[]) => rs.map((r) => JSON.stringify(r)).sort();
        expect(sorted(again.results)).toEqual(sorted(outcome.results));
      }),
    );
  });

  it('a keyword whose value is missing from the payment data always fails', () => {
    fc.assert(
      fc.property(fc.array(datum, { minLength: 1, maxLength: 8 }), fc.boolean(), (data, dropLeaf) => {
        const victim = data[0] as VerificationItem;
        const path = victim.key.split('#')[0] as string;
        const payment = structuredClone(alice) as unknown as Record<string, Record<string, unknown>>;
        const [top, leaf] = path.split('.') as [string, string | undefined];
        if (leaf && dropLeaf) delete payment[top]?.[leaf];
        else delete payment[top];
        const outcome = verifyPaymentData(payment, data, DEFAULT_RULE_BASE);
        expect(outcome.passed).toBe(false);
        expect(outcome.results[0]).toMatchObject({ passed: false, message: `${path} is missing from the payment data` });
      }),
    );
  });

  it('never throws, and anything unknown fails', () => {
    fc.assert(
      fc.property(fc.anything(), fc.anything(), fc.anything(), (payment, data, ruleBase) => {
        const outcome = verifyPaymentData(payment, data, ruleBase);
        expect(outcome.passed).toBe(false);
        expect(outcome.results.length).toBeGreaterThan(0);
      }),
      { numRuns: 300 },
    );
    fc.assert(
      fc.property(fc.array(fc.record({ key: fc.string(), value: fc.anything() })), fc.anything(), (data, payment) => {
        const outcome = verifyPaymentData(payment, data, DEFAULT_RULE_BASE);
        expect(outcome.passed).toBe(outcome.results.length > 0 && outcome.results.every((r) => r.passed));
      }),
      { numRuns: 300 },
    );
  });
});
