// Test helpers: the real mock app on an ephemeral port, and the browser's side of the password protocol.
import { Agent, createServer, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { webcrypto } from 'node:crypto';
import express, { type RequestHandler } from 'express';
import type {
  Authentication,
  EncryptedPassword,
  PasswordChallenge,
  PasswordChallengeRequest,
  PaymentResult,
  PayRequest,
  PreorderResponse,
} from '../src/core/service-interfaces';
import type { PaymentData } from '../src/core/types';
import { createMockServer, type MockServer, type MockServerOptions } from './app';

export const ALICE_CARD_A = '6222020000000000018';
export const ALICE_CARD_B = '6225880000000000044';
export const BOB_CARD = '6217000000000000020';
export const CAROL_CARD = '6228480000000000034';

export interface TestServer {
  baseUrl: string;
  mock: MockServer;
  get(path: string, init?: RequestInit): Promise<Response>;
  post(path: string, body: unknown, headers?: Record<string, string>): Promise<Response>;
  close(): Promise<void>;
}

export interface RawResponse {
  status: number;
  text: string;
}

export interface RawClient {
  request(method: string, path: string, body?: string, headers?: Record<string, string>): Promise<RawResponse>;
  close(): void;
}

/** node:http on one kept-alive socket: several times cheaper than fetch, for property tests. */
export function rawClient(baseUrl: string): RawClient {
  const agent = new Agent({ keepAlive: true, maxSockets: 1 });
  return {
    request: (method, path, body, headers) => rawRequest(agent, `${baseUrl}${path}`, method, body, headers),
    close: () => agent.destroy(),
  };
}

function rawRequest(agent: Agent, url: string, method: string, body?: string, headers: Record<string, string> = {}) {
  return new Promise<RawResponse>((resolve, reject) => {
    const req = request(url, { method, agent, headers: body === undefined ? headers : { 'Content-Type': 'application/json', ...headers } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, text: Buffer.concat(chunks).toString('utf8') }));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end(body);
  });
}

export interface TestServerSetup {
  /** Middleware mounted in front of the app under /api/cashier (e.g. another interface's router). */
  front?: (mock: MockServer) => RequestHandler[];
  /** Headers sent with every `post` (e.g. an Origin). */
  headers?: Record<string, string>;
}

/** How long a test's server keeps an idle keep-alive socket: longer than any test (here and in the model test). */
export const IDLE_SOCKET_MS = 10 * 60_000;

/** Starts the app mounted at /api/cashier, as the dev server mounts it, on an ephemeral port. */
export async function startTestServer(options: MockServerOptions = {}, setup: TestServerSetup = {}): Promise<TestServer> {
  const mock = createMockServer(options);
  const outer = express();
  outer.use('/api/cashier', ...(setup.front?.(mock) ?? []), mock.app);
  const server: Server = createServer(outer);
  // The test's fetch reuses keep-alive sockets. With Node's 5 s idle timeout, a test slowed past it on a loaded machine
  // could send on a socket the server was closing, and fail with ECONNRESET ("fetch failed"); the server never closes
  // an idle socket during a test now, and close() below ends them all.
  server.keepAliveTimeout = IDLE_SOCKET_MS;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const baseUrl = `http://127.0.0.1:${port}/api/cashier`;
  return {
    baseUrl,
    mock,
    get: (path, init) => fetch(`${baseUrl}${path}`, init),
    post: (path, body, headers = {}) =>
      fetch(`${baseUrl}${path}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', ...setup.headers, ...headers },
        body: typeof body === 'string' ? body : JSON.stringify(body),
      }),
    close: async () => {
      mock.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** One server per test file, fixtures reset before each test; `use` receives the started server. */
export function setupTestServer(use: (server: TestServer) => void, options: MockServerOptions = {}): void {
  let server: TestServer | undefined;
  beforeAll(async () => {
    server = await startTestServer(options);
    use(server);
  });
  afterAll(() => server?.close());
  beforeEach(async () => {
    await server?.post('/__admin/reset', {});
  });
}

export function alicePayment(overrides: Partial<PaymentData> = {}): PaymentData {
  return {
    orderId: `order-${Math.random().toString(36).slice(2, 10)}`,
    accountId: 'acct-alice',
    amount: { amount: 10_000, currency: 'CNY' },
    payerAccount: ALICE_CARD_A,
    payeeAccount: 'merchant-001',
    ...overrides,
  };
}

/** The browser's side: RSA-OAEP SHA-256 over UTF-8 JSON {"password","nonce"}, base64url. */
export async function encryptPassword(
  challenge: PasswordChallenge,
  password: string,
  innerNonce = challenge.nonce,
): Promise<EncryptedPassword> {
  const key = await webcrypto.subtle.importKey(
    'jwk',
    challenge.publicKeyJwk as webcrypto.JsonWebKey,
    { name: 'RSA-OAEP', hash: 'SHA-256' },
    false,
    ['encrypt'],
  );
  const plaintext = new TextEncoder().encode(JSON.stringify({ password, nonce: innerNonce }));
  const sealed = await webcrypto.subtle.encrypt({ name: 'RSA-OAEP' }, key, plaintext);
  return { keyId: challenge.keyId, nonce: challenge.nonce, ciphertext: Buffer.from(sealed).toString('base64url') };
}

/** The challenge body for a payment: the nonce is bound to its account, order, amount and payee. */
export const challengeRequestFor = (payment: PaymentData): PasswordChallengeRequest => ({
  accountId: payment.accountId,
  orderId: payment.orderId,
  amount: payment.amount,
  payeeAccount: payment.payeeAccount,
});

export async function challengeFor(server: TestServer, payment: PaymentData): Promise<PasswordChallenge> {
  const res = await server.post('/password/challenge', challengeRequestFor(payment));
  expect(res.status).toBe(200);
  return (await res.json()) as PasswordChallenge;
}

export async function passwordAuthentication(server: TestServer, payment: PaymentData, password: string): Promise<Authentication> {
  const challenge = await challengeFor(server, payment);
  return { method: 'password', encryptedPassword: await encryptPassword(challenge, password) };
}

export async function preorderFor(server: TestServer, payment: PaymentData): Promise<string> {
  const res = await server.post('/preorder', { payment });
  expect(res.status).toBe(200);
  return ((await res.json()) as PreorderResponse).preorderId;
}

/** A complete, valid PayRequest: a fresh pre-order and a freshly encrypted password. */
export async function payRequest(server: TestServer, payment: PaymentData, password: string): Promise<PayRequest> {
  return {
    preorderId: await preorderFor(server, payment),
    payment,
    authentication: await passwordAuthentication(server, payment, password),
  };
}

export async function pay(server: TestServer, request: PayRequest | unknown, key: string): Promise<Response> {
  return server.post('/pay', request, { 'Idempotency-Key': key });
}

export async function payResult(server: TestServer, request: PayRequest, key: string): Promise<PaymentResult> {
  const res = await pay(server, request, key);
  expect(res.status).toBe(200);
  return (await res.json()) as PaymentResult;
}

export function newKey(): string {
  return `key-${webcrypto.randomUUID()}`;
}

/** Reads the stream until `done(text)` holds or the server ends it; returns the text and whether it ended. */
export async function readUntil(res: Response, done: (text: string) => boolean): Promise<{ text: string; ended: boolean }> {
  const reader = (res.body as ReadableStream<Uint8Array>).getReader();
  const decoder = new TextDecoder();
  let text = '';
  try {
    while (!done(text)) {
      const chunk = await reader.read();
      if (chunk.done) return { text, ended: true };
      text += decoder.decode(chunk.value, { stream: true });
    }
  } catch {
    return { text, ended: true };
  }
  await reader.cancel();
  return { text, ended: false };
}

export function paymentEvents(text: string): PaymentResult[] {
  return text
    .split('\n\n')
    .filter((block) => block.includes('event: payment'))
    .map((block) => JSON.parse(block.split('\n').find((line) => line.startsWith('data: '))?.slice(6) ?? '') as PaymentResult);
}
