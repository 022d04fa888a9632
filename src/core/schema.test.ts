import fc from 'fast-check';
import {
  arr,
  bool,
  int,
  isoDateTime,
  obj,
  oneOfLiteral,
  optional,
  record,
  type Schema,
  SchemaError,
  str,
  tagged,
  unknownValue,
} from './schema';
import { thrownBy } from './test-support';

const schemaError = <T>(schema: Schema<T>, value: unknown, path = 'body') => thrownBy(SchemaError, () => schema(value, path));

describe('leaf schemas', () => {
  it('str checks type, length and pattern', () => {
    expect(str()('', 'x')).toBe('');
    expect(schemaError(str(3), 'abcd', 'code')).toMatchObject({ field: 'code', message: 'code is longer than 3 characters' });
    expect(schemaError(str(9, /^\d+$/), 'a1', 'pin').message).toBe('pin has an invalid format');
    expect(schemaError(str(), 5, 'name')).toMatchObject({ code: 'INVALID_TYPE', message: 'name must be a string (got number)' });
    expect(schemaError(str(), undefined, 'name')).toMatchObject({ code: 'REQUIRED', message: 'name is required' });
    expect(schemaError(str(), null, 'name').message).toBe('name must be a string (got null)');
  });

  it('int accepts safe integers within bounds only', () => {
    expect(int(0, 5)(5, 'n')).toBe(5);
    for (const bad of [6, -1, 1.5, Number.NaN, '3', 2 ** 53]) expect(() => int(0, 5)(bad, 'n')).toThrow(SchemaError);
  });

  it('bool, oneOfLiteral and unknownValue', () => {
    expect(bool(false, 'b')).toBe(false);
    expect(() => bool('true', 'b')).toThrow('b must be true or false (got string)');
    expect(oneOfLiteral('a', 'b')('b', 'l')).toBe('b');
    expect(() => oneOfLiteral('a', 'b')('c', 'l')).toThrow('l must be one of a, b (got string)');
    const opaque = { any: ['thing'] };
    expect(unknownValue(opaque, 'x')).toBe(opaque);
  });

  it('isoDateTime wants a real date-time with a zone', () => {
    expect(isoDateTime('2025-01-31T08:00:00.000Z', 't')).toBe('2025-01-31T08:00:00.000Z');
    expect(isoDateTime('2025-01-31T08:00+08:00', 't')).toBe('2025-01-31T08:00+08:00');
    for (const bad of ['2025-01-31', '2025-01-31T08:00:00', '2025-13-01T00:00:00Z', 'yesterday', 1738310400000]) {
      expect(() => isoDateTime(bad, 't')).toThrow(SchemaError);
    }
  });
});

describe('obj, arr, optional', () => {
  const item = obj({ id: str(), qty: int(1), note: optional(str()) });
  const order = obj({ items: arr(item, 3) });

  it('builds a fresh object with only the known keys, omitting absent optionals', () => {
    const input = { items: [{ id: 'a', qty: 1, extra: true }, { id: 'b', qty: 2, note: 'x' }, { id: 'c', qty: 3, note: null }] };
    expect(order(input, '')).toEqual({ items: [{ id: 'a', qty: 1 }, { id: 'b', qty: 2, note: 'x' }, { id: 'c', qty: 3 }] });
    expect(Object.keys(order(input, '').items[0] ?? {})).toEqual(['id', 'qty']);
  });

  it('names the bad field with its full path', () => {
    expect(schemaError(order, { items: [{ id: 'a', qty: 1 }, { id: 'b', qty: 0 }] }, 'cart').field).toBe('cart.items[1].qty');
    expect(schemaError(order, { items: [{ qty: 1 }] }, '').message).toBe('items[0].id is required');
    expect(schemaError(order, { items: [1, 2, 3, 4] }, '').message).toBe('items has more than 3 entries');
    expect(schemaError(order, [], '').message).toBe('value must be an object (got an array)');
  });

  it('ignores inherited properties', () => {
    expect(schemaError(item, Object.create({ id: 'a', qty: 1 }), 'i').field).toBe('i.id');
  });

  it('never returns keys outside its shape', () => {
    fc.assert(
      fc.property(fc.dictionary(fc.string(), fc.anything()), (extra) => {
        const value = obj({ id: optional(unknownValue) })({ ...extra }, '');
        expect(Object.keys(value).every((k) => k === 'id')).toBe(true);
      }),
    );
  });
});

describe('record', () => {
  it('checks keys and values', () => {
    const counts = record(int(), /^[a-z]+$/);
    expect(counts({ a: 1, b: 2 }, 'c')).toEqual({ a: 1, b: 2 });
    expect(schemaError(counts, { A: 1 }, 'c').message).toBe('c.A is not an allowed key');
    expect(schemaError(counts, { a: -1 }, 'c').field).toBe('c.a');
    expect(schemaError(record(int(), /^/, 2), { a: 1, b: 2, c: 3 }, 'c').message).toBe('c has more than 2 entries');
  });

  it('refuses a "__proto__" key so the result cannot be re-prototyped', () => {
    const polluted = JSON.parse('{"__proto__": {"polluted": 1}}');
    expect(schemaError(record(unknownValue), polluted, 'r').field).toBe('r.__proto__');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

describe('tagged', () => {
  const shape = tagged('kind', { circle: obj({ r: int() }), square: obj({ side: int() }) });

  it('picks the variant by its tag and keeps the tag', () => {
    expect(shape({ kind: 'circle', r: 2, side: 9 }, 's')).toEqual({ kind: 'circle', r: 2 });
    expect(shape({ kind: 'square', side: 3 }, 's')).toEqual({ kind: 'square', side: 3 });
  });

  it('names the tag when it is unknown, and the variant field when it is bad', () => {
    expect(schemaError(shape, { kind: 'toString' }, 's').message).toBe('s.kind must be one of circle, square (got string)');
    expect(schemaError(shape, {}, 's').message).toBe('s.kind is required');
    expect(schemaError(shape, { kind: 'circle', r: 'x' }, 's').field).toBe('s.r');
    expect(schemaError(shape, 'circle', 's').message).toBe('s must be an object (got string)');
  });
});
