// MSW handlers that answer like the mock payment server (mocks/), built from its fixtures, texts and error shapes,
// so stories run on a static Storybook build with no server behind it.
import { generateAuthenticationOptions } from '@simplewebauthn/server';
import { HttpResponse, http, sse } from 'msw';
import { CHALLENGE_TTL_MS } from '../../mocks/biometric-enrollment';
import { ApiError } from '../../mocks/errors';
import type { BiometricChallenge, WebAuthnAuthenticationOptions } from '../core/service-interfaces';
import type { Locale } from '../core/types';
import { cashierResources, checkResources, LINK_ORIGINS } from './mock-answers';
import { offlineChallenge } from './story-kit';

/** The cashier's default apiBaseUrl; stories pass it where a widget takes one. */
export const STORY_API = '/api/cashier';

const at = (path: string) => `${STORY_API}${path}`;
const error = (e: ApiError) => HttpResponse.json(e.toBody(), { status: e.status });
let issued = 0;
const challengeId = (method: string) => `${method}_story${++issued}`;
const expiresIn = (ms: number) => new Date(Date.now() + ms).toISOString();

/** What every story may reach: page resources, check texts, a password challenge, the message push, buried points. */
export const cashierHandlers = [
  http.get(at('/page-resources/cashier'), ({ request }) => {
    const accountId = new URL(request.url).searchParams.get('accountId');
    if (!accountId) return error(new ApiError(400, 'INVALID_REQUEST', 'accountId is required', 'accountId'));
    return HttpResponse.json(cashierResources(accountId));
  }),
  http.post(at('/page-resources/checks'), async ({ request }) => {
    const body = (await request.json()) as { keys?: string[]; locale?: string };
    const locale: Locale = body.locale === 'zh-CN' ? 'zh-CN' : 'en-US';
    return HttpResponse.json({ checks: checkResources([...new Set(body.keys ?? [])], locale), linkOrigins: [...LINK_ORIGINS] });
  }),
  // The server's key pair stays server-side: a throwaway browser key answers in the same shape (GET today, POST
  // once the challenge is bound to one payment).
  http.post(at('/password/challenge'), async () => HttpResponse.json(await offlineChallenge())),
  // While paying, the stream stays open with no result: the status query decides (as on a quiet server).
  sse(at('/events'), () => undefined),
  http.post(at('/track'), () => new HttpResponse(null, { status: 204 })),
];

/** POST /webauthn/authentication/options for an account with a fingerprint enrolled. */
export const fingerprintEnrolled = http.post(at('/webauthn/authentication/options'), async () => {
  // The same call mocks/webauthn.ts makes; no credential to allow, since the story's browser stand-in signs nothing.
  const options = await generateAuthenticationOptions({ rpID: 'localhost', allowCredentials: [], userVerification: 'required', timeout: 60_000 });
  const answer: WebAuthnAuthenticationOptions = { challengeId: challengeId('fingerprint'), expiresAt: expiresIn(CHALLENGE_TTL_MS), options };
  return HttpResponse.json(answer);
});

export const fingerprintNotEnrolled = http.post(at('/webauthn/authentication/options'), () =>
  error(new ApiError(409, 'METHOD_NOT_ENROLLED', 'Fingerprint payment is not enabled for this account')),
);

/** POST /face/challenge for an account with a face enrolled. */
export const faceEnrolled = http.post(at('/face/challenge'), () => {
  const answer: BiometricChallenge = { challengeId: challengeId('face'), expiresAt: expiresIn(CHALLENGE_TTL_MS) };
  return HttpResponse.json(answer);
});

export const faceNotEnrolled = http.post(at('/face/challenge'), () =>
  error(new ApiError(409, 'METHOD_NOT_ENROLLED', 'Face payment is not enabled for this account')),
);
