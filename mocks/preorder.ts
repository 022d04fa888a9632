// Transaction pre-order interface: holds an order for 15 minutes before it is paid.
import { Router } from 'express';
import type { PreorderResponse } from '../src/core/service-interfaces';
import type { PaymentData } from '../src/core/types';
import { ApiError } from './errors';
import { payeeName } from './fixtures';
import { randomToken } from './password-crypto';
import { scenarioGate } from './scenario';
import type { MockStore } from './state';
import { parsePreorderRequest, requireValid } from './validation';

export const PREORDER_TTL_MS = 15 * 60_000;

export function samePayment(a: PaymentData, b: PaymentData): boolean {
  return (
    a.orderId === b.orderId &&
    a.accountId === b.accountId &&
    a.amount.amount === b.amount.amount &&
    a.amount.currency === b.amount.currency &&
    a.payerAccount === b.payerAccount &&
    a.payeeAccount === b.payeeAccount
  );
}

/** Why a pre-order cannot back this payment, or undefined when it can. */
export function preorderProblem(store: MockStore, preorderId: string, payment: PaymentData): string | undefined {
  const preorder = store.preorders.get(preorderId);
  if (!preorder) return 'PREORDER_NOT_FOUND';
  if (preorder.expiresAt <= store.now()) return 'PREORDER_EXPIRED';
  if (!samePayment(preorder.payment, payment)) return 'PREORDER_MISMATCH';
  return undefined;
}

export function preorderRoutes(store: MockStore): Router {
  const router = Router();
  router.post('/preorder', scenarioGate(store, 'preorder'), (req, res) => {
    const { payment } = requireValid(parsePreorderRequest(req.body));
    const name = payeeName(payment.payeeAccount);
    if (name === undefined) {
      throw new ApiError(422, 'PAYEE_NOT_FOUND', 'The payee account is not known', 'payment.payeeAccount');
    }
    if (store.orderResults.get(payment.orderId)?.status === 'succeeded') {
      throw new ApiError(409, 'ORDER_ALREADY_PAID', 'This order has already been paid', 'payment.orderId');
    }
    store.pruneExpired();
    const expiresAt = store.now() + PREORDER_TTL_MS;
    const preorderId = `pre_${randomToken(12)}`;
    store.preorders.set(preorderId, { preorderId, payment, expiresAt });
    const response: PreorderResponse = {
      preorderId,
      orderId: payment.orderId,
      amount: payment.amount,
      payeeName: name,
      expiresAt: new Date(expiresAt).toISOString(),
    };
    res.json(response);
  });
  return router;
}
