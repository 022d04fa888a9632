// The one seam between the mock and src/core: request schemas and the verification engine (S2) both sides share.
import type { RequestValidation } from '../src/core/wire-validation';
import { badRequest } from './errors';

export { luhnValid } from '../src/core/payment-data';
export { verifyPaymentData } from '../src/core/verification';
export {
  parseCheckResourcesRequest,
  parsePasswordChallengeRequest,
  parsePayRequest,
  parsePreorderRequest,
  parsePreverifyRequest,
} from '../src/core/wire-validation';

/** Unwraps a request validation or throws the 400 answer naming the bad field. */
export function requireValid<T>(parsed: RequestValidation<T>): T {
  if (parsed.ok) return parsed.value;
  throw badRequest(parsed.message, parsed.field || 'body');
}
