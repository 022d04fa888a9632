// Helpers for the fingerprint and face browser tests: the CDP virtual authenticator, camera-track observation, the
// biometric chunks of the remote's manifest, and the cashier steps every test repeats (check out, pay by password).
import { existsSync } from 'node:fs';
import type { CDPSession, Page } from 'playwright-core';
import {
  type E2EBrowser,
  manifestUrl,
  reactHostUrl,
  type TrackedPage,
  urls,
  waitVisible,
} from '../browser';
import { FACE_VIDEO_DIR, makeFaceVideos } from '../fixtures/make-face-videos';
import type { FaceVideoName } from '../fixtures/face-frames';

export const ALICE = { account: 'acct-alice', card: '6222020000000000018', amount: '100.00', password: '123456' } as const;

// --- WebAuthn: Chromium's virtual authenticator over CDP ---

export interface VirtualAuthenticator {
  cdp: CDPSession;
  authenticatorId: string;
  /** What the authenticator answers to user verification from now on (a finger that does or does not match). */
  setUserVerified(verified: boolean): Promise<void>;
  credentialCount(): Promise<number>;
}

/**
 * A CTAP2 platform authenticator ("internal" transport) with user verification, on this page's tab: with it,
 * isUserVerifyingPlatformAuthenticatorAvailable() answers true and navigator.credentials talks to it. It lives as
 * long as the tab, across navigations.
 */
export async function addVirtualAuthenticator(page: Page): Promise<VirtualAuthenticator> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('WebAuthn.enable', { enableUI: false });
  const { authenticatorId } = await cdp.send('WebAuthn.addVirtualAuthenticator', {
    options: {
      protocol: 'ctap2',
      transport: 'internal',
      hasResidentKey: true,
      hasUserVerification: true,
      isUserVerified: true,
      automaticPresenceSimulation: true,
    },
  });
  return {
    cdp,
    authenticatorId,
    setUserVerified: async (isUserVerified) => {
      await cdp.send('WebAuthn.setUserVerified', { authenticatorId, isUserVerified });
    },
    credentialCount: async () => (await cdp.send('WebAuthn.getCredentials', { authenticatorId })).credentials.length,
  };
}

/** Flips one bit in the middle of a base64url string's bytes (a signature the authenticator never made). */
export function flipByte(base64url: string): string {
  const bytes = Buffer.from(base64url, 'base64url');
  const at = Math.floor(bytes.length / 2);
  bytes[at] = (bytes[at] ?? 0) ^ 0x01;
  return bytes.toString('base64url');
}

// --- Camera: observe (never replace) the streams getUserMedia hands out ---

declare global {
  interface Window {
    __e2eCamera?: { calls: number; refusals: string[]; streams: MediaStream[] };
  }
}

/**
 * Wraps navigator.mediaDevices.getUserMedia in every page of the context so the test can see each stream the
 * cashier was given; the real camera call still happens and its answer is passed on unchanged.
 */
export async function observeCamera(context: E2EBrowser['context']): Promise<void> {
  await context.addInitScript(() => {
    const media = navigator.mediaDevices;
    if (!media?.getUserMedia) return;
    const record = { calls: 0, refusals: [] as string[], streams: [] as MediaStream[] };
    window.__e2eCamera = record;
    const original = media.getUserMedia.bind(media);
    media.getUserMedia = async (constraints) => {
      record.calls += 1;
      try {
        const stream = await original(constraints);
        record.streams.push(stream);
        return stream;
      } catch (error) {
        record.refusals.push(error instanceof Error ? error.name : String(error));
        throw error;
      }
    };
  });
}

export interface CameraLog {
  calls: number;
  refusals: string[];
  /** Tracks the cashier was given, and those not yet stopped. */
  tracks: number;
  liveTracks: number;
}

export async function cameraLog(page: Page): Promise<CameraLog> {
  return page.evaluate(() => {
    const record = window.__e2eCamera ?? { calls: 0, refusals: [], streams: [] };
    const tracks = record.streams.flatMap((stream) => stream.getTracks());
    return {
      calls: record.calls,
      refusals: [...record.refusals],
      tracks: tracks.length,
      liveTracks: tracks.filter((t) => t.readyState !== 'ended').length,
    };
  });
}

/** Waits until every camera track the cashier got has ended (the widget stops them as it closes). */
export async function waitCameraOff(page: Page): Promise<CameraLog> {
  await page.waitForFunction(
    () => (window.__e2eCamera?.streams ?? []).flatMap((s) => s.getTracks()).every((t) => t.readyState === 'ended'),
    undefined,
    { timeout: 5_000 },
  );
  return cameraLog(page);
}

// --- Face videos for Chromium's fake camera ---

/** The .y4m of a fixture face video, built when missing (e2e/artifacts is not checked in). */
export function faceVideo(name: FaceVideoName): string {
  const file = `${FACE_VIDEO_DIR}/${name}.y4m`;
  return existsSync(file) ? file : (makeFaceVideos()[name] ?? file);
}

/**
 * Chromium's flag for a person who refuses the camera: its fake media UI answers every camera request with "Block",
 * so getUserMedia fails with NotAllowedError. It overrides the suite's accepting `--use-fake-ui-for-media-stream`
 * (the last value of a flag wins), and works the same in the full browser and the headless shell.
 */
export const REFUSE_CAMERA = '--use-fake-ui-for-media-stream=deny';

// --- Which files of the remote belong to fingerprint and face ---

interface ManifestAssets {
  js: { sync: string[]; async: string[] };
  css: { sync: string[]; async: string[] };
}
interface Manifest {
  exposes: { name: string; assets: ManifestAssets }[];
}

const allAssets = (a: ManifestAssets) => [...a.js.sync, ...a.js.async, ...a.css.sync, ...a.css.async];

/**
 * The remote's fingerprint and face files: everything its ./FingerprintVerify and ./FaceVerify exposes need (the
 * widgets, simplewebauthn, face-api and the detector chunk), the lazy chunks named after them (enrolment, the
 * page's own split points), and the detector weights. A password payment must fetch none of them.
 */
export async function biometricFiles(): Promise<Set<string>> {
  const manifest = (await (await fetch(manifestUrl())).json()) as Manifest;
  const files = new Set<string>();
  // Code the cashier page itself loads (the API layer, say) is shared, not biometric, even when a biometric expose lists it.
  const pageFiles = new Set(manifest.exposes.filter((e) => e.name === 'CashierPage').flatMap((e) => allAssets(e.assets)));
  for (const expose of manifest.exposes) {
    for (const file of allAssets(expose.assets)) {
      const biometricExpose = expose.name === 'FingerprintVerify' || expose.name === 'FaceVerify';
      if ((biometricExpose && !pageFiles.has(file)) || /fingerprint|face/i.test(file)) files.add(file);
    }
  }
  return files;
}

/** Requests of the page for a biometric file of the remote or for the face detector's weights. */
export function biometricRequests(tab: TrackedPage, files: Set<string>): string[] {
  return tab.requests
    .map((r) => r.url)
    .filter((url) => {
      if (!url.startsWith(urls.cashier)) return /tiny_face_detector/.test(url);
      const file = new URL(url).pathname.slice(1);
      return files.has(file) || /tiny_face_detector/.test(file);
    });
}

// --- The cashier steps, through the react host shell ---

/** Opens the react host for acct-alice (or `params`) and checks out; resolves when "Pay" is on the page. */
export async function checkOut(tab: TrackedPage, params: Record<string, string> = {}): Promise<void> {
  const { page } = tab;
  await page.goto(reactHostUrl({ account: ALICE.account, card: ALICE.card, amount: ALICE.amount, ...params }));
  await page.getByRole('button', { name: /^Check out/ }).click();
  await waitVisible(tab, payButton(page), 'the cashier "Pay" button');
}

export const payButton = (page: Page) => page.getByRole('button', { name: 'Pay', exact: true });

/** The method radio (docs/api.md, What a person sees); waits until the device check has shown it. */
export async function chooseMethod(tab: TrackedPage, name: 'Password' | 'Fingerprint' | 'Face'): Promise<void> {
  const radio = tab.page.getByRole('radio', { name, exact: true });
  await waitVisible(tab, radio, `the "${name}" method`);
  await radio.check();
}

/**
 * A method the payer has not enrolled: once the page resources answer, its radio is disabled and described by the
 * setup hint. Returns the radio's disabled state and its accessible description (read through aria-describedby).
 */
export async function methodAwaitingSetup(tab: TrackedPage, name: 'Fingerprint' | 'Face'): Promise<{ disabled: boolean; description: string }> {
  const radio = tab.page.getByRole('radio', { name, exact: true });
  await waitVisible(tab, radio, `the "${name}" method`);
  await radio.locator('xpath=../..').getByText('Set up after this payment').waitFor();
  const description = await radio.evaluate((input) => {
    const ids = (input.getAttribute('aria-describedby') ?? '').split(/\s+/).filter(Boolean);
    const root = input.getRootNode() as Document | ShadowRoot;
    return ids.map((id) => root.getElementById(id)?.textContent ?? '').join(' ').trim();
  });
  return { disabled: await radio.isDisabled(), description };
}

/** Types the payment password on the cashier's own keyboard; the payment is sent on the 6th digit. */
export async function enterPassword(tab: TrackedPage, password: string = ALICE.password): Promise<void> {
  const keyboard = tab.page.getByRole('dialog', { name: 'Enter payment password' });
  await waitVisible(tab, keyboard, 'the password dialog');
  for (const digit of password) await keyboard.getByRole('button', { name: digit, exact: true }).click();
}

export const resultDialog = (page: Page, outcome: 'Payment successful' | 'Payment failed') => page.getByRole('dialog', { name: outcome });

/** Pays the checked-out order by password; resolves on "Payment successful". */
export async function payByPassword(tab: TrackedPage): Promise<void> {
  await chooseMethod(tab, 'Password');
  await payButton(tab.page).click();
  await enterPassword(tab);
  await waitVisible(tab, resultDialog(tab.page, 'Payment successful'), 'the "Payment successful" dialog');
}

/** The JSON body of every POST /pay the page sent, in order. */
export function payBodies(tab: TrackedPage): Record<string, unknown>[] {
  return tab.requests
    .filter((r) => r.method === 'POST' && r.url === `${urls.cashier}/api/cashier/pay` && r.postData)
    .map((r) => JSON.parse(r.postData ?? '{}') as Record<string, unknown>);
}
