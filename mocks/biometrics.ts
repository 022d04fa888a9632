// The biometric service interfaces as one router (the authenticators plug into pay.ts's seam).
import { Router } from 'express';
import { biometricsOf } from './biometric-enrollment';
import { faceRoutes } from './face';
import type { MockStore } from './state';
import { webauthnRoutes } from './webauthn';

/** Mount before adminRoutes: __admin/reset passes through here first to forget enrolments and challenges. */
export function createBiometricRouter(store: MockStore): Router {
  const router = Router();
  router.post('/__admin/reset', (_req, _res, next) => {
    biometricsOf(store).reset();
    next();
  });
  router.use(webauthnRoutes(store), faceRoutes(store));
  return router;
}
