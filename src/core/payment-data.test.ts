import fc from 'fast-check';
import {
  cardNumberSchema,
  getValueAtPath,
  idSchema,
  luhnValid,
  maskCardNumber,
  normalizeCardNumber,
  paymentDataSchema,
  validatePaymentData,
} from './payment-data';
import type { SchemaError } from './schema';
import { ALICE_PAYMENT } from './test-support';
import type { PaymentData } from './types';

const alice = ALICE_PAYMENT;

/** The Luhn check digit that completes `body`. */
const checkDigit = (body: string) => [...'0123456789'].find((d) => luhnValid(body + d)) as string;

describe('validatePaymentData', () => {
  it('accepts the fixtures and returns a normalised copy', () => {
    const input = { ...alice, payerAccount: '6222 0200-0000 0000 018', note: 'dropped' };
    const result = validatePaymentData(input);
    expect(result).toEqual({ ok: true, value: alice });
    if (result.ok) expect(result.value.amount).not.toBe(input.amount);
    for (const card of ['6225880000000000044', '6217000000000000020', '6228480000000000034']) {
      expect(validatePaymentData({ ...alice, payerAccount: card }).ok).toBe(true);
    }
  });

  it('reports every bad field at once, with a code and an English message', () => {
    const result = validatePaymentData({
      orderId: '',
      accountId: 'a'.repeat(65),
      amount: { amount: 0, currency: 'CNY' },
      payerAccount: '6222020000000000019',
      payeeAccount: 'merchant 001',
    });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors).toEqual([
      { field: 'orderId', code: 'REQUIRED', message: 'orderId is required' },
      { field: 'accountId', code: 'TOO_LONG', message: 'accountId is longer than 64 characters' },
      { field: 'amount.amount', code: 'NOT_POSITIVE', message: 'amount.amount must be greater than 0' },
      { field: 'payerAccount', code: 'LUHN', message: 'payerAccount is not a valid card number (check digit)' },
      { field: 'payeeAccount', code: 'INVALID_CHARS', message: 'payeeAccount may only hold letters, digits and _ . : -' },
    ]);
  });

  it.each([
    [{ ...alice, amount: { amount: 100.5, currency: 'CNY' } }, 'amount.amount', 'NOT_INTEGER'],
    [{ ...alice, amount: { amount: -1, currency: 'CNY' } }, 'amount.amount', 'NEGATIVE'],
    [{ ...alice, amount: { amount: 100, currency: 'RMB' } }, 'amount.currency', 'UNKNOWN_CURRENCY'],
    [{ ...alice, amount: 2000 }, 'amount', 'NOT_OBJECT'],
    [{ ...alice, amount: undefined }, 'amount', 'REQUIRED'],
    [{ ...alice, payerAccount: '1234 5678' }, 'payerAccount', 'INVALID_FORMAT'],
    [{ ...alice, payerAccount: '6222O20000000000018' }, 'payerAccount', 'INVALID_FORMAT'],
    [{ ...alice, payerAccount: '   ' }, 'payerAccount', 'REQUIRED'],
    [{ ...alice, payerAccount: 4111111111111111 }, 'payerAccount', 'INVALID_TYPE'],
    [{ ...alice, orderId: 1001 }, 'orderId', 'INVALID_TYPE'],
    [{ ...alice, accountId: undefined }, 'accountId', 'REQUIRED'],
  ])('rejects %p on %s with %s', (input, field, code) => {
    const result = validatePaymentData(input);
    expect(result.ok ? [] : result.errors.map((e) => [e.field, e.code])).toEqual([[field, code]]);
  });

  it.each([null, undefined, 'payment', 42, [alice]])('rejects a non-object %p as a whole', (input) => {
    expect(validatePaymentData(input)).toEqual({
      ok: false,
      errors: [{ field: 'payment', code: 'NOT_OBJECT', message: 'payment must be an object' }],
    });
  });

  it('reads own fields only, never inherited ones', () => {
    expect(validatePaymentData(Object.create(alice)).ok).toBe(false);
  });

  it('agrees with paymentDataSchema (the wire form) on every input', () => {
    fc.assert(
      fc.property(
        fc.record({
          orderId: fc.constantFrom('o-1', '', 'bad id', 'x'.repeat(70)),
          accountId: fc.constantFrom('acct-alice', undefined),
          amount: fc.constantFrom({ amount: 1, currency: 'CNY' }, { amount: 0, currency: 'CNY' }, { amount: 1, currency: '' }),
          payerAccount: fc.constantFrom('6222020000000000018', '6222020000000000017', '12'),
          payeeAccount: fc.constantFrom('merchant-001', '#'),
        }),
        (input) => {
          const result = validatePaymentData(input);
          let wire: PaymentData | SchemaError;
          try {
            wire = paymentDataSchema(input, 'payment');
          } catch (error) {
            wire = error as SchemaError;
          }
          if (result.ok) expect(wire).toEqual(result.value);
          else expect((wire as SchemaError).field).toBe(`payment.${result.errors[0]?.field}`);
        },
      ),
    );
  });
});

describe('idSchema', () => {
  it('accepts ids up to 64 of [A-Za-z0-9_.:-]', () => {
    expect(idSchema('pre_AbC-1.2:3', 'preorderId')).toBe('pre_AbC-1.2:3');
    expect(idSchema('x'.repeat(64), 'id')).toHaveLength(64);
    expect(() => idSchema('é', 'id')).toThrow('id may only hold letters, digits and _ . : -');
  });
});

describe('luhnValid', () => {
  it.each(['79927398713', '4111111111111111', '6222020000000000018', '0'])('accepts %s', (digits) => {
    expect(luhnValid(digits)).toBe(true);
  });

  it.each(['79927398710', '4111111111111112', '', 'abc', '4111 1111 1111 1111', '-18'])('rejects %p', (digits) => {
    expect(luhnValid(digits)).toBe(false);
  });

  it('accepts exactly one check digit for any body and catches every single-digit error', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^\d{11,18}$/), fc.nat(), fc.integer({ min: 1, max: 9 }), (body, at, delta) => {
        const card = body + checkDigit(body);
        expect([...'0123456789'].filter((d) => luhnValid(body + d))).toHaveLength(1);
        const i = at % card.length;
        const typo = card.slice(0, i) + ((Number(card[i]) + delta) % 10) + card.slice(i + 1);
        expect(luhnValid(typo)).toBe(false);
      }),
    );
  });
});

describe('card numbers', () => {
  it('normalises spaces and dashes away', () => {
    expect(normalizeCardNumber('6222-0200 0000\t0000 018')).toBe('6222020000000000018');
    expect(cardNumberSchema('6222 0200 0000 0000 018', 'payerAccount')).toBe('6222020000000000018');
  });

  it('masks all but the last four digits', () => {
    expect(maskCardNumber('6222020000000000018')).toBe('•••• 0018');
    expect(maskCardNumber('6222 0200 0000 0000 018')).toBe('•••• 0018');
    expect(maskCardNumber('12')).toBe('••••');
    fc.assert(
      fc.property(fc.string(), (card) => expect((maskCardNumber(card).match(/\d/g) ?? []).length).toBeLessThanOrEqual(4)),
    );
  });
});

describe('getValueAtPath', () => {
  it('finds values at dotted paths, falsy ones included', () => {
    expect(getValueAtPath(alice, 'amount.amount')).toEqual({ found: true, value: 200000 });
    expect(getValueAtPath(alice, 'payerAccount')).toEqual({ found: true, value: '6222020000000000018' });
    expect(getValueAtPath({ a: { b: 0 } }, 'a.b')).toEqual({ found: true, value: 0 });
    expect(getValueAtPath({ a: undefined }, 'a')).toEqual({ found: true, value: undefined });
  });

  it.each([
    'missing',
    'amount.missing',
    'orderId.length',
    '',
    'amount..amount',
    '.amount',
    '__proto__',
    'constructor',
    'amount.constructor',
    'amount.__proto__.toString',
    'toString',
    'hasOwnProperty',
  ])('does not resolve %p', (path) => {
    expect(getValueAtPath(alice, path)).toEqual({ found: false });
  });

  it('ignores inherited properties, even on a JSON "__proto__" key', () => {
    expect(getValueAtPath(Object.create({ x: 1 }), 'x')).toEqual({ found: false });
    expect(getValueAtPath(JSON.parse('{"__proto__": {"x": 1}}'), '__proto__.x')).toEqual({ found: false });
    expect(getValueAtPath(null, 'x')).toEqual({ found: false });
    expect(getValueAtPath(alice, 7 as unknown as string)).toEqual({ found: false });
  });
});
