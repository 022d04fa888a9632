// Idempotency-Key handling for /pay: one execution per key, replayed byte for byte, even while in flight.
import { createHash } from 'node:crypto';
import type { Request } from 'express';
import { ApiError, badRequest } from './errors';
import type { IdempotencyRecord, MockStore, StoredResponse } from './state';

const KEY_PATTERN = /^[\x21-\x7e]{8,128}$/;
const MAX_DEPTH = 64;

export function idempotencyKeyOf(req: Request): string {
  const key = req.get('Idempotency-Key');
  if (key === undefined || !KEY_PATTERN.test(key)) {
    throw badRequest('Idempotency-Key header is required: 8-128 printable ASCII characters', 'Idempotency-Key');
  }
  return key;
}

/** JSON with sorted keys, so the same body in another key order is still the same body. */
function canonicalJson(value: unknown, depth = 0): string {
  if (depth > MAX_DEPTH) throw badRequest(`The body is nested deeper than ${MAX_DEPTH} levels`, 'body');
  if (Array.isArray(value)) return `[${value.map((item) => canonicalJson(item, depth + 1)).join(',')}]`;
  if (typeof value === 'object' && value !== null) {
    const entries = Object.keys(value)
      .sort()
      .map((key) => `${JSON.stringify(key)}:${canonicalJson((value as Record<string, unknown>)[key], depth + 1)}`);
    return `{${entries.join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

export function bodyFingerprint(body: unknown): string {
  return createHash('sha256').update(canonicalJson(body)).digest('base64url');
}

/** What one execution of a /pay attempt gives: the stored (replayable) answer and the secret for its own caller only. */
export interface Execution {
  response: StoredResponse;
  /** Handed to the request that ran the work, never stored: replays and the status query cannot leak it. */
  enrollmentToken?: string;
}

/**
 * Runs `work` once per key. A repeat with the same body waits for (or replays) the stored answer, without the
 * first caller's secret; another body under the same key is a 409. The record is in the map before the first await.
 */
export async function runOnce(
  store: MockStore,
  key: string,
  fingerprint: string,
  orderId: string,
  work: () => Promise<Execution>,
): Promise<Execution> {
  const existing = store.idempotency.get(key);
  if (existing) {
    if (existing.fingerprint !== fingerprint) {
      throw new ApiError(409, 'IDEMPOTENCY_CONFLICT', 'This Idempotency-Key was used with a different request body');
    }
    // A settled answer may be newer than the first one (a processing payment that has since settled).
    return { response: existing.response ?? (await existing.pending) };
  }
  const execution = Promise.resolve().then(work);
  const record: IdempotencyRecord = { fingerprint, orderId, pending: execution.then((done) => done.response) };
  // Duplicates await `pending`; when none does, its rejection (a crash) must not go unhandled.
  record.pending.catch(() => undefined);
  store.idempotency.set(key, record);
  try {
    const done = await execution;
    record.response ??= done.response;
    return done;
  } catch (error) {
    // A crash is not an answer: let a retry with this key run again.
    if (store.idempotency.get(key) === record) store.idempotency.delete(key);
    throw error;
  }
}
