// Property tests: malformed input gets a 4xx {code, message} from every endpoint, never a 5xx or a crash.
import fc from 'fast-check';
import { alicePayment, challengeRequestFor, newKey, type RawClient, type RawResponse, rawClient, startTestServer, type TestServer } from './test-helpers';

let server: TestServer;
let raw: RawClient;
const unexpected: unknown[] = [];
beforeAll(async () => {
  server = await startTestServer({ log: (error) => unexpected.push(error) });
  raw = rawClient(server.baseUrl);
});
afterAll(async () => {
  raw.close();
  await server.close();
});
afterEach(async () => {
  expect(unexpected).toEqual([]);
  expect((await server.get('/health')).status).toBe(200);
});

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type Path = (string | number)[];

const at = '2025-03-01T08:00:00.000Z';
const payment = alicePayment({ orderId: 'order-fuzz' });
const passwordAuth = { method: 'password', encryptedPassword: { keyId: 'rsa-x', nonce: 'nonce-1', ciphertext: 'AAAA' } };

/** A valid body per endpoint; the fuzzer breaks exactly one leaf of it. */
const TEMPLATES: Record<string, Json> = {
  '/preverify': { payment } as unknown as Json,
  '/preorder': { payment } as unknown as Json,
  '/pay': { preorderId: 'pre_1', payment, authentication: passwordAuth } as unknown as Json,
  '/password/challenge': challengeRequestFor(payment) as unknown as Json,
  '/page-resources/checks': { keys: ['amount.amount', 'accountId'], locale: 'zh-CN', accountId: 'acct-alice' },
  '/track': { events: [{ type: 'element_click', clientId: 'c-1', pageId: 'cashier', elementId: 'pay', at }] },
  '/__admin/scenario': {
    name: 'slow',
    delayMs: 100,
    endpoints: ['pay'],
    times: 1,
    pageResources: { passwordComponent: 'mixed', shuffleKeys: true, checks: { 'amount.amount': { message: 'm', correctionUrl: 'u' } } },
  },
};

function leaves(value: Json, path: Path = []): Path[] {
  if (Array.isArray(value)) return [path, ...value.flatMap((item, i) => leaves(item, [...path, i]))];
  if (value !== null && typeof value === 'object') {
    return [...(path.length ? [path] : []), ...Object.entries(value).flatMap(([key, item]) => leaves(item, [...path, key]))];
  }
  return [path];
}

function valueAt(value: Json, path: Path): Json {
  return path.reduce<Json>((node, key) => (node as Record<string | number, Json>)[key] as Json, value);
}

function withValue(template: Json, path: Path, replacement: Json): Json {
  const copy = structuredClone(template);
  const parent = valueAt(copy, path.slice(0, -1)) as Record<string | number, Json>;
  parent[path[path.length - 1] as string | number] = replacement;
  return copy;
}

/** A value of another JSON type than `original` (never null: null means "absent" for optional fields). */
function wrongTypeFor(original: Json): fc.Arbitrary<Json> {
  const kinds: fc.Arbitrary<Json>[] = [];
  if (typeof original !== 'string') kinds.push(fc.string({ maxLength: 20 }));
  if (typeof original !== 'number') kinds.push(fc.oneof(fc.integer(), fc.double({ noNaN: true })));
  if (typeof original === 'number') kinds.push(fc.constantFrom(-1.5, 0.25, -1));
  if (typeof original !== 'boolean') kinds.push(fc.boolean());
  if (!Array.isArray(original)) kinds.push(fc.array(fc.jsonValue({ maxDepth: 2 }) as fc.Arbitrary<Json>, { maxLength: 3 }));
  if (Array.isArray(original) || typeof original !== 'object' || original === null) {
    kinds.push(fc.dictionary(fc.string({ maxLength: 8 }), fc.jsonValue({ maxDepth: 1 }) as fc.Arbitrary<Json>, { maxKeys: 3 }));
  }
  return fc.oneof(...kinds);
}

function brokenBody(template: Json): fc.Arbitrary<string> {
  const mutated = fc
    .constantFrom(...leaves(template))
    .chain((path) => wrongTypeFor(valueAt(template, path)).map((value) => JSON.stringify(withValue(template, path, value))));
  const notJson = fc.string({ maxLength: 60 }).filter((text) => {
    try {
      JSON.parse(text);
      return false;
    } catch {
      return true;
    }
  });
  const notObject = fc.oneof(fc.integer(), fc.string(), fc.constant(null), fc.boolean()).map((value) => JSON.stringify(value));
  return fc.oneof({ arbitrary: mutated, weight: 6 }, { arbitrary: notJson, weight: 2 }, { arbitrary: notObject, weight: 1 });
}

function expectClientError(res: RawResponse, sent: string): void {
  const body = JSON.parse(res.text) as { code?: unknown; message?: unknown };
  if (res.status < 400 || res.status > 499 || typeof body.code !== 'string' || typeof body.message !== 'string') {
    throw new Error(`${res.status} ${res.text} for ${sent}`);
  }
}

describe.each(Object.keys(TEMPLATES))('POST %s with malformed bodies', (path) => {
  it('answers only 4xx {code, message}', async () => {
    const template = TEMPLATES[path] as Json;
    await fc.assert(
      fc.asyncProperty(brokenBody(template), async (body) => {
        expectClientError(await raw.request('POST', path, body, { 'Idempotency-Key': newKey() }), body);
      }),
      { numRuns: 300 },
    );
  });
});

describe.each([
  ['/payments/status', 'orderId'],
  ['/events', 'orderId'],
  ['/page-resources/cashier', 'accountId'],
])('GET %s with a malformed %s', (path, name) => {
  // Values outside 1-64 characters of [A-Za-z0-9_.:-]: too long, a bad character, or repeated.
  const badValue = fc.oneof(
    fc.string({ minLength: 65, maxLength: 80 }).map((value) => `${name}=${encodeURIComponent(value)}`),
    fc
      .tuple(fc.string({ maxLength: 10 }), fc.constantFrom(' ', '<', '/', '%', '"', '#', 'é', '\u0000'), fc.string({ maxLength: 10 }))
      .map((parts) => `${name}=${encodeURIComponent(parts.join(''))}`),
    fc.tuple(fc.string(), fc.string()).map(([a, b]) => `${name}=${encodeURIComponent(a)}&${name}=${encodeURIComponent(b)}`),
    fc.constant(''),
  );
  it('answers only 4xx {code, message}', async () => {
    await fc.assert(
      fc.asyncProperty(badValue, async (query) => {
        expectClientError(await raw.request('GET', `${path}?${query}`), query);
      }),
      { numRuns: 100 },
    );
  });
});

it('survives arbitrary JSON on every POST endpoint without a 5xx', async () => {
  await fc.assert(
    fc.asyncProperty(
      fc.constantFrom('/preverify', '/preorder', '/pay', '/page-resources/checks', '/track'),
      fc.jsonValue({ maxDepth: 4 }),
      async (path, value) => {
        const res = await raw.request('POST', path, JSON.stringify(value), { 'Idempotency-Key': newKey() });
        if (res.status >= 500) throw new Error(`${res.status} for ${path} ${JSON.stringify(value)}`);
      },
    ),
    { numRuns: 300 },
  );
});
