// Face payments: Chromium's fake camera plays a fixture face video (.y4m); detection runs in the page, the mock
// matches the captured frame. One browser per video; the mock state carries over from enrolment to the payments.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import {
  type E2EBrowser,
  getCharges,
  launchBrowser,
  resetMock,
  type TrackedPage,
  urls,
  vanillaHostUrl,
  waitVisible,
} from './browser';
import type { FaceVideoName } from './fixtures/face-frames';
import {
  ALICE,
  biometricFiles,
  biometricRequests,
  cameraLog,
  checkOut,
  chooseMethod,
  enterPassword,
  faceVideo,
  REFUSE_CAMERA,
  methodAwaitingSetup,
  observeCamera,
  payBodies,
  payButton,
  payByPassword,
  resultDialog,
  waitCameraOff,
} from './helpers/biometrics';

/** Detection runs on the CPU in headless Chromium: the capture takes a few seconds. */
const FACE_TIMEOUT_MS = 40_000;
const open: E2EBrowser[] = [];

/** A browser whose fake camera plays `video`, with getUserMedia observed; closed by the test that opened it. */
async function withCamera(video: FaceVideoName, ...args: string[]): Promise<{ browser: E2EBrowser; tab: TrackedPage }> {
  const browser = await launchBrowser({ args: [`--use-file-for-fake-video-capture=${faceVideo(video)}`, ...args] });
  open.push(browser);
  await observeCamera(browser.context);
  return { browser, tab: await browser.newPage() };
}

async function close(browser: E2EBrowser): Promise<void> {
  open.splice(open.indexOf(browser), 1);
  await browser.close();
}

before(async () => {
  await resetMock();
});

after(async () => {
  await Promise.all(open.splice(0).map((browser) => browser.close()));
});

const faceDialog = (tab: TrackedPage) => tab.page.getByRole('dialog', { name: 'Verify with face' });

/** Checks out a new order and opens the face step. */
async function startFacePayment(tab: TrackedPage): Promise<void> {
  await checkOut(tab);
  await chooseMethod(tab, 'Face');
  await payButton(tab.page).click();
  await waitVisible(tab, faceDialog(tab), 'the "Verify with face" dialog');
}

/** Every http(s) request went to the host shell or to the remote's own origin (weights included). */
function foreignRequests(tab: TrackedPage, hostUrl = urls.reactHost): string[] {
  const allowed = new Set([new URL(hostUrl).origin, new URL(urls.cashier).origin]);
  return tab.requests.map((r) => r.url).filter((url) => /^https?:/.test(url) && !allowed.has(new URL(url).origin));
}

test('face is not offered un-enrolled: disabled with "Set up after this payment", nothing asked of the camera or the server', async () => {
  const { browser, tab } = await withCamera('face-a');
  try {
    const { page } = tab;
    await checkOut(tab);
    assert.deepEqual(await methodAwaitingSetup(tab, 'Face'), { disabled: true, description: 'Set up after this payment' });
    // A click on its name (as a person would try; forced past Playwright's wait for an enabled control) chooses nothing:
    // the password stays chosen and Pay opens the password step.
    await page.getByText('Face', { exact: true }).click({ force: true });
    assert.equal(await page.getByRole('radio', { name: 'Face', exact: true }).isChecked(), false);
    assert.equal(await page.getByRole('radio', { name: 'Password', exact: true }).isChecked(), true);
    await payButton(page).click();
    await waitVisible(tab, page.getByRole('dialog', { name: 'Enter payment password' }), 'the password dialog');
    assert.equal(await faceDialog(tab).count(), 0, 'no face step');
    assert.equal((await cameraLog(page)).calls, 0, 'the camera was not asked for');
    assert.deepEqual(
      tab.requests.filter((r) => r.url.includes('/api/cashier/face/')).map((r) => r.url),
      [],
      'no face challenge was asked for',
    );
  } finally {
    await close(browser);
  }
});

test('face-a: a password payment loads no biometric chunk; then the face is enrolled with weights from the remote', async () => {
  const { browser, tab } = await withCamera('face-a');
  try {
    const { page } = tab;
    const files = await biometricFiles();
    await checkOut(tab);
    await payByPassword(tab);
    assert.deepEqual(biometricRequests(tab, files), [], 'paying by password fetched no fingerprint or face chunk, nor the weights');
    assert.equal((await cameraLog(page)).calls, 0, 'the camera was not asked for');

    const success = resultDialog(page, 'Payment successful');
    await success.getByRole('button', { name: 'Enable face payment' }).click();
    const enrol = page.getByRole('dialog', { name: 'Enable face payment' });
    await waitVisible(tab, enrol.getByText('Face payment is on.'), 'the enrolled status', FACE_TIMEOUT_MS);
    const camera = await waitCameraOff(page);
    assert.ok(camera.tracks > 0, 'the camera was used');
    assert.equal(camera.liveTracks, 0, 'no camera track is left running');
    await enrol.getByRole('button', { name: 'Done' }).click();
    await waitVisible(tab, success.getByRole('status').filter({ hasText: 'Face payment is on.' }), 'the offer saying it is on');
    // Enrolled: the next checkout offers the face (account-wide), with no setup hint.
    await checkOut(tab);
    const face = page.getByRole('radio', { name: 'Face', exact: true });
    await page.waitForFunction((input) => !(input as HTMLInputElement).disabled, await face.elementHandle(), { timeout: 10_000 });
    assert.equal(await page.getByText('Set up after this payment').count(), 0);

    const weights = tab.requests.filter((r) => /tiny_face_detector_model/.test(r.url)).map((r) => r.url);
    assert.ok(weights.some((url) => url.endsWith('.json')) && weights.some((url) => url.endsWith('.bin')), 'manifest and weights fetched');
    assert.ok(weights.every((url) => url.startsWith(`${urls.cashier}/`)), `weights from the remote: ${weights.join(', ')}`);
    assert.deepEqual(foreignRequests(tab), [], 'nothing fetched from a third origin');
    assert.deepEqual(tab.findSecret(ALICE.password), []);
  } finally {
    await close(browser);
  }
});

test('face-a: the enrolled face pays', async () => {
  const { browser, tab } = await withCamera('face-a');
  try {
    const charges = (await getCharges()).length;
    await startFacePayment(tab);
    await waitVisible(tab, resultDialog(tab.page, 'Payment successful'), 'the "Payment successful" dialog', FACE_TIMEOUT_MS);
    const authentication = payBodies(tab)[0]?.authentication as { method: string; image: string };
    assert.equal(authentication.method, 'face');
    assert.match(authentication.image, /^data:image\/jpeg;base64,/);
    assert.equal((await getCharges()).length, charges + 1);
    assert.equal((await waitCameraOff(tab.page)).liveTracks, 0, 'no camera track is left running');
    assert.deepEqual(foreignRequests(tab), []);
  } finally {
    await close(browser);
  }
});

test('face-b: another face is refused, with the password as the way out', async () => {
  const { browser, tab } = await withCamera('face-b');
  try {
    const { page } = tab;
    const charges = (await getCharges()).length;
    await startFacePayment(tab);
    const failed = resultDialog(page, 'Payment failed');
    await waitVisible(tab, failed, 'the "Payment failed" dialog', FACE_TIMEOUT_MS);
    assert.equal((await failed.getByTestId('failure-reason').textContent())?.trim(), 'Face not recognised');
    assert.equal((await getCharges()).length, charges, 'nothing was charged');
    assert.equal((await waitCameraOff(page)).liveTracks, 0, 'no camera track is left running');

    await failed.getByRole('button', { name: 'Pay another way' }).click();
    assert.equal(await page.getByRole('radio', { name: 'Password', exact: true }).isChecked(), true, 'the password is chosen');
    await payButton(page).click();
    await enterPassword(tab);
    await waitVisible(tab, resultDialog(page, 'Payment successful'), 'the "Payment successful" dialog after the password');
    assert.equal((await getCharges()).length, charges + 1);
  } finally {
    await close(browser);
  }
});

test('blank: "no face" guidance, nothing captured, and the password as the way out', async () => {
  const { browser, tab } = await withCamera('blank');
  try {
    const { page } = tab;
    await startFacePayment(tab);
    const dialog = faceDialog(tab);
    const guidance = dialog.getByRole('status').filter({ hasText: 'No face found. Look at the camera.' });
    await waitVisible(tab, guidance, 'the "no face" guidance', FACE_TIMEOUT_MS);
    assert.ok(await dialog.getByLabel('Camera preview').isVisible(), 'the camera picture shows');
    // The detector keeps looking (every 150 ms) and keeps saying so: a second look gives no capture either.
    await page.waitForTimeout(1_500);
    assert.ok(await guidance.isVisible(), 'still "no face" after more detections');
    assert.deepEqual(payBodies(tab), [], 'nothing was captured or sent');
    assert.equal(await page.getByText('Face captured').count(), 0);
    assert.ok((await cameraLog(page)).liveTracks > 0, 'the camera runs while the person is guided');

    await dialog.getByRole('button', { name: 'Use password' }).click();
    assert.equal((await waitCameraOff(page)).liveTracks, 0, 'no camera track is left running');
    await enterPassword(tab);
    await waitVisible(tab, resultDialog(page, 'Payment successful'), 'the "Payment successful" dialog after the password');
    assert.deepEqual(
      payBodies(tab).map((b) => (b.authentication as { method: string }).method),
      ['password'],
    );
  } finally {
    await close(browser);
  }
});

test('camera permission denied (vanilla host): a clear message and back to the password', async () => {
  const { browser, tab } = await withCamera('face-a', REFUSE_CAMERA);
  try {
    const { page } = tab;
    await page.goto(vanillaHostUrl({ account: ALICE.account, card: ALICE.card, amount: ALICE.amount }));
    await page.getByRole('button', { name: 'Open cashier' }).click();
    await waitVisible(tab, payButton(page), 'the cashier "Pay" button');
    await chooseMethod(tab, 'Face');
    await payButton(page).click();
    const dialog = faceDialog(tab);
    const refusal = dialog.getByRole('alert');
    await waitVisible(tab, refusal, 'the camera refusal message');
    assert.equal(
      (await refusal.textContent())?.trim(),
      'Camera access was refused. Allow the camera in the browser settings, or pay with your password.',
    );
    const camera = await cameraLog(page);
    assert.deepEqual(camera.refusals, ['NotAllowedError']);
    assert.equal(camera.tracks, 0, 'no camera track was ever started');

    await dialog.getByRole('button', { name: 'Use password' }).click();
    await enterPassword(tab);
    await waitVisible(tab, resultDialog(page, 'Payment successful'), 'the "Payment successful" dialog after the password');
    assert.deepEqual(foreignRequests(tab, urls.vanillaHost), []);
  } finally {
    await close(browser);
  }
});
