// Issue 9, fuzzing (fast-check): 10,000+ malformed requests across every endpoint get only a 4xx { code, message };
// the rule engine, money parsing and the server-content sanitisers never throw, and every unknown fails closed.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import fc from 'fast-check';
import { formatMoney, MoneyError, parseMajorAmount, parseMoney } from '../../src/core/money';
import { SchemaError } from '../../src/core/schema';
import { safeCorrectionUrl, sanitizeServerText } from '../../src/core/server-content';
import { verifyPaymentData } from '../../src/core/verification';
import { type RawClient, type RawResponse, rawClient, startTestServer, type TestServer } from '../../mocks/test-helpers';
import { reliabilitySeed } from './support/seed';
import { emptyCounts, recordSummary } from './support/summary';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type Path = (string | number)[];

const SEED = reliabilitySeed();
const counts = emptyCounts();
const unexpected: unknown[] = [];
let server: TestServer;
let raw: RawClient;
let bodies = 0;

before(async () => {
  console.log(`[reliability] fuzz seed ${SEED} (replay: RELIABILITY_SEED=${SEED})`);
  server = await startTestServer({ log: (error) => unexpected.push(error) });
  raw = rawClient(server.baseUrl);
});

after(async () => {
  counts.serverErrors += unexpected.length;
  recordSummary('fuzz: malformed requests, rule engine, money, server content', counts, [
    `${bodies} malformed requests; seed ${SEED}`,
  ]);
  raw?.close();
  await server?.close();
});

const at = '2025-03-01T08:00:00.000Z';
const payment = { orderId: 'order-fuzz', accountId: 'acct-alice', amount: { amount: 10_000, currency: 'CNY' }, payerAccount: '6222020000000000018', payeeAccount: 'merchant-001' };
const amount = { amount: 10_000, currency: 'CNY' };
const enrollment = { accountId: 'acct-alice', enrollmentToken: 'tok_fuzz' };
const image = 'data:image/jpeg;base64,AAAA';

/** A valid body per endpoint (and variant); the fuzzer breaks exactly one part of it. */
const TEMPLATES: [string, Json, number][] = [
  ['/preverify', { payment }, 1200],
  ['/preorder', { payment }, 840],
  ['/pay', { preorderId: 'pre_1', payment, authentication: { method: 'password', encryptedPassword: { keyId: 'rsa-x', nonce: 'n-1', ciphertext: 'AAAA' } } }, 1080],
  ['/pay', { preorderId: 'pre_1', payment, authentication: { method: 'fingerprint', challengeId: 'fp_1', assertion: { id: 'x', response: {} } } }, 360],
  ['/pay', { preorderId: 'pre_1', payment, authentication: { method: 'face', challengeId: 'face_1', image } }, 360],
  ['/page-resources/checks', { keys: ['amount.amount', 'accountId'], locale: 'zh-CN', accountId: 'acct-alice' }, 840],
  ['/track', { events: [{ type: 'element_click', clientId: 'c-1', pageId: 'cashier', elementId: 'pay', at }] }, 840],
  ['/webauthn/registration/options', enrollment, 480],
  ['/webauthn/registration/verify', { ...enrollment, response: { id: 'x', response: {} } }, 480],
  ['/webauthn/authentication/options', { accountId: 'acct-alice', orderId: 'order-fuzz', amount }, 600],
  ['/face/enroll', { ...enrollment, image }, 480],
  ['/face/challenge', { accountId: 'acct-alice', orderId: 'order-fuzz', amount }, 600],
  [
    '/__admin/scenario',
    { name: 'slow', delayMs: 100, endpoints: ['pay'], times: 1, pageResources: { passwordComponent: 'mixed', shuffleKeys: true, checks: { 'amount.amount': { message: 'm', correctionUrl: 'u' } } } },
    480,
  ],
];

/** Opaque payloads (WebAuthn) are one leaf: what is inside them is the authenticator's business. */
const OPAQUE = new Set(['assertion', 'response']);
/** Fields with a format: each of BREAKERS is invalid for every one of them. */
const FORMATTED = new Set([
  'accountId', 'orderId', 'payerAccount', 'payeeAccount', 'preorderId', 'keyId', 'nonce', 'ciphertext', 'currency',
  'challengeId', 'enrollmentToken', 'locale', 'method', 'image', 'at', 'name', 'passwordComponent',
]);
const BREAKERS = ['', ' ', 'a b', '\u0000', 'é', '\u202eabc', '<img src=x onerror=alert(1)>', 'javascript: alert(1)'];

function leaves(value: Json, path: Path = []): Path[] {
  const key = path[path.length - 1];
  if (typeof key === 'string' && OPAQUE.has(key)) return [path];
  if (Array.isArray(value)) return [path, ...value.flatMap((item, i) => leaves(item, [...path, i]))];
  if (value !== null && typeof value === 'object') {
    return [...(path.length ? [path] : []), ...Object.entries(value).flatMap(([k, item]) => leaves(item, [...path, k]))];
  }
  return [path];
}

const valueAt = (value: Json, path: Path): Json => path.reduce<Json>((node, key) => (node as Record<string | number, Json>)[key] as Json, value);

function withValue(template: Json, path: Path, replacement: Json): Json {
  const copy = structuredClone(template);
  const parent = valueAt(copy, path.slice(0, -1)) as Record<string | number, Json>;
  parent[path[path.length - 1] as string | number] = replacement;
  return copy;
}

/** A value that cannot be valid where `original` was: another JSON type, a bad number, or a format breaker. */
function invalidFor(original: Json, key: string | number | undefined): fc.Arbitrary<Json> {
  const kinds: fc.Arbitrary<Json>[] = [];
  if (typeof original !== 'string') kinds.push(fc.string({ maxLength: 20 }));
  if (typeof original !== 'number') kinds.push(fc.oneof(fc.integer(), fc.double({ noNaN: true })));
  if (typeof original === 'number') kinds.push(fc.constantFrom(-1.5, 0.25, -1, 1e308, -0.0001));
  if (typeof original !== 'boolean') kinds.push(fc.boolean());
  if (!Array.isArray(original)) kinds.push(fc.array(fc.jsonValue({ maxDepth: 2 }) as fc.Arbitrary<Json>, { maxLength: 3 }));
  if (Array.isArray(original) || typeof original !== 'object' || original === null) {
    kinds.push(fc.dictionary(fc.string({ maxLength: 8 }), fc.jsonValue({ maxDepth: 1 }) as fc.Arbitrary<Json>, { maxKeys: 3 }));
  }
  if (typeof original === 'string' && typeof key === 'string' && FORMATTED.has(key)) kinds.push(fc.constantFrom(...BREAKERS));
  return fc.oneof(...kinds);
}

/** One malformed request: a broken leaf, not JSON, not an object, the template under __proto__, or deep nesting. */
function brokenBody(template: Json): fc.Arbitrary<string> {
  const mutated = fc
    .constantFrom(...leaves(template))
    .chain((path) => invalidFor(valueAt(template, path), path[path.length - 1]).map((value) => JSON.stringify(withValue(template, path, value))));
  const notJson = fc.oneof(
    fc.string({ maxLength: 60 }),
    fc.constant(JSON.stringify(template).slice(0, -1)),
    fc.constant(`${JSON.stringify(template)},`),
  ).filter((text) => {
    try {
      JSON.parse(text);
      return false;
    } catch {
      return true;
    }
  });
  const notObject = fc.oneof(fc.integer(), fc.string(), fc.constant(null), fc.boolean(), fc.array(fc.integer())).map((v) => JSON.stringify(v));
  const proto = fc.constant(`{"__proto__":${JSON.stringify(template)}}`);
  const deep = fc.integer({ min: 100, max: 3000 }).map((n) => `${'['.repeat(n)}${']'.repeat(n)}`);
  return fc.oneof({ arbitrary: mutated, weight: 12 }, { arbitrary: notJson, weight: 3 }, { arbitrary: notObject, weight: 2 }, { arbitrary: proto, weight: 1 }, { arbitrary: deep, weight: 1 });
}

function expectClientError(res: RawResponse, sent: string): void {
  bodies += 1;
  counts.runs += 1;
  counts.faults += 1;
  if (res.status >= 500) counts.serverErrors += 1;
  let body: { code?: unknown; message?: unknown } = {};
  try {
    body = JSON.parse(res.text) as typeof body;
  } catch {
    // Not JSON: reported below.
  }
  if (res.status < 400 || res.status > 499 || typeof body.code !== 'string' || typeof body.message !== 'string') {
    throw new Error(`${res.status} ${res.text.slice(0, 300)} for ${sent.slice(0, 300)}`);
  }
}

const fcOptions = (numRuns: number) => ({ numRuns, seed: SEED, endOnFailure: true });

test('POST bodies: every malformed body on every endpoint gets a 4xx { code, message }', async () => {
  for (const [path, template, numRuns] of TEMPLATES) {
    await fc.assert(
      fc.asyncProperty(brokenBody(template), async (body) => {
        expectClientError(await raw.request('POST', path, body, { 'Idempotency-Key': `key-${crypto.randomUUID()}` }), `${path} ${body}`);
      }),
      fcOptions(numRuns),
    );
  }
});

test('requests broken outside the body: content type, size, the Idempotency-Key header', async () => {
  const valid = JSON.stringify(TEMPLATES[2]?.[1]);
  const badKey = fc.oneof(fc.constant(undefined), fc.string({ maxLength: 7 }), fc.constant('x'.repeat(129)), fc.constant('has space 123'), fc.constant('ключ-ключ-ключ'));
  await fc.assert(
    fc.asyncProperty(badKey, async (key) => {
      const headers: Record<string, string> = key === undefined ? {} : { 'Idempotency-Key': encodeURIComponent(key) === key ? key : 'has space 123' };
      expectClientError(await raw.request('POST', '/pay', valid, headers), `/pay key=${key}`);
    }),
    fcOptions(300),
  );
  const paths = TEMPLATES.map(([path]) => path).filter((path) => path !== '/track');
  await fc.assert(
    fc.asyncProperty(fc.constantFrom(...paths), fc.constantFrom('text/plain', 'application/x-www-form-urlencoded', 'application/xml'), async (path, type) => {
      const res = await raw.request('POST', path, 'payment=1', { 'Content-Type': type, 'Idempotency-Key': `key-${crypto.randomUUID()}` });
      expectClientError(res, `${path} as ${type}`);
    }),
    fcOptions(300),
  );
  // Too large: its own connection, as the server may close it after a 413.
  const big = rawClient(server.baseUrl);
  try {
    for (const path of ['/preverify', '/track', '/pay']) {
      const res = await big.request('POST', path, JSON.stringify({ payment: { orderId: 'x'.repeat(70_000) } }), { 'Idempotency-Key': `key-${crypto.randomUUID()}` });
      expectClientError(res, `${path} 70 kB`);
    }
  } finally {
    big.close();
  }
});

test('GET queries: malformed ids on every GET endpoint get a 4xx { code, message }', async () => {
  for (const [path, name] of [
    ['/password/challenge', 'accountId'],
    ['/payments/status', 'orderId'],
    ['/events', 'orderId'],
    ['/page-resources/cashier', 'accountId'],
  ] as const) {
    const badValue = fc.oneof(
      fc.string({ minLength: 65, maxLength: 80 }).map((value) => `${name}=${encodeURIComponent(value)}`),
      fc
        .tuple(fc.string({ maxLength: 10 }), fc.constantFrom(' ', '<', '/', '%', '"', '#', 'é', '\u0000', '\u202e'), fc.string({ maxLength: 10 }))
        .map((parts) => `${name}=${encodeURIComponent(parts.join(''))}`),
      fc.tuple(fc.string(), fc.string()).map(([a, b]) => `${name}=${encodeURIComponent(a)}&${name}=${encodeURIComponent(b)}`),
      fc.constant(''),
      fc.constant(`${name}[a]=1`),
    );
    await fc.assert(
      fc.asyncProperty(badValue, async (query) => expectClientError(await raw.request('GET', `${path}?${query}`), `${path}?${query}`)),
      fcOptions(300),
    );
  }
  assert.ok(bodies >= 10_000, `at least 10,000 malformed requests (sent ${bodies})`);
  assert.equal((await server.get('/health')).status, 200);
});

// --- the rule engine and money parsing ---

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

test('server content: any text is made safe to show, and any link is http(s) on a real host or dropped', () => {
  const hostileUrl = fc.oneof(
    fc.string({ maxLength: 80 }),
    fc.webUrl(),
    fc.constantFrom('javascript:alert(1)', 'JaVaScRiPt:alert(1)', ' javascript:alert(1)', 'java\tscript:alert(1)', 'data:text/html,<script>alert(1)</script>', 'vbscript:x', '//evil.example/x', '\\\\evil.example', 'https://user:pw@evil.example/', 'https://bank.example/\u202efdp.exe', 'https://x'.padEnd(5000, 'x')),
    fc.tuple(fc.constantFrom('javascript:', 'data:', 'https://ok.example/', '/fix/'), fc.string({ maxLength: 40 })).map(([a, b]) => a + b),
  );
  fc.assert(
    fc.property(hostileUrl, fc.string({ maxLength: 600 }), (url, text) => {
      counts.runs += 1;
      const safe = safeCorrectionUrl(url, 'http://localhost:3002');
      if (safe !== null) {
        const parsed = new URL(safe);
        assert.ok(parsed.protocol === 'https:' || parsed.protocol === 'http:', `kept ${safe}`);
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
