// Liveness for harnesses and the dev server: answers once the app is mounted.
import { Router } from 'express';
import { scenarioGate } from './scenario';
import type { MockStore } from './state';

export function healthRoutes(store: MockStore): Router {
  const router = Router();
  router.get('/health', scenarioGate(store, 'health'), (_req, res) => {
    res.json({ ok: true });
  });
  return router;
}
