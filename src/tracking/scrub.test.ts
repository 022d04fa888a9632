import fc from 'fast-check';
import { maskCardNumbers, scrubEventData } from './scrub';

/** 15 random digits and a Luhn check digit, optionally grouped in fours by spaces or dashes. */
const luhnCardNumber = fc
  .tuple(fc.array(fc.integer({ min: 0, max: 9 }), { minLength: 15, maxLength: 15 }), fc.constantFrom('', ' ', '-'))
  .map(([payload, separator]) => {
    const sum = payload
      .toReversed()
      .reduce((acc, digit, i) => acc + (i % 2 ? digit : digit * 2 > 9 ? digit * 2 - 9 : digit * 2), 0);
    const digits = [...payload, (10 - (sum % 10)) % 10].join('');
    return { digits, text: digits.match(/\d{4}/g)!.join(separator) };
  });

describe('scrubEventData', () => {
  test('drops password, pin, image, face, assertion and ciphertext keys at any depth', () => {
    const data = {
      password: '123456',
      payPassword: '123456',
      passcode: '1',
      pin: '1',
      faceImage: 'data:image/png;base64,AAAA',
      faceData: [1, 2],
      photo: 'x',
      imageBase64: 'x',
      assertion: {},
      ciphertext: 'x',
      method: 'face',
      nested: { password: 'x', ok: 1, deeper: { PIN: '0000', ok: true } },
      list: [{ passwordCipher: 'x', key: 'single_limit' }],
    };
    expect(scrubEventData(data)).toEqual({
      method: 'face',
      nested: { ok: 1, deeper: { ok: true } },
      list: [{ key: 'single_limit' }],
    });
  });

  test('masks card numbers to their last 4 digits, in values, keys, numbers and bigints', () => {
    expect(
      scrubEventData({
        plain: '6222020000000000018',
        spaced: 'card 6222 0200 0000 0000 018 used',
        dashed: '6225-8800-0000-0044',
        twelve: 'id 622202000034 end',
        eleven: '12345678901',
        number: 6222020000000000000,
        small: 12_345,
        big: 6222020000000000018n,
        '6217000000000000020': 'key',
      }),
    ).toEqual({
      plain: '****0018',
      spaced: 'card ****0018 used',
      dashed: '****0044',
      twelve: 'id ****0034 end',
      eleven: '12345678901',
      number: '****0000',
      small: 12_345,
      big: '****0018',
      '****0020': 'key',
    });
    expect(maskCardNumbers('2024-01-02 12:00')).toBe('2024-01-02 12:00');
  });

  test('caps strings at 200 characters, nesting at 3 levels and lists at 50 items', () => {
    const out = scrubEventData({ long: 'a'.repeat(500), a: { b: { c: { d: 1 }, e: 1 } }, list: [...Array(80).keys()] });
    expect(out).toEqual({ long: 'a'.repeat(200), a: { b: { e: 1 } }, list: [...Array(50).keys()] });
  });

  test('the result is plain JSON: functions, symbols and undefined are dropped', () => {
    const out = scrubEventData({ fn: () => 1, sym: Symbol('s'), none: undefined, ok: 'yes', list: [() => 1, 2], flag: false, nil: null });
    expect(out).toEqual({ ok: 'yes', list: [null, 2], flag: false, nil: null });
    expect(JSON.parse(JSON.stringify(out))).toEqual(out);
  });

  test('a __proto__ key stays data and pollutes nothing', () => {
    const out = scrubEventData(JSON.parse('{"__proto__":{"polluted":true},"ok":1}'));
    expect(Object.hasOwn(out, '__proto__')).toBe(true);
    expect(Object.getPrototypeOf(out)).toBe(Object.prototype);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  test('no data, or data that is not an object, gives an empty object', () => {
    expect(scrubEventData()).toEqual({});
    expect(scrubEventData([1, 2] as unknown as Record<string, unknown>)).toEqual({});
  });

  test('property: a Luhn card number embedded anywhere in event data never survives', () => {
    const key = fc.string({ maxLength: 8 });
    fc.assert(
      fc.property(
        luhnCardNumber,
        fc.array(key, { maxLength: 2 }),
        key,
        fc.string({ maxLength: 20 }),
        fc.string({ maxLength: 20 }),
        fc.constantFrom('value', 'key', 'list'),
        (card, path, last, before, after, place) => {
          const embedded = `${before}${card.text}${after}`;
          const leaf =
            place === 'key' ? { [embedded]: 1 } : place === 'list' ? { [last]: ['x', embedded] } : { [last]: embedded };
          const data = path.reduceRight<Record<string, unknown>>((inner, name) => ({ [name]: inner }), leaf);
          const serialized = JSON.stringify(scrubEventData(data)).replace(/[ -]/g, '');
          expect(serialized).not.toContain(card.digits);
        },
      ),
      { numRuns: 300 },
    );
  });
});
