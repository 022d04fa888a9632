// Fuzzing (fast-check) the code that judges untrusted input: the rule engine (S2), money parsing and the
// server-content sanitisers never throw anything but their own errors, and every unknown fails closed.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import fc from 'fast-check';
import { formatMoney, MoneyError, parseMajorAmount, parseMoney } from '../../src/core/money';
import { SchemaError } from '../../src/core/schema';
import { safeCorrectionUrl, sanitizeServerText } from '../../src/core/server-content';
import { verifyPaymentData } from '../../src/core/verification';
import { reliabilitySeed } from './support/seed';
import { emptyCounts, recordSummary } from './support/summary';

const SEED = reliabilitySeed();
const counts = emptyCounts();
const fcOptions = (numRuns: number) => ({ numRuns, seed: SEED, endOnFailure: true });
const payment = { orderId: 'order-fuzz', accountId: 'acct-alice', amount: { amount: 10_000, currency: 'CNY' }, payerAccount: '6222020000000000018', payeeAccount: 'merchant-001' };

before(() => {
  console.log(`[reliability] core fuzz seed ${SEED} (replay: RELIABILITY_SEED=${SEED})`);
});

after(() => {
  recordSummary('fuzz: rule engine, money, server content', counts, [`seed ${SEED}`]);
});

/** A value whose reading throws: a hostile proxy, a throwing getter (each prints its name in a counterexample). */
const named = <T extends object>(value: T, name: string): T => Object.defineProperty(value, fc.toStringMethod, { value: () => name });
const throwingProxy = new Proxy(
  {},
  {
    has: (_target, key) => key === fc.toStringMethod,
    get: (_target, key) => {
      if (key === fc.toStringMethod) return () => 'throwing proxy';
      throw new Error('boom');
    },
    ownKeys: () => {
      throw new Error('boom');
    },
  },
);
const throwing = () => {
  throw new Error('getter');
};
const hostile = fc.constantFrom<unknown>(
  throwingProxy,
  named(Object.defineProperty({ currency: 'CNY' }, 'amount', { get: throwing, enumerable: true }), 'object with a throwing amount getter'),
  named(Object.defineProperty([], 0, { get: throwing, enumerable: true }), 'array with a throwing item'),
);
const anyInput = fc.oneof({ arbitrary: fc.anything(), weight: 8 }, { arbitrary: hostile, weight: 1 });
const KNOWN_KEYS = ['amount.amount', 'amount.amount#minimum', 'amount.currency', 'payerAccount#luhn', 'payerAccount#owned', 'accountId', 'accountId#session', 'payeeAccount', 'orderId#format'];

test('the rule engine never throws, and every unknown fails closed', () => {
  const datum = fc.record({ key: fc.oneof(fc.constantFrom(...KNOWN_KEYS), fc.string({ maxLength: 40 })), value: anyInput });
  const ruleBase = fc.oneof(
    fc.constant(undefined),
    anyInput,
    fc.record({ version: fc.string(), rules: fc.dictionary(fc.string({ maxLength: 30 }), fc.record({ rule: fc.string({ maxLength: 12 }) })) }),
  );
  const startedRuns = counts.runs;
  fc.assert(
    fc.property(fc.oneof(anyInput, fc.constant(payment)), fc.oneof(anyInput, fc.array(datum, { maxLength: 8 })), ruleBase, (pay, data, base) => {
      counts.runs += 1;
      const result = verifyPaymentData(pay, data, base);
      assert.equal(typeof result.passed, 'boolean');
      assert.ok(Array.isArray(result.results) && result.results.length > 0, 'there is always a reason');
      if (!Array.isArray(data) || data.length === 0) assert.equal(result.passed, false, 'no verification data fails closed');
      for (const one of result.results) if (one.rule === null) assert.equal(one.passed, false, `an unknown rule or keyword fails: ${one.key}`);
      assert.equal(result.passed, result.results.every((r) => r.passed));
    }),
    fcOptions(4000),
  );
  // Unknown keywords and unknown rule types, each alone: not passed.
  fc.assert(
    fc.property(fc.string({ minLength: 1, maxLength: 20 }).filter((k) => !KNOWN_KEYS.includes(k)), fc.anything(), (key, value) => {
      counts.runs += 1;
      assert.equal(verifyPaymentData(payment, [{ key, value }]).passed, false);
      const unknownRule = { version: '1', rules: { 'amount.amount': { rule: key } } };
      assert.equal(verifyPaymentData(payment, [{ key: 'amount.amount', value: 1e9 }], unknownRule).passed, false);
    }),
    fcOptions(1000),
  );
  assert.ok(counts.runs - startedRuns >= 5000);
});

const moneyError = (error: unknown) => error instanceof MoneyError || error instanceof SchemaError;

test('money parsing never throws anything but a MoneyError, and unknown currencies fail', () => {
  fc.assert(
    fc.property(anyInput, fc.oneof(fc.string({ maxLength: 30 }), fc.constantFrom('１００．５', '1,000.00', '0.001', '1e5', '-1', ' 12 ', '9'.repeat(40)), anyInput), fc.oneof(fc.constantFrom('CNY', 'JPY', 'KWD', 'XXX', 'cny', ''), anyInput), (input, text, currency) => {
      counts.runs += 1;
      try {
        const money = parseMoney(input);
        assert.ok(Number.isSafeInteger(money.amount) && money.amount >= 0);
        assert.equal(typeof formatMoney(money, 'en-US'), 'string');
      } catch (error) {
        assert.ok(moneyError(error), `parseMoney threw ${String(error)}`);
      }
      try {
        const money = parseMajorAmount(text as string, currency as string);
        assert.ok(Number.isSafeInteger(money.amount) && money.amount >= 0, `${String(text)} -> ${money.amount}`);
        assert.equal(money.currency, currency);
      } catch (error) {
        assert.ok(moneyError(error), `parseMajorAmount threw ${String(error)}`);
      }
    }),
    fcOptions(4000),
  );
  fc.assert(
    fc.property(fc.string({ maxLength: 5 }).filter((c) => !['CNY', 'USD', 'JPY', 'EUR', 'KWD'].includes(c) && !/^[A-Z]{3}$/.test(c)), fc.nat(), (currency, n) => {
      counts.runs += 1;
      assert.throws(() => parseMoney({ amount: n, currency }), (e: unknown) => e instanceof MoneyError && e.code === 'UNKNOWN_CURRENCY' || e instanceof MoneyError && e.code === 'REQUIRED');
    }),
    fcOptions(500),
  );
});

test('server content: any text is made safe to show, and any link is https on an allowed origin or dropped', () => {
  const hostileUrl = fc.oneof(
    fc.string({ maxLength: 80 }),
    fc.webUrl(),
    fc.constantFrom('javascript:alert(1)', 'JaVaScRiPt:alert(1)', ' javascript:alert(1)', 'java\tscript:alert(1)', 'data:text/html,<script>alert(1)</script>', 'vbscript:x', '//evil.example/x', '\\\\evil.example', 'https://user:pw@evil.example/', 'https://bank.example/\u202efdp.exe', 'https://x'.padEnd(5000, 'x')),
    fc.tuple(fc.constantFrom('javascript:', 'data:', 'https://ok.example/', 'https://ok.example@evil.example/', 'http://ok.example/', '/fix/'), fc.string({ maxLength: 40 })).map(([a, b]) => a + b),
  );
  fc.assert(
    fc.property(hostileUrl, fc.string({ maxLength: 600 }), (url, text) => {
      counts.runs += 1;
      const safe = safeCorrectionUrl(url, ['https://ok.example']);
      if (safe !== null) {
        const parsed = new URL(safe);
        assert.equal(parsed.origin, 'https://ok.example', `kept ${safe}`);
        assert.ok(!parsed.username && !parsed.password);
        assert.doesNotMatch(safe, /[\u202a-\u202e\u2066-\u2069\u200b-\u200f]/);
      } else counts.faults += 1;
      const shown = sanitizeServerText(text);
      assert.ok(shown.length <= 300);
      // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what must not be shown.
      assert.doesNotMatch(shown, /[\u202a-\u202e\u2066-\u2069\u200b-\u200f\u0000-\u0008]/);
    }),
    fcOptions(3000),
  );
});
