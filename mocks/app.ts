// The mock payment server as a mountable Express app, mounted at /api/cashier (docs/api.md, The mock payment server).
import express, { type RequestHandler } from 'express';
import { adminRoutes } from './admin';
import { createBiometricRouter } from './biometrics';
import { HTTPS_ORIGIN } from '../src/core/server-content';
import { errorHandler, notFound } from './errors';
import { healthRoutes } from './health';
import { cors, noStore, serverTiming } from './http-headers';
import { messagePushRoutes } from './message-push';
import { pageResourcesRoutes } from './page-resources';
import { passwordRoutes } from './password';
import { serverKeyPair } from './password-crypto';
import { payRoutes } from './pay';
import { paymentStatusRoutes } from './payment-status';
import { preorderRoutes } from './preorder';
import { preverifyRoutes } from './preverify';
import { type ChallengeRateLimit, MockStore } from './state';
import { trackingRoutes } from './buried-points';

export interface MockServerOptions {
  /** WebAuthn relying party id; default 'localhost'. */
  rpId?: string;
  /** Extra allowed origins (CORS, WebAuthn) besides any http://localhost:* and http://127.0.0.1:*. */
  origins?: string[];
  /** SSE heartbeat interval; default 15000 ms. */
  heartbeatMs?: number;
  /** Clock in epoch ms; default Date.now. */
  now?: () => number;
  /** Where unexpected errors are reported; default console.error. */
  log?: (error: unknown) => void;
  /** https origins correction links may point to; others are dropped from /page-resources/checks answers. */
  allowedLinkOrigins?: string[];
  /** Limits of POST /password/challenge (fixed window, per account and per client); /__admin/reset clears the counts. */
  challengeRateLimit?: Partial<ChallengeRateLimit>;
}

export const DEFAULT_LINK_ORIGINS: readonly string[] = ['https://bank.example', 'https://merchant.example'];
/** Generous enough for the e2e and reliability suites, which pay many times for the same fixture accounts. */
export const DEFAULT_CHALLENGE_RATE_LIMIT: ChallengeRateLimit = { windowMs: 60_000, perAccount: 60, perClient: 600 };

export interface MockServer {
  app: express.Express;
  state: MockStore;
  /** Ends SSE streams and pending delays; the caller closes its own HTTP server. */
  close(): void;
}

/** Requests that may carry a face image. */
const IMAGE_PATHS = new Set(['/pay', '/face/enroll']);

/** Body parsers: 64kb JSON everywhere, 2mb where a face image travels, text/plain JSON on /track (sendBeacon). */
function bodyParsers(): RequestHandler {
  const json = express.json({ limit: '64kb' });
  const imageJson = express.json({ limit: '2mb' });
  const beacon = express.text({ type: 'text/plain', limit: '64kb' });
  return (req, res, next) => {
    if (IMAGE_PATHS.has(req.path)) return imageJson(req, res, next);
    if (req.path === '/track' && req.is('text/plain')) return beacon(req, res, next);
    return json(req, res, next);
  };
}

/** Each allowed link origin must be a bare https origin: a misconfigured list fails at start, not per request. */
function linkOrigins(origins: readonly string[]): string[] {
  return origins.map((origin) => {
    if (!HTTPS_ORIGIN.test(origin)) throw new Error(`allowedLinkOrigins: ${origin} is not an https origin (https://host[:port])`);
    return new URL(origin).origin;
  });
}

export function createMockServer(options: MockServerOptions = {}): MockServer {
  const state = new MockStore({
    rpId: options.rpId ?? 'localhost',
    origins: options.origins ?? [],
    heartbeatMs: options.heartbeatMs ?? 15_000,
    now: options.now ?? Date.now,
    linkOrigins: linkOrigins(options.allowedLinkOrigins ?? DEFAULT_LINK_ORIGINS),
    challengeRateLimit: { ...DEFAULT_CHALLENGE_RATE_LIMIT, ...options.challengeRateLimit },
  });
  serverKeyPair();
  const app = express();
  app.disable('x-powered-by');
  app.set('etag', false);
  app.use(serverTiming, cors(state.config.origins), noStore, bodyParsers());
  app.use(
    healthRoutes(state),
    preverifyRoutes(state),
    preorderRoutes(state),
    passwordRoutes(state),
    payRoutes(state),
    paymentStatusRoutes(state),
    messagePushRoutes(state),
    pageResourcesRoutes(state),
    trackingRoutes(state),
    // Before adminRoutes: it clears enrolments when /__admin/reset passes through.
    createBiometricRouter(state),
    adminRoutes(state),
  );
  app.use(notFound, errorHandler(options.log ?? ((error) => console.error('[mock] unexpected error', error))));
  const close = () => {
    for (const cleanup of [...state.cleanups]) cleanup();
  };
  return { app, state, close };
}
