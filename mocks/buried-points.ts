// Buried-point intake (S21): validated batches of CashierEvents; statistics in buried-point-stats.ts.
import { Router } from 'express';
import { isoDateTime, SchemaError } from '../src/core/schema';
import type { CashierEvent } from '../src/core/types';
import { ApiError, badRequest } from './errors';
import { scenarioGate } from './scenario';
import { MAX_TRACKING_EVENTS, type MockStore } from './state';
import { trackingStats } from './buried-point-stats';

export const MAX_BATCH = 100;
const MAX_DEPTH = 8;
// A full card number: 12+ digits, optionally grouped by single spaces or dashes (defence in depth).
const CARD_NUMBER_RUN = /\d(?:[ -]?\d){11,}/;

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const sensitive = (field: string, message: string) => new ApiError(400, 'SENSITIVE_DATA', message, field);

/** Rejects passwords and card numbers anywhere in an event: they must never reach analytics. */
function assertNothingSensitive(value: unknown, field: string, depth = 0): void {
  if (depth > MAX_DEPTH) throw badRequest(`Events may be nested at most ${MAX_DEPTH} levels`, field);
  if (typeof value === 'string' && CARD_NUMBER_RUN.test(value)) {
    throw sensitive(field, 'Buried points must not carry card numbers');
  }
  if (typeof value !== 'object' || value === null) return;
  for (const [key, item] of Object.entries(value)) {
    if (key.toLowerCase() === 'password') throw sensitive(`${field}.${key}`, 'Buried points must not carry passwords');
    assertNothingSensitive(key, `${field}.${key}`, depth + 1);
    assertNothingSensitive(item, `${field}.${key}`, depth + 1);
  }
}

function requireText(event: Record<string, unknown>, key: string, field: string, max: number): void {
  const value = event[key];
  if (typeof value !== 'string' || value.length === 0 || value.length > max) {
    throw badRequest(`${key} must be a string of 1-${max} characters`, `${field}.${key}`);
  }
}

export function parseEvent(value: unknown, field: string): CashierEvent {
  if (!isRecord(value)) throw badRequest('Each event must be an object', field);
  requireText(value, 'type', field, 64);
  requireText(value, 'clientId', field, 128);
  try {
    isoDateTime(value.at, `${field}.at`);
  } catch (error) {
    if (error instanceof SchemaError) throw badRequest(error.message, error.field);
    throw error;
  }
  const needsPage = value.type === 'page_view' || value.type === 'element_click';
  if (needsPage || value.pageId !== undefined) requireText(value, 'pageId', field, 128);
  if (value.type === 'element_click' || value.elementId !== undefined) requireText(value, 'elementId', field, 128);
  assertNothingSensitive(value, field);
  return value as CashierEvent;
}

/** navigator.sendBeacon posts JSON as text/plain; the JSON parser handles application/json. */
function bodyOf(body: unknown): unknown {
  if (typeof body !== 'string') return body;
  try {
    return JSON.parse(body);
  } catch {
    throw new ApiError(400, 'MALFORMED_JSON', 'The request body is not valid JSON');
  }
}

export function parseBatch(input: unknown): CashierEvent[] {
  const body = bodyOf(input);
  if (!isRecord(body) || !Array.isArray(body.events)) throw badRequest('Expected { events: CashierEvent[] }', 'events');
  if (body.events.length > MAX_BATCH) throw badRequest(`At most ${MAX_BATCH} events per batch`, 'events');
  return body.events.map((event, i) => parseEvent(event, `events[${i}]`));
}

export function trackingRoutes(store: MockStore): Router {
  const router = Router();
  const gate = scenarioGate(store, 'track');
  router.post('/track', gate, (req, res) => {
    const events = parseBatch(req.body);
    store.trackingEvents.push(...events);
    const excess = store.trackingEvents.length - MAX_TRACKING_EVENTS;
    if (excess > 0) store.trackingEvents.splice(0, excess);
    res.status(202).json({ accepted: events.length });
  });
  router.get('/track/stats', gate, (_req, res) => {
    res.json(trackingStats(store.trackingEvents));
  });
  return router;
}
