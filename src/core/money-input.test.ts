import { currencySign, formatMoneyInput, parseMoneyInput } from './money-input';

describe('parseMoneyInput', () => {
  it.each([
    ['2000', 200_000],
    ['2,000.00', 200_000],
    ['¥2,000.5', 200_050],
    ['￥ 800.50', 80_050],
    ['CNY 1,234,567.89', 123_456_789],
    ['  12 ', 1200],
    ['０.５', 50],
  ])('%j → %d minor units', (text, amount) => {
    expect(parseMoneyInput(text, 'CNY')).toEqual({ ok: true, money: { amount, currency: 'CNY' } });
  });

  it.each([
    ['', 'INVALID'],
    ['abc', 'INVALID'],
    ['-5', 'INVALID'],
    ['1e3', 'INVALID'],
    ['2,00.00', 'INVALID'],
    ['1.234', 'TOO_MANY_DECIMALS'],
    ['0', 'NOT_POSITIVE'],
    ['0.00', 'NOT_POSITIVE'],
    ['99999999999999999', 'INVALID'],
  ])('%j is refused: %s', (text, problem) => {
    expect(parseMoneyInput(text, 'CNY')).toEqual({ ok: false, problem });
  });

  it('follows the currency: no decimals for JPY', () => {
    expect(parseMoneyInput('1,500', 'JPY')).toEqual({ ok: true, money: { amount: 1500, currency: 'JPY' } });
    expect(parseMoneyInput('1.5', 'JPY')).toEqual({ ok: false, problem: 'TOO_MANY_DECIMALS' });
  });
});

describe('formatMoneyInput and currencySign', () => {
  it('groups in both locales and keeps every digit', () => {
    expect(formatMoneyInput({ amount: 200_000, currency: 'CNY' }, 'en-US')).toBe('2,000.00');
    expect(formatMoneyInput({ amount: 200_000, currency: 'CNY' }, 'zh-CN')).toBe('2,000.00');
    expect(formatMoneyInput({ amount: 900_719_925_474_099, currency: 'CNY' }, 'en-US')).toBe('9,007,199,254,740.99');
    expect(formatMoneyInput({ amount: 1500, currency: 'JPY' }, 'en-US')).toBe('1,500');
  });
  it('round-trips through the parser', () => {
    const money = { amount: 123_456_789, currency: 'CNY' };
    expect(parseMoneyInput(formatMoneyInput(money, 'zh-CN'), 'CNY')).toEqual({ ok: true, money });
  });
  it('gives the sign', () => {
    expect(currencySign('CNY', 'en-US')).toBe('¥');
    expect(currencySign('CNY', 'zh-CN')).toBe('¥');
  });
});
