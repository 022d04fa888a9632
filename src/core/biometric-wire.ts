// Response parsers of the WebAuthn registration interface (the other biometric answers are in wire-validation).
import { fail, isPlainObject, type Schema } from './schema';

/** WebAuthn options go to the browser as they are; only their challenge is checked here. */
const webauthnOptions: Schema<Record<string, unknown>> = (v, path) =>
  isPlainObject(v) && typeof v.challenge === 'string' ? v : fail(path, 'must be WebAuthn options with a challenge');

export const parseWebAuthnCreationOptions = (body: unknown): Record<string, unknown> => webauthnOptions(body, '');
