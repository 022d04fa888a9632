// The WebAuthn service interfaces of the payment server (docs/api.md, Biometrics).
import type { PublicKeyCredentialCreationOptionsJSON, PublicKeyCredentialRequestOptionsJSON } from '@simplewebauthn/browser';
import { fail, isoDateTime, isPlainObject, obj, type Schema, str } from '../../core/schema';
import type { BiometricChallengeRequest, BiometricEnrollmentRequest } from '../../core/service-interfaces';
import { parseEnrolled, postJson } from '../biometric-shared/post-json';

export interface AuthenticationOptions {
  challengeId: string;
  expiresAt: string;
  options: PublicKeyCredentialRequestOptionsJSON;
}

/** WebAuthn options are handed to the browser as they are; only their challenge is checked here. */
const webauthnOptions =
  <T>(): Schema<T> =>
  (v, path) =>
    isPlainObject(v) && typeof v.challenge === 'string' ? (v as T) : fail(path, 'must be WebAuthn options with a challenge');

const parseAuthenticationOptions = (body: unknown) =>
  obj({ challengeId: str(128), expiresAt: isoDateTime, options: webauthnOptions<PublicKeyCredentialRequestOptionsJSON>() })(body, '');
const parseCreationOptions = (body: unknown) => webauthnOptions<PublicKeyCredentialCreationOptionsJSON>()(body, '');

export const fetchAuthenticationOptions = (apiBaseUrl: string, request: BiometricChallengeRequest, signal?: AbortSignal) =>
  postJson(apiBaseUrl, '/webauthn/authentication/options', request, parseAuthenticationOptions, signal);

export const fetchRegistrationOptions = (apiBaseUrl: string, request: BiometricEnrollmentRequest, signal?: AbortSignal) =>
  postJson(apiBaseUrl, '/webauthn/registration/options', request, parseCreationOptions, signal);

export const verifyRegistration = (apiBaseUrl: string, request: BiometricEnrollmentRequest, response: unknown, signal?: AbortSignal) =>
  postJson(apiBaseUrl, '/webauthn/registration/verify', { ...request, response }, parseEnrolled, signal);
