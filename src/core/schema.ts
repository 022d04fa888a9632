// A tiny schema combinator set for the wire: the browser validates responses, the mock server requests.

/** A value failed its schema; `field` is the dotted path of the bad part ('' for the whole), `code` machine-readable. */
export class SchemaError extends Error {
  constructor(
    readonly field: string,
    readonly reason: string,
    readonly code: string = 'INVALID',
  ) {
    super(`${field || 'value'} ${reason}`);
    this.name = 'SchemaError';
  }
}

/** Checks `value` (found at `path`) and returns it typed, or throws SchemaError. Outputs are fresh objects. */
export type Schema<T> = (value: unknown, path: string) => T;
export type Infer<S> = S extends Schema<infer T> ? T : never;

export const fail = (path: string, reason: string, code?: string): never => {
  throw new SchemaError(path, reason, code);
};

const kind = (v: unknown) => (v === null ? 'null' : Array.isArray(v) ? 'an array' : typeof v);

/** Throws "is missing" or "must be <what> (got <kind>)". */
export const expected = (path: string, what: string, v: unknown): never =>
  v === undefined ? fail(path, 'is required', 'REQUIRED') : fail(path, `must be ${what} (got ${kind(v)})`, 'INVALID_TYPE');

export const join = (path: string, key: string | number) => (typeof key === 'number' ? `${path}[${key}]` : path ? `${path}.${key}` : key);

export const isPlainObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** A string of at most `max` characters, matching `pattern` when given. */
export const str =
  (max = 1e6, pattern?: RegExp): Schema<string> =>
  (v, path) => {
    if (typeof v !== 'string') return expected(path, 'a string', v);
    if (v.length > max) return fail(path, `is longer than ${max} characters`);
    if (pattern && !pattern.test(v)) return fail(path, 'has an invalid format');
    return v;
  };

/** A safe integer in [min, max]. */
export const int =
  (min = 0, max = Number.MAX_SAFE_INTEGER): Schema<number> =>
  (v, path) =>
    Number.isSafeInteger(v) && (v as number) >= min && (v as number) <= max
      ? (v as number)
      : expected(path, `an integer from ${min} to ${max}`, v);

export const bool: Schema<boolean> = (v, path) => (typeof v === 'boolean' ? v : expected(path, 'true or false', v));

/** Any value, kept as it is. */
export const unknownValue: Schema<unknown> = (v) => v;

/** Any plain object, kept as it is (opaque payloads such as WebAuthn options and responses). */
export const opaqueObject: Schema<Record<string, unknown>> = (v, path) => (isPlainObject(v) ? v : expected(path, 'an object', v));

export const oneOfLiteral =
  <const L extends readonly (string | number | boolean)[]>(...values: L): Schema<L[number]> =>
  (v, path) =>
    values.includes(v as L[number]) ? (v as L[number]) : expected(path, `one of ${values.join(', ')}`, v);

/** A date-time in ISO 8601 with a zone, e.g. 2025-01-31T08:00:00.000Z. */
export const isoDateTime: Schema<string> = (v, path) => {
  const s = str(40, /^\d{4}-\d\d-\d\dT\d\d:\d\d(:\d\d(\.\d+)?)?(Z|[+-]\d\d:\d\d)$/)(v, path);
  return Number.isNaN(Date.parse(s)) ? fail(path, 'is not a real date') : s;
};

/** Absent, undefined and null all mean "not given". */
export const optional =
  <T>(schema: Schema<T>): Schema<T | undefined> =>
  (v, path) =>
    v == null ? undefined : schema(v, path);

export const arr =
  <T>(item: Schema<T>, max = 1000): Schema<T[]> =>
  (v, path) => {
    if (!Array.isArray(v)) return expected(path, 'a list', v);
    if (v.length > max) return fail(path, `has more than ${max} entries`);
    return v.map((x, i) => item(x, join(path, i)));
  };

type Shape = Record<string, Schema<unknown>>;
export type ObjOf<S extends Shape> = { [K in keyof S]: Infer<S[K]> };

/** An object with these keys (own properties only); unknown keys are dropped, undefined results omitted. */
export const obj =
  <S extends Shape>(shape: S): Schema<ObjOf<S>> =>
  (v, path) => {
    if (!isPlainObject(v)) return expected(path, 'an object', v);
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(shape)) {
      const value = (shape[key] as Schema<unknown>)(Object.hasOwn(v, key) ? v[key] : undefined, join(path, key));
      if (value !== undefined) out[key] = value;
    }
    return out as ObjOf<S>;
  };

/** A string-keyed record; keys must match `keyPattern`, and '__proto__' is never one. */
export const record =
  <T>(value: Schema<T>, keyPattern = /^/, max = 500): Schema<Record<string, T>> =>
  (v, path) => {
    if (!isPlainObject(v)) return expected(path, 'an object', v);
    const keys = Object.keys(v);
    if (keys.length > max) return fail(path, `has more than ${max} entries`);
    const out: Record<string, T> = {};
    for (const key of keys) {
      if (key === '__proto__' || !keyPattern.test(key)) fail(join(path, key), 'is not an allowed key');
      out[key] = value(v[key], join(path, key));
    }
    return out;
  };

/** A union told apart by the string in `tag` (e.g. authentication.method). */
export const tagged =
  <V extends Record<string, Schema<object>>>(tag: string, variants: V): Schema<Infer<V[keyof V]>> =>
  (v, path) => {
    const name = isPlainObject(v) ? v[tag] : undefined;
    if (typeof name !== 'string' || !Object.hasOwn(variants, name)) {
      return isPlainObject(v)
        ? expected(join(path, tag), `one of ${Object.keys(variants).join(', ')}`, name)
        : expected(path, 'an object', v);
    }
    return { ...(variants[name] as Schema<object>)(v, path), [tag]: name } as Infer<V[keyof V]>;
  };
