import fc from 'fast-check';
import {
  CURRENCY_MINOR_UNITS,
  formatMoney,
  isKnownCurrency,
  MoneyError,
  minorUnitsOf,
  parseMajorAmount,
  parseMoney,
  toMajorString,
} from './money';
import { thrownBy } from './test-support';
import type { Money } from './types';

const currencies = Object.keys(CURRENCY_MINOR_UNITS);
const moneyArb: fc.Arbitrary<Money> = fc.record({
  amount: fc.maxSafeNat(),
  currency: fc.constantFrom(...currencies),
});

const moneyError = (run: () => unknown) => thrownBy(MoneyError, run);

describe('CURRENCY_MINOR_UNITS', () => {
  it('knows the ISO 4217 exponents of the common currencies', () => {
    expect(CURRENCY_MINOR_UNITS).toMatchObject({ CNY: 2, USD: 2, EUR: 2, GBP: 2, HKD: 2, JPY: 0, KRW: 0, KWD: 3 });
    expect(currencies.length).toBeGreaterThan(40);
    expect(currencies.every((code) => /^[A-Z]{3}$/.test(code))).toBe(true);
  });

  it('is frozen and never treats inherited names as currencies', () => {
    expect(Object.isFrozen(CURRENCY_MINOR_UNITS)).toBe(true);
    for (const name of ['constructor', '__proto__', 'toString', 'cny', 'XXX', 'CN']) expect(isKnownCurrency(name)).toBe(false);
    expect(minorUnitsOf('JPY')).toBe(0);
  });
});

describe('parseMoney', () => {
  it('accepts integer minor units with a known currency and returns a fresh, clean object', () => {
    const input = { amount: 200000, currency: 'CNY', extra: 'dropped' };
    const money = parseMoney(input);
    expect(money).toEqual({ amount: 200000, currency: 'CNY' });
    expect(money).not.toBe(input);
  });

  it('allows 0 (a zero payment is refused by validatePaymentData) and turns -0 into 0', () => {
    expect(parseMoney({ amount: 0, currency: 'USD' })).toEqual({ amount: 0, currency: 'USD' });
    expect(Object.is(parseMoney({ amount: -0, currency: 'USD' }).amount, 0)).toBe(true);
  });

  it.each([
    [undefined, 'REQUIRED', 'amount'],
    [null, 'REQUIRED', 'amount'],
    ['200000 CNY', 'NOT_OBJECT', 'amount'],
    [[200000, 'CNY'], 'NOT_OBJECT', 'amount'],
    [{ amount: '100', currency: 'CNY' }, 'NOT_NUMBER', 'amount.amount'],
    [{ currency: 'CNY' }, 'NOT_NUMBER', 'amount.amount'],
    [{ amount: 100.5, currency: 'CNY' }, 'NOT_INTEGER', 'amount.amount'],
    [{ amount: 0.1 + 0.2, currency: 'CNY' }, 'NOT_INTEGER', 'amount.amount'],
    [{ amount: Number.NaN, currency: 'CNY' }, 'NOT_FINITE', 'amount.amount'],
    [{ amount: Number.POSITIVE_INFINITY, currency: 'CNY' }, 'NOT_FINITE', 'amount.amount'],
    [{ amount: -1, currency: 'CNY' }, 'NEGATIVE', 'amount.amount'],
    [{ amount: 2 ** 53, currency: 'CNY' }, 'UNSAFE_INTEGER', 'amount.amount'],
    [{ amount: 100, currency: 'XXX' }, 'UNKNOWN_CURRENCY', 'amount.currency'],
    [{ amount: 100, currency: 'cny' }, 'UNKNOWN_CURRENCY', 'amount.currency'],
    [{ amount: 100, currency: '__proto__' }, 'UNKNOWN_CURRENCY', 'amount.currency'],
    [{ amount: 100 }, 'REQUIRED', 'amount.currency'],
    [{ amount: 100, currency: Object.create(null) }, 'UNKNOWN_CURRENCY', 'amount.currency'],
  ])('rejects %p with %s on %s', (input, code, field) => {
    const error = moneyError(() => parseMoney(input));
    expect(error).toMatchObject({ code, field });
    expect(error.message.startsWith(`${field} `)).toBe(true);
  });

  it('names fields under the given path', () => {
    expect(moneyError(() => parseMoney({ amount: 1.5, currency: 'CNY' }, 'result.amount')).field).toBe('result.amount.amount');
  });

  it('accepts every valid Money after a JSON round trip (the wire)', () => {
    fc.assert(fc.property(moneyArb, (money) => expect(parseMoney(JSON.parse(JSON.stringify(money)))).toEqual(money)));
  });

  it('rejects every amount with a fraction of a minor unit', () => {
    fc.assert(
      fc.property(
        fc.double({ min: -1e12, max: 1e12, noNaN: true }).filter((x) => !Number.isInteger(x)),
        (amount) => expect(moneyError(() => parseMoney({ amount, currency: 'CNY' })).code).toMatch(/NOT_INTEGER|NEGATIVE/),
      ),
    );
  });

  it('either returns Money or throws MoneyError, for any input', () => {
    fc.assert(
      fc.property(fc.anything(), (input) => {
        try {
          const money = parseMoney(input);
          expect(Number.isSafeInteger(money.amount) && money.amount >= 0 && isKnownCurrency(money.currency)).toBe(true);
        } catch (error) {
          expect(error).toBeInstanceOf(MoneyError);
        }
      }),
    );
  });
});

describe('parseMajorAmount', () => {
  it.each([
    ['100.50', 'CNY', 10050],
    ['100', 'CNY', 10000],
    ['100.', 'CNY', 10000],
    ['0.5', 'CNY', 50],
    ['.05', 'CNY', 5],
    ['0', 'CNY', 0],
    ['007.10', 'CNY', 710],
    ['1,000.50', 'CNY', 100050],
    ['12,345,678', 'USD', 1234567800],
    ['  12.3 ', 'CNY', 1230],
    ['５０．５', 'CNY', 5050],
    ['１，０００', 'CNY', 100000],
    ['2000', 'JPY', 2000],
    ['1.234', 'KWD', 1234],
    ['90071992547409.91', 'USD', Number.MAX_SAFE_INTEGER],
  ])('reads %p %s as %d minor units', (text, currency, amount) => {
    expect(parseMajorAmount(text, currency)).toEqual({ amount, currency });
  });

  it.each([
    ['', 'INVALID_FORMAT'],
    ['.', 'INVALID_FORMAT'],
    ['abc', 'INVALID_FORMAT'],
    ['1e3', 'INVALID_FORMAT'],
    ['-1', 'INVALID_FORMAT'],
    ['+1', 'INVALID_FORMAT'],
    ['1.2.3', 'INVALID_FORMAT'],
    ['1,00', 'INVALID_FORMAT'],
    ['1 000', 'INVALID_FORMAT'],
    ['Infinity', 'INVALID_FORMAT'],
    ['0x10', 'INVALID_FORMAT'],
    ['12.345', 'TOO_MANY_DECIMALS'],
    ['90071992547409.92', 'UNSAFE_INTEGER'],
    ['1'.repeat(40), 'UNSAFE_INTEGER'],
  ])('rejects %p for CNY/USD with %s', (text, code) => {
    const error = moneyError(() => parseMajorAmount(text, 'USD'));
    expect(error).toMatchObject({ code, field: 'amount.amount' });
  });

  it('refuses decimals for a currency without minor units, and unknown currencies', () => {
    expect(moneyError(() => parseMajorAmount('1.5', 'JPY'))).toMatchObject({ code: 'TOO_MANY_DECIMALS' });
    expect(moneyError(() => parseMajorAmount('1.5', 'ABC'))).toMatchObject({ code: 'UNKNOWN_CURRENCY', field: 'amount.currency' });
    expect(moneyError(() => parseMajorAmount(15 as unknown as string, 'CNY'))).toMatchObject({ code: 'NOT_STRING' });
  });

  it('inverts toMajorString for every Money', () => {
    fc.assert(fc.property(moneyArb, (money) => expect(parseMajorAmount(toMajorString(money), money.currency)).toEqual(money)));
  });
});

describe('toMajorString', () => {
  it.each([
    [{ amount: 200000, currency: 'CNY' }, '2000.00'],
    [{ amount: 5, currency: 'CNY' }, '0.05'],
    [{ amount: 0, currency: 'CNY' }, '0.00'],
    [{ amount: 5, currency: 'JPY' }, '5'],
    [{ amount: 1234, currency: 'KWD' }, '1.234'],
    [{ amount: -150, currency: 'USD' }, '-1.50'],
  ])('writes %p as %s', (money, text) => {
    expect(toMajorString(money)).toBe(text);
  });
});

describe('formatMoney', () => {
  it('formats through Intl with the currency style', () => {
    expect(formatMoney({ amount: 200000, currency: 'CNY' }, 'en-US')).toBe('¥2,000.00');
    expect(formatMoney({ amount: 200000, currency: 'CNY' }, 'zh-CN')).toBe('¥2,000.00');
    expect(formatMoney({ amount: 1050, currency: 'USD' }, 'en-US')).toBe('$10.50');
    expect(formatMoney({ amount: 1050, currency: 'USD' }, 'zh-CN')).toBe('US$10.50');
    expect(formatMoney({ amount: 5000, currency: 'JPY' }, 'en-US')).toBe('¥5,000');
  });

  it('keeps every digit of the largest safe amount (no float division)', () => {
    expect(formatMoney({ amount: Number.MAX_SAFE_INTEGER, currency: 'USD' }, 'en-US')).toBe('$90,071,992,547,409.91');
  });

  it('round-trips: the digits it shows read back as the same Money', () => {
    fc.assert(
      fc.property(moneyArb, fc.constantFrom('zh-CN' as const, 'en-US' as const), (money, locale) => {
        const shown = formatMoney(money, locale);
        const digits = shown.replace(/[^\d.]/g, '').replace(/^\.+/, '');
        expect(parseMajorAmount(digits, money.currency)).toEqual(money);
      }),
    );
  });

  it('refuses an unknown currency', () => {
    expect(moneyError(() => formatMoney({ amount: 1, currency: 'ZZZ' }, 'en-US')).code).toBe('UNKNOWN_CURRENCY');
  });
});
