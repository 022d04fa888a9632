// The face service interfaces of the payment server (docs/api.md, Biometrics).
import { isoDateTime, obj, str } from '../../core/schema';
import type { BiometricChallenge, BiometricChallengeRequest, BiometricEnrollmentRequest } from '../../core/service-interfaces';
import { parseEnrolled, postJson } from '../biometric-shared/post-json';

const parseChallenge = (body: unknown): BiometricChallenge => obj({ challengeId: str(128), expiresAt: isoDateTime })(body, '');

export const fetchFaceChallenge = (apiBaseUrl: string, request: BiometricChallengeRequest, signal?: AbortSignal) =>
  postJson(apiBaseUrl, '/face/challenge', request, parseChallenge, signal);

export const enrollFace = (apiBaseUrl: string, request: BiometricEnrollmentRequest, image: string, signal?: AbortSignal) =>
  postJson(apiBaseUrl, '/face/enroll', { ...request, image }, parseEnrolled, signal);
