// Cross-cutting HTTP headers: CORS for local origins, Server-Timing for the bench, no caching of answers.
import type { RequestHandler } from 'express';

const LOCAL_ORIGIN = /^http:\/\/(localhost|127\.0\.0\.1)(:\d{1,5})?$/;

export function allowedOrigin(origin: string, extra: readonly string[]): boolean {
  return LOCAL_ORIGIN.test(origin) || extra.includes(origin);
}

/** Answers CORS (preflight included) for http://localhost:*, http://127.0.0.1:* and the configured origins. */
export function cors(extraOrigins: readonly string[]): RequestHandler {
  return (req, res, next) => {
    const origin = req.get('Origin');
    res.vary('Origin');
    if (origin && allowedOrigin(origin, extraOrigins)) {
      res.set({
        'Access-Control-Allow-Origin': origin,
        'Access-Control-Allow-Methods': 'GET, POST, OPTIONS',
        'Access-Control-Allow-Headers': 'Content-Type, Idempotency-Key, X-Cashier-Client',
        'Access-Control-Expose-Headers': 'Server-Timing, Retry-After',
        // Lets the page's own PerformanceResourceTiming see serverTiming and the detailed timings cross-origin.
        'Timing-Allow-Origin': origin,
        'Access-Control-Max-Age': '600',
      });
    }
    if (req.method === 'OPTIONS') {
      res.status(204).end();
      return;
    }
    next();
  };
}

/** `Server-Timing: app;dur=<ms>` on every response, set just before the headers go out. */
export const serverTiming: RequestHandler = (_req, res, next) => {
  const start = process.hrtime.bigint();
  const writeHead = res.writeHead;
  res.writeHead = function (this: typeof res, ...args: unknown[]) {
    if (!this.headersSent) {
      const ms = Number(process.hrtime.bigint() - start) / 1e6;
      this.setHeader('Server-Timing', `app;dur=${ms.toFixed(2)}`);
    }
    return (writeHead as (...a: unknown[]) => typeof res).apply(this, args);
  } as typeof res.writeHead;
  next();
};

/** Payment answers must never come from a cache. */
export const noStore: RequestHandler = (_req, res, next) => {
  res.set('Cache-Control', 'no-store');
  next();
};
