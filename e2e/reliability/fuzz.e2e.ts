// Fuzzing (fast-check): 10,000+ malformed bodies, plus bad headers and queries, on every endpoint of the
// mock payment server get only a 4xx { code, message }. core-fuzz.e2e.ts fuzzes the rule engine and money parsing.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import fc from 'fast-check';
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
/** Malformed requests, and among them malformed bodies (at least 10,000 of those: the last test asserts it). */
let requests = 0;
let bodies = 0;

before(async () => {
  console.log(`[reliability] fuzz seed ${SEED} (replay: RELIABILITY_SEED=${SEED})`);
  server = await startTestServer({ log: (error) => unexpected.push(error) });
  raw = rawClient(server.baseUrl);
});

after(async () => {
  counts.serverErrors += unexpected.length;
  recordSummary('fuzz: malformed requests', counts, [
    `${requests} malformed requests, ${bodies} of them malformed bodies; seed ${SEED}`,
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
  ['/preverify', { payment }, 1400],
  ['/preorder', { payment }, 1000],
  ['/password/challenge', { accountId: payment.accountId, orderId: payment.orderId, amount: payment.amount, payeeAccount: payment.payeeAccount }, 600],
  ['/pay', { preorderId: 'pre_1', payment, authentication: { method: 'password', encryptedPassword: { keyId: 'rsa-x', nonce: 'n-1', ciphertext: 'AAAA' } } }, 1300],
  ['/pay', { preorderId: 'pre_1', payment, authentication: { method: 'fingerprint', challengeId: 'fp_1', assertion: { id: 'x', response: {} } } }, 450],
  ['/pay', { preorderId: 'pre_1', payment, authentication: { method: 'face', challengeId: 'face_1', image } }, 450],
  ['/page-resources/checks', { keys: ['amount.amount', 'accountId'], locale: 'zh-CN', accountId: 'acct-alice' }, 1000],
  ['/track', { events: [{ type: 'element_click', clientId: 'c-1', pageId: 'cashier', elementId: 'pay', at }] }, 1000],
  ['/webauthn/registration/options', enrollment, 600],
  ['/webauthn/registration/verify', { ...enrollment, response: { id: 'x', response: {} } }, 600],
  ['/webauthn/authentication/options', { accountId: 'acct-alice', orderId: 'order-fuzz', amount }, 700],
  ['/face/enroll', { ...enrollment, image }, 600],
  ['/face/challenge', { accountId: 'acct-alice', orderId: 'order-fuzz', amount }, 700],
  [
    '/__admin/scenario',
    { name: 'slow', delayMs: 100, endpoints: ['pay'], times: 1, pageResources: { passwordComponent: 'mixed', shuffleKeys: true, checks: { 'amount.amount': { message: 'm', correctionUrl: 'u' } } } },
    600,
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

function expectClientError(res: RawResponse, sent: string, malformedBody = true): void {
  requests += 1;
  if (malformedBody) bodies += 1;
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
      expectClientError(await raw.request('POST', '/pay', valid, headers), `/pay key=${key}`, false);
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
      fc.asyncProperty(badValue, async (query) => expectClientError(await raw.request('GET', `${path}?${query}`), `${path}?${query}`, false)),
      fcOptions(300),
    );
  }
  assert.ok(bodies >= 10_000, `at least 10,000 malformed bodies (sent ${bodies})`);
  assert.equal((await server.get('/health')).status, 200);
});
