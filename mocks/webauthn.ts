// Fingerprint (S231/S232) as WebAuthn: platform authenticator, user verification required, one challenge per payment.
import {
  type AuthenticationResponseJSON,
  generateAuthenticationOptions,
  generateRegistrationOptions,
  type RegistrationResponseJSON,
  verifyAuthenticationResponse,
  verifyRegistrationResponse,
} from '@simplewebauthn/server';
import { type Request, Router } from 'express';
import { isPlainObject } from '../src/core/schema';
import type {
  Authentication,
  BiometricEnrollmentResponse,
  WebAuthnAuthenticationOptions,
} from '../src/core/service-interfaces';
import type { PaymentData } from '../src/core/types';
import {
  biometricsOf,
  consumeChallenge,
  issueChallenge,
  lockedOut,
  parseChallengeRequest,
  parseEnrollmentRequest,
  REGISTRATION_TTL_MS,
  recordMatch,
  reserveMatch,
  takeEnrollmentToken,
} from './biometric-enrollment';
import { ApiError, badRequest } from './errors';
import { allowedOrigin } from './http-headers';
import type { AuthFailure, AuthOutcome } from './pay';
import type { MockStore } from './state';

export const WEBAUTHN_TIMEOUT_MS = 60_000;
const RP_NAME = 'Cashier';
// ES256 first (every platform authenticator), RS256 for Windows Hello.
const ALGORITHMS = [-7, -257];
const UV_FLAG = 0x04;

const fail = (code: string, message: string): AuthFailure => ({ ok: false, code, message });

/** The Origin header of a request, refused when it is present but not an allowed origin. */
function requestOrigin(store: MockStore, req: Request): string | undefined {
  const origin = req.get('Origin');
  if (origin !== undefined && !allowedOrigin(origin, store.config.origins)) {
    throw new ApiError(403, 'ORIGIN_NOT_ALLOWED', `Origin ${origin} may not use WebAuthn here`);
  }
  return origin;
}

/** The response parts the checks read before the library does; anything else is not a credential response. */
function credentialParts(value: unknown): { id: string; clientDataJSON: string; authenticatorData?: string } | undefined {
  if (!isPlainObject(value) || typeof value.id !== 'string' || !isPlainObject(value.response)) return undefined;
  const { clientDataJSON, authenticatorData } = value.response;
  if (typeof clientDataJSON !== 'string') return undefined;
  return { id: value.id, clientDataJSON, authenticatorData: typeof authenticatorData === 'string' ? authenticatorData : undefined };
}

/** The origin the browser wrote into clientDataJSON, if it is allowed (and equal to the options request's origin). */
function clientOrigin(store: MockStore, clientDataJSON: string, expected?: string): string | undefined {
  try {
    const origin = (JSON.parse(Buffer.from(clientDataJSON, 'base64url').toString('utf8')) as { origin?: unknown }).origin;
    if (typeof origin !== 'string' || !allowedOrigin(origin, store.config.origins)) return undefined;
    return expected === undefined || expected === origin ? origin : undefined;
  } catch {
    return undefined;
  }
}

const userVerified = (authenticatorData: string | undefined) =>
  authenticatorData !== undefined && ((Buffer.from(authenticatorData, 'base64url')[32] ?? 0) & UV_FLAG) !== 0;

export function webauthnRoutes(store: MockStore): Router {
  const router = Router();
  const { rpId } = store.config;

  router.post('/webauthn/registration/options', async (req, res) => {
    const request = parseEnrollmentRequest(req.body);
    const origin = requestOrigin(store, req);
    // Spent here, before the await: the registration ceremony it starts is the one enrolment this token allows.
    takeEnrollmentToken(store, request, 'fingerprint');
    const existing = biometricsOf(store).credentials.get(request.accountId) ?? [];
    const options = await generateRegistrationOptions({
      rpName: RP_NAME,
      rpID: rpId,
      userName: request.accountId,
      userID: new TextEncoder().encode(request.accountId),
      attestationType: 'none',
      timeout: WEBAUTHN_TIMEOUT_MS,
      excludeCredentials: existing.map(({ id, transports }) => ({ id, transports })),
      authenticatorSelection: { authenticatorAttachment: 'platform', userVerification: 'required', residentKey: 'preferred' },
      supportedAlgorithmIDs: ALGORITHMS,
    });
    biometricsOf(store).registrations.set(request.enrollmentToken, {
      accountId: request.accountId,
      challenge: options.challenge,
      expiresAt: store.now() + REGISTRATION_TTL_MS,
      requestOrigin: origin,
    });
    res.json(options);
  });

  router.post('/webauthn/registration/verify', async (req, res) => {
    const request = parseEnrollmentRequest(req.body);
    const body = req.body as { response?: unknown };
    const parts = credentialParts(body.response);
    if (!parts) throw badRequest('response must be the RegistrationResponseJSON of the browser', 'response');
    const state = biometricsOf(store);
    const pending = state.registrations.get(request.enrollmentToken);
    // The registration challenge is single use, whatever the outcome.
    state.registrations.delete(request.enrollmentToken);
    if (!pending || pending.accountId !== request.accountId || pending.expiresAt <= store.now()) {
      throw new ApiError(409, 'REGISTRATION_NOT_STARTED', 'Ask for registration options first, then answer them within 5 minutes');
    }
    const origin = clientOrigin(store, parts.clientDataJSON, pending.requestOrigin);
    if (!origin) throw new ApiError(403, 'ORIGIN_NOT_ALLOWED', 'The credential was created for another origin');
    let verification: Awaited<ReturnType<typeof verifyRegistrationResponse>>;
    try {
      verification = await verifyRegistrationResponse({
        response: body.response as RegistrationResponseJSON,
        expectedChallenge: pending.challenge,
        expectedOrigin: origin,
        expectedRPID: rpId,
        requireUserVerification: true,
        supportedAlgorithmIDs: ALGORITHMS,
      });
    } catch (error) {
      throw new ApiError(400, 'REGISTRATION_REJECTED', error instanceof Error ? error.message : 'The credential was not accepted');
    }
    if (!verification.verified) throw new ApiError(400, 'REGISTRATION_REJECTED', 'The credential was not accepted');
    const { id, publicKey, counter, transports } = verification.registrationInfo.credential;
    const credentials = state.credentials.get(request.accountId) ?? [];
    state.credentials.set(request.accountId, [...credentials.filter((c) => c.id !== id), { id, publicKey, counter, transports }]);
    res.json({ enrolled: true } satisfies BiometricEnrollmentResponse);
  });

  router.post('/webauthn/authentication/options', async (req, res) => {
    const request = parseChallengeRequest(req.body);
    const origin = requestOrigin(store, req);
    const credentials = biometricsOf(store).credentials.get(request.accountId) ?? [];
    if (credentials.length === 0) {
      throw new ApiError(409, 'METHOD_NOT_ENROLLED', 'Fingerprint payment is not enabled for this account');
    }
    const locked = lockedOut(store, 'fingerprint', request.accountId);
    if (locked) throw new ApiError(423, locked.code, locked.message);
    const options = await generateAuthenticationOptions({
      rpID: rpId,
      allowCredentials: credentials.map(({ id, transports }) => ({ id, transports })),
      userVerification: 'required',
      timeout: WEBAUTHN_TIMEOUT_MS,
    });
    const challenge = issueChallenge(store, 'fingerprint', request, { webauthnChallenge: options.challenge, requestOrigin: origin });
    const answer: WebAuthnAuthenticationOptions = {
      challengeId: challenge.challengeId,
      expiresAt: new Date(challenge.expiresAt).toISOString(),
      options,
    };
    res.json(answer);
  });
  return router;
}

/** S232 on the server: the assertion must sign this payment's challenge, with user verification, from an allowed origin. */
export async function authenticateFingerprint(
  store: MockStore,
  payment: PaymentData,
  authentication: Authentication,
): Promise<AuthOutcome> {
  if (authentication.method !== 'fingerprint') return fail('METHOD_MISMATCH', 'Expected fingerprint authentication');
  const { accountId } = payment;
  const locked = lockedOut(store, 'fingerprint', accountId);
  if (locked) return locked;
  const taken = consumeChallenge(store, 'fingerprint', authentication.challengeId, payment);
  if (!taken.ok) return taken;
  const parts = credentialParts(authentication.assertion);
  const credential = parts && biometricsOf(store).credentials.get(accountId)?.find((c) => c.id === parts.id);
  if (!parts || !credential) {
    recordMatch(store, 'fingerprint', accountId, false);
    return fail('FINGERPRINT_NOT_RECOGNISED', 'This fingerprint credential is not enrolled for the account');
  }
  const origin = clientOrigin(store, parts.clientDataJSON, taken.challenge.requestOrigin);
  if (!origin) return fail('ORIGIN_NOT_ALLOWED', 'The fingerprint was verified for another origin');
  if (!userVerified(parts.authenticatorData)) {
    return fail('USER_NOT_VERIFIED', 'The authenticator did not verify the person (user verification is required)');
  }
  const busy = reserveMatch(store, 'fingerprint', accountId);
  if (busy) return busy;
  let verification: Awaited<ReturnType<typeof verifyAuthenticationResponse>>;
  try {
    verification = await verifyAuthenticationResponse({
      response: authentication.assertion as AuthenticationResponseJSON,
      expectedChallenge: taken.challenge.webauthnChallenge ?? '',
      expectedOrigin: origin,
      expectedRPID: store.config.rpId,
      credential: { ...credential },
      requireUserVerification: true,
    });
  } catch (error) {
    recordMatch(store, 'fingerprint', accountId, false, true);
    return fail('FINGERPRINT_NOT_VERIFIED', error instanceof Error ? error.message : 'The fingerprint assertion could not be verified');
  }
  const { verified, authenticationInfo } = verification;
  // Another assertion may have moved the counter while this one was verified: one that did not grow is a clone's.
  const counterGrew = authenticationInfo.newCounter > credential.counter || (authenticationInfo.newCounter === 0 && credential.counter === 0);
  recordMatch(store, 'fingerprint', accountId, verified && counterGrew, true);
  if (!verified) return fail('FINGERPRINT_NOT_VERIFIED', 'The fingerprint assertion could not be verified');
  if (!counterGrew) return fail('FINGERPRINT_COUNTER_REPLAYED', 'The authenticator signature counter did not advance (a cloned credential?)');
  credential.counter = authenticationInfo.newCounter;
  return { ok: true, verifiedPassword: false };
}
