// Face (S241/S242): enrolment and matching by a perceptual hash of the guide crop. A stand-in for face recognition (docs/api.md).
import { Router } from 'express';
import jpeg from 'jpeg-js';
import { str } from '../src/core/schema';
import type { Authentication, BiometricChallenge, BiometricEnrollmentResponse } from '../src/core/service-interfaces';
import type { PaymentData } from '../src/core/types';
import {
  biometricsOf,
  checkEnrollmentToken,
  consumeChallenge,
  issueChallenge,
  lockedOut,
  parseChallengeRequest,
  parseEnrollmentRequest,
  recordMatch,
  takeEnrollmentToken,
} from './biometric-enrollment';
import { ApiError, badRequest } from './errors';
import type { AuthFailure, AuthOutcome } from './pay';
import type { MockStore } from './state';

/** Thumbnail side: 16 x 16 = a 256-bit average hash. */
export const HASH_SIDE = 16;
/** The central share of the crop that is hashed: the face, not the background around the guide. */
export const HASH_INNER = 0.7;
/**
 * Most differing bits (of 256) for a match. Tuned on e2e/fixtures/face-frames.ts, 15 frames a video: frames of
 * one face differ by at most 40 bits, another face, two faces or a far face by at least 100; 64 sits between.
 */
export const MATCH_THRESHOLD = 64;
/** A nearly uniform picture (a covered lens, a wall) has no face to compare. */
const MIN_CONTRAST = 8;
const MAX_IMAGE_CHARS = 1_500_000;
const DATA_URL = /^data:image\/jpeg;base64,([A-Za-z0-9+/]+={0,2})$/;

export class FaceImageError extends Error {}

/** The JPEG of a data URL as grey levels; a bad or oversized picture is a FaceImageError. */
export function greyLevels(image: string): { grey: Float64Array; width: number; height: number } {
  const match = DATA_URL.exec(image);
  if (!match?.[1]) throw new FaceImageError('image must be a JPEG data URL (data:image/jpeg;base64,...)');
  let decoded: { width: number; height: number; data: Uint8Array };
  try {
    decoded = jpeg.decode(Buffer.from(match[1], 'base64'), { useTArray: true, maxResolutionInMP: 2, maxMemoryUsageInMB: 64 });
  } catch {
    throw new FaceImageError('image is not a readable JPEG');
  }
  const { width, height, data } = decoded;
  if (width < 64 || height < 64) throw new FaceImageError('image is smaller than 64 x 64 pixels');
  const grey = new Float64Array(width * height);
  for (let i = 0; i < grey.length; i++) {
    grey[i] = 0.299 * (data[i * 4] ?? 0) + 0.587 * (data[i * 4 + 1] ?? 0) + 0.114 * (data[i * 4 + 2] ?? 0);
  }
  return { grey, width, height };
}

/** Average hash of the crop's centre: box-averaged to 16 x 16, one bit per cell brighter than the mean. */
export function faceHash(image: string): Uint8Array {
  const { grey, width, height } = greyLevels(image);
  const cells = new Float64Array(HASH_SIDE * HASH_SIDE);
  const x0 = (width * (1 - HASH_INNER)) / 2;
  const y0 = (height * (1 - HASH_INNER)) / 2;
  const cellW = (width * HASH_INNER) / HASH_SIDE;
  const cellH = (height * HASH_INNER) / HASH_SIDE;
  for (let row = 0; row < HASH_SIDE; row++) {
    for (let col = 0; col < HASH_SIDE; col++) {
      let sum = 0;
      let count = 0;
      for (let y = Math.floor(y0 + row * cellH); y < Math.floor(y0 + (row + 1) * cellH); y++) {
        for (let x = Math.floor(x0 + col * cellW); x < Math.floor(x0 + (col + 1) * cellW); x++) {
          sum += grey[y * width + x] ?? 0;
          count++;
        }
      }
      cells[row * HASH_SIDE + col] = sum / Math.max(count, 1);
    }
  }
  const mean = cells.reduce((a, b) => a + b, 0) / cells.length;
  const spread = Math.sqrt(cells.reduce((a, b) => a + (b - mean) ** 2, 0) / cells.length);
  if (spread < MIN_CONTRAST) throw new FaceImageError('image shows no face (it is nearly uniform)');
  return Uint8Array.from(cells, (value) => (value > mean ? 1 : 0));
}

export function hammingDistance(a: Uint8Array, b: Uint8Array): number {
  if (a.length !== b.length) throw new RangeError('Hashes of different lengths cannot be compared');
  let distance = 0;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) distance++;
  return distance;
}

const imageSchema = str(MAX_IMAGE_CHARS);

export function faceRoutes(store: MockStore): Router {
  const router = Router();
  router.post('/face/enroll', (req, res) => {
    const request = parseEnrollmentRequest(req.body);
    checkEnrollmentToken(store, request, 'face');
    const image = (req.body as { image?: unknown }).image;
    let hash: Uint8Array;
    try {
      hash = faceHash(imageSchema(image, 'image'));
    } catch (error) {
      if (error instanceof FaceImageError) throw new ApiError(422, 'FACE_IMAGE_UNUSABLE', error.message, 'image');
      throw badRequest(error instanceof Error ? error.message : 'image is invalid', 'image');
    }
    // All synchronous from the check to here: an unusable picture keeps the token for a retake, an enrolment spends it.
    takeEnrollmentToken(store, request, 'face');
    biometricsOf(store).faces.set(request.accountId, { hash, enrolledAt: store.now() });
    res.json({ enrolled: true } satisfies BiometricEnrollmentResponse);
  });

  router.post('/face/challenge', (req, res) => {
    const request = parseChallengeRequest(req.body);
    if (!biometricsOf(store).faces.has(request.accountId)) {
      throw new ApiError(409, 'METHOD_NOT_ENROLLED', 'Face payment is not enabled for this account');
    }
    const locked = lockedOut(store, 'face', request.accountId);
    if (locked) throw new ApiError(423, locked.code, locked.message);
    const challenge = issueChallenge(store, 'face', request);
    res.json({ challengeId: challenge.challengeId, expiresAt: new Date(challenge.expiresAt).toISOString() } satisfies BiometricChallenge);
  });
  return router;
}

const fail = (code: string, message: string): AuthFailure => ({ ok: false, code, message });

/** S242 on the server: the captured face must match the account's enrolled face, under this payment's challenge. */
export async function authenticateFace(store: MockStore, payment: PaymentData, authentication: Authentication): Promise<AuthOutcome> {
  if (authentication.method !== 'face') return fail('METHOD_MISMATCH', 'Expected face authentication');
  const { accountId } = payment;
  const locked = lockedOut(store, 'face', accountId);
  if (locked) return locked;
  const taken = consumeChallenge(store, 'face', authentication.challengeId, payment);
  if (!taken.ok) return taken;
  const enrolled = biometricsOf(store).faces.get(accountId);
  if (!enrolled) return fail('METHOD_NOT_ENROLLED', 'Face payment is not enabled for this account');
  let hash: Uint8Array;
  try {
    hash = faceHash(authentication.image);
  } catch (error) {
    if (!(error instanceof FaceImageError)) throw error;
    recordMatch(store, 'face', accountId, false);
    return fail('FACE_IMAGE_UNUSABLE', error.message);
  }
  const matched = hammingDistance(hash, enrolled.hash) <= MATCH_THRESHOLD;
  recordMatch(store, 'face', accountId, matched);
  return matched ? { ok: true, verifiedPassword: false } : fail('FACE_NOT_RECOGNISED', 'The face does not match the enrolled face');
}
