// Fixed-window request limits (the password challenge): counters live in the store, so a reset clears them.
import type { Request } from 'express';
import { ApiError } from './errors';
import type { MockStore } from './state';

/** The header a client may send to name itself (an install id); counted as well as its remote address. */
export const CLIENT_HEADER = 'X-Cashier-Client';
const CLIENT_ID = /^[\x21-\x7e]{1,128}$/;

/** The keys a request is counted under as a client: its remote address, and its X-Cashier-Client when well-formed. */
export function clientKeys(req: Request): string[] {
  const keys = [`address:${req.socket.remoteAddress ?? 'unknown'}`];
  const id = req.get(CLIENT_HEADER);
  if (id !== undefined && CLIENT_ID.test(id)) keys.push(`client:${id}`);
  return keys;
}

/**
 * Counts one request under every key, or throws 429 with Retry-After when any key is spent; nothing is counted then,
 * so a refused request does not extend its own lock-out.
 */
export function takeRateLimit(store: MockStore, scope: string, limits: { key: string; limit: number; what: string }[]): void {
  const now = store.now();
  const { windowMs } = store.config.challengeRateLimit;
  const windows = limits.map(({ key, limit, what }) => {
    const id = `${scope}|${key}`;
    const current = store.rateWindows.get(id);
    const window = current && current.start + windowMs > now ? current : { start: now, count: 0 };
    return { id, window, limit, what };
  });
  const spent = windows.find(({ window, limit }) => window.count >= limit);
  if (spent) {
    const retryAfter = Math.max(1, Math.ceil((spent.window.start + windowMs - now) / 1000));
    throw new ApiError(429, 'RATE_LIMITED', `Too many ${scope} requests for this ${spent.what}; try again in ${retryAfter} seconds`).withHeaders({
      'Retry-After': String(retryAfter),
    });
  }
  for (const { id, window } of windows) {
    window.count += 1;
    store.rateWindows.set(id, window);
  }
}
