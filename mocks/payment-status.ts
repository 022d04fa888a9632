// Payment status query interface: what became of an attempt (by Idempotency-Key) or of an order.
import { Router } from 'express';
import type { PaymentStatusResponse } from '../src/core/service-interfaces';
import { badRequest } from './errors';
import { scenarioGate } from './scenario';
import type { MockStore } from './state';

const ORDER_ID = /^[A-Za-z0-9_.:-]{1,64}$/;
const KEY = /^[\x21-\x7e]{8,128}$/;

export function orderIdQuery(value: unknown): string {
  if (typeof value !== 'string' || !ORDER_ID.test(value)) {
    throw badRequest('orderId is required: 1-64 characters of [A-Za-z0-9_.:-]', 'orderId');
  }
  return value;
}

/** An attempt of this order still under way: in flight, or answered `processing` and not settled yet. */
function inFlight(store: MockStore, orderId: string): boolean {
  for (const record of store.idempotency.values()) {
    if (record.orderId === orderId && (!record.response || record.response.result?.status === 'processing')) return true;
  }
  return false;
}

/** Stored results never hold an enrollment token, so neither does this answer. */
export function paymentStatus(store: MockStore, orderId: string, idempotencyKey?: string): PaymentStatusResponse {
  if (idempotencyKey !== undefined) {
    const record = store.idempotency.get(idempotencyKey);
    if (!record || record.orderId !== orderId) return { status: 'not_found' };
    if (!record.response) return { status: 'processing' };
    const result = record.response.result;
    // No result: the attempt was refused with 409 ORDER_ALREADY_PAID, so the order's own result is the answer.
    if (result) return { status: result.status, result };
  }
  const result = store.orderResults.get(orderId);
  if (result?.status === 'succeeded') return { status: result.status, result };
  if (inFlight(store, orderId)) return { status: 'processing' };
  return result ? { status: result.status, result } : { status: 'not_found' };
}

export function paymentStatusRoutes(store: MockStore): Router {
  const router = Router();
  router.get('/payments/status', scenarioGate(store, 'status'), (req, res) => {
    const orderId = orderIdQuery(req.query.orderId);
    const key = req.query.idempotencyKey;
    if (key !== undefined && (typeof key !== 'string' || !KEY.test(key))) {
      throw badRequest('idempotencyKey must be 8-128 printable ASCII characters', 'idempotencyKey');
    }
    res.json(paymentStatus(store, orderId, key));
  });
  return router;
}
