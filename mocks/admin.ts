// Admin interface for tests and developers: reset the fixtures, inject faults, list charges.
import { Router } from 'express';
import { describeScenario, parseScenario } from './scenario';
import type { MockStore } from './state';

export function adminRoutes(store: MockStore): Router {
  const router = Router();
  router.post('/__admin/reset', (_req, res) => {
    store.reset();
    res.json({ ok: true });
  });
  router.get('/__admin/scenario', (_req, res) => {
    res.json(describeScenario(store.scenario));
  });
  router.post('/__admin/scenario', (req, res) => {
    store.scenario = parseScenario(req.body);
    res.json(describeScenario(store.scenario));
  });
  router.get('/__admin/charges', (_req, res) => {
    res.json(store.charges);
  });
  return router;
}
