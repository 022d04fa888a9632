// Fingerprint payments: WebAuthn through Chromium's virtual platform authenticator, in the react host shell.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { type E2EBrowser, getCharges, launchBrowser, reactHostUrl, resetMock, type TrackedPage, track, urls, waitVisible } from './browser';
import {
  ALICE,
  addVirtualAuthenticator,
  biometricFiles,
  biometricRequests,
  checkOut,
  chooseMethod,
  enterPassword,
  flipByte,
  methodAwaitingSetup,
  payBodies,
  payButton,
  payByPassword,
  resultDialog,
  type VirtualAuthenticator,
} from './helpers/biometrics';

let browser: E2EBrowser;
let tab: TrackedPage;
let authenticator: VirtualAuthenticator;
/** The POST /pay body of the successful fingerprint payment, for the replay test. */
let fingerprintPayBody: Record<string, unknown> | undefined;
/** The answer of the first password payment: its order and the enrollment token it handed out. */
let passwordPayment: { orderId: string; enrollmentToken?: string } | undefined;

before(async () => {
  browser = await launchBrowser();
  tab = await browser.newPage();
  authenticator = await addVirtualAuthenticator(tab.page);
  await resetMock();
});

after(() => browser?.close());

/** Waits until the radio can be chosen (the page resources have answered that the method is enrolled). */
async function waitUntilEnabled(radio: ReturnType<TrackedPage['page']['getByRole']>): Promise<void> {
  await radio.waitFor();
  await tab.page.waitForFunction((input) => !(input as HTMLInputElement).disabled, await radio.elementHandle(), { timeout: 10_000 });
}

const fingerprintDialog = () => tab.page.getByRole('dialog', { name: 'Verify with fingerprint' });

/** Checks out a new order and opens the fingerprint step. */
async function startFingerprintPayment(): Promise<void> {
  await checkOut(tab);
  await chooseMethod(tab, 'Fingerprint');
  await payButton(tab.page).click();
  await waitVisible(tab, fingerprintDialog(), 'the "Verify with fingerprint" dialog');
}

/** The way out of a refused fingerprint: back to the password, which pays. */
async function finishByPassword(): Promise<void> {
  await enterPassword(tab);
  await waitVisible(tab, resultDialog(tab.page, 'Payment successful'), 'the "Payment successful" dialog after the password');
}

/** POSTs a /pay body from the page (its origin, a fresh Idempotency-Key): the PaymentResult or error body, and the HTTP status. */
async function postPay(body: unknown): Promise<{ httpStatus: number; status: string; code?: string }> {
  return tab.page.evaluate(
    async ({ url, body }) => {
      const response = await fetch(url, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'Idempotency-Key': crypto.randomUUID() },
        body: JSON.stringify(body),
      });
      return { httpStatus: response.status, ...((await response.json()) as { status: string; code?: string }) };
    },
    { url: `${urls.cashier}/api/cashier/pay`, body },
  );
}

async function postJson<T>(path: string, body: unknown): Promise<T> {
  return tab.page.evaluate(
    async ({ url, body }) => {
      const response = await fetch(url, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
      if (!response.ok) throw new Error(`${url}: HTTP ${response.status} ${await response.text()}`);
      return (await response.json()) as T;
    },
    { url: `${urls.cashier}/api/cashier${path}`, body },
  );
}

test('a password payment offers fingerprint enrolment, loads no biometric chunk, and enrols the device', async () => {
  const { page } = tab;
  const files = await biometricFiles();
  tab.clear();
  await checkOut(tab);
  // Not enrolled yet (the mock starts without): offered disabled, with the way to set it up.
  assert.deepEqual(await methodAwaitingSetup(tab, 'Fingerprint'), { disabled: true, description: 'Set up after this payment' });
  const answer = page.waitForResponse((r) => r.url() === `${urls.cashier}/api/cashier/pay` && r.request().method() === 'POST');
  await payByPassword(tab);
  passwordPayment = (await (await answer).json()) as { orderId: string; enrollmentToken?: string };
  assert.ok(passwordPayment.enrollmentToken, 'the password payment hands out an enrollment token');
  assert.deepEqual(biometricRequests(tab, files), [], 'paying by password fetched no fingerprint or face chunk');
  assert.deepEqual(tab.findSecret(ALICE.password), [], 'the payment password is in no request, console line or error');

  const success = resultDialog(page, 'Payment successful');
  await success.getByRole('button', { name: 'Enable fingerprint payment' }).click();
  const enrol = page.getByRole('dialog', { name: 'Enable fingerprint payment' });
  await waitVisible(tab, enrol.getByRole('button', { name: 'Enable', exact: true }), 'the "Enable" button');
  await enrol.getByRole('button', { name: 'Enable', exact: true }).click();
  await waitVisible(tab, enrol.getByText('Fingerprint payment is on.'), 'the enrolled status');
  assert.equal(await authenticator.credentialCount(), 1, 'the authenticator holds one credential for the cashier');
  await enrol.getByRole('button', { name: 'Done' }).click();
  await waitVisible(tab, success.getByRole('status').filter({ hasText: 'Fingerprint payment is on.' }), 'the offer saying it is on');
  assert.equal((await getCharges()).length, 1);
  // The next checkout on this device offers it: the server lists the credential, this browser remembers registering it.
  await checkOut(tab);
  const fingerprint = page.getByRole('radio', { name: 'Fingerprint', exact: true });
  await waitUntilEnabled(fingerprint);
  assert.equal(await page.getByText('Set up after this payment').count(), 1, 'only the face still needs setting up');
});

test('the enrollment token is only in the pay answer: not in the message push or the order status', async () => {
  const { orderId, enrollmentToken } = passwordPayment ?? {};
  assert.ok(orderId && enrollmentToken, 'the first test captured the password payment');
  // Both are read by order id alone; anyone who knows it could enrol their own finger or face on the account.
  const seen = await tab.page.evaluate(
    async ({ url }) => (await fetch(url)).text(),
    { url: `${urls.cashier}/api/cashier/payments/status?orderId=${encodeURIComponent(orderId)}` },
  );
  assert.ok(seen.includes('succeeded'), 'the status query knows the order');
  assert.equal(seen.includes(enrollmentToken), false, 'GET /payments/status?orderId= does not carry the enrollment token');
  const pushed = await tab.page.evaluate(
    ({ url }) =>
      new Promise<string>((resolve, reject) => {
        const source = new EventSource(url);
        source.addEventListener('payment', (event) => {
          source.close();
          resolve((event as MessageEvent<string>).data);
        });
        source.onerror = () => {
          source.close();
          reject(new Error('the event stream broke'));
        };
      }),
    { url: `${urls.cashier}/api/cashier/events?orderId=${encodeURIComponent(orderId)}` },
  );
  assert.ok(pushed.includes('succeeded'), 'the message push replays the order result');
  assert.equal(pushed.includes(enrollmentToken), false, 'GET /events?orderId= does not carry the enrollment token');
});

test('acct-alice pays a second order by fingerprint', async () => {
  const { page } = tab;
  tab.clear();
  await startFingerprintPayment();
  await fingerprintDialog().getByRole('button', { name: 'Verify fingerprint' }).click();
  await waitVisible(tab, resultDialog(page, 'Payment successful'), 'the "Payment successful" dialog');

  const bodies = payBodies(tab);
  assert.equal(bodies.length, 1, 'one payment request');
  fingerprintPayBody = bodies[0];
  const authentication = fingerprintPayBody?.authentication as { method: string; assertion: { response: { signature: string } } };
  assert.equal(authentication.method, 'fingerprint');
  assert.ok(authentication.assertion.response.signature, 'the payment carries the signed assertion');
  const charges = await getCharges();
  assert.equal(charges.length, 2);
  assert.equal(charges[1]?.accountId, ALICE.account);
  // A biometric payment hands out no enrollment token: nothing more is offered.
  assert.equal(await page.getByRole('button', { name: 'Enable fingerprint payment' }).count(), 0);
});

test('a replayed assertion is refused', async () => {
  assert.ok(fingerprintPayBody, 'the previous test captured a fingerprint payment');
  const body = fingerprintPayBody as {
    preorderId: string;
    payment: { orderId: string; accountId: string; amount: unknown };
    authentication: { challengeId: string; assertion: unknown };
  };
  const charges = (await getCharges()).length;

  // The same request under a new idempotency key: not paid again; the order is paid, a conflict, never a "failed".
  const again = await postPay(body);
  assert.deepEqual([again.httpStatus, again.code], [409, 'ORDER_ALREADY_PAID'], 'the verbatim replay was refused');

  // The same assertion for another order: its challenge is spent.
  const payment = { ...body.payment, orderId: `replay-${Date.now()}` };
  const { preorderId } = await postJson<{ preorderId: string }>('/preorder', { payment });
  const reused = await postPay({ preorderId, payment, authentication: body.authentication });
  assert.deepEqual([reused.status, reused.code], ['failed', 'CHALLENGE_USED']);

  // The same assertion under a fresh challenge for that order: its signature covers the old challenge.
  const { challengeId } = await postJson<{ challengeId: string }>('/webauthn/authentication/options', {
    accountId: payment.accountId,
    orderId: payment.orderId,
    amount: payment.amount,
  });
  const resigned = await postPay({ preorderId, payment, authentication: { ...body.authentication, challengeId } });
  assert.deepEqual([resigned.status, resigned.code], ['failed', 'FINGERPRINT_NOT_VERIFIED']);
  assert.equal((await getCharges()).length, charges, 'no replay was charged');
});

test('a finger the authenticator does not verify is refused, with the password as the way out', async () => {
  const charges = (await getCharges()).length;
  await authenticator.setUserVerified(false);
  try {
    tab.clear();
    await startFingerprintPayment();
    const dialog = fingerprintDialog();
    await dialog.getByRole('button', { name: 'Verify fingerprint' }).click();
    const refusal = dialog.getByRole('alert');
    await waitVisible(tab, refusal, 'the refusal message');
    assert.equal(
      (await refusal.textContent())?.trim(),
      'Fingerprint verification was cancelled or the fingerprint was not recognised.',
    );
    assert.equal((await getCharges()).length, charges, 'nothing was charged');
    await dialog.getByRole('button', { name: 'Use password' }).click();
    await finishByPassword();
    const methods = payBodies(tab).map((b) => (b.authentication as { method: string }).method);
    assert.deepEqual(methods, ['password'], 'only the password payment reached /pay');
  } finally {
    await authenticator.setUserVerified(true);
  }
});

test('a tampered signature is rejected by the server, with the password as the way out', async () => {
  const { page } = tab;
  const charges = (await getCharges()).length;
  const payUrl = `${urls.cashier}/api/cashier/pay`;
  let tampered = 0;
  await page.route(payUrl, async (route) => {
    const request = route.request();
    const body = request.method() === 'POST' ? (request.postDataJSON() as { authentication?: { method: string; assertion?: { response: { signature: string } } } }) : null;
    const assertion = body?.authentication?.method === 'fingerprint' ? body.authentication.assertion : undefined;
    if (!assertion) return route.continue();
    assertion.response.signature = flipByte(assertion.response.signature);
    tampered += 1;
    await route.continue({ postData: JSON.stringify(body) });
  });
  try {
    tab.clear();
    await startFingerprintPayment();
    await fingerprintDialog().getByRole('button', { name: 'Verify fingerprint' }).click();
    const failed = resultDialog(page, 'Payment failed');
    await waitVisible(tab, failed, 'the "Payment failed" dialog');
    assert.equal(tampered, 1);
    assert.equal((await failed.getByTestId('failure-reason').textContent())?.trim(), 'Fingerprint not verified');
    assert.equal((await getCharges()).length, charges, 'nothing was charged');
    await failed.getByRole('button', { name: 'Pay another way' }).click();
    assert.equal(await page.getByRole('radio', { name: 'Password', exact: true }).isChecked(), true, 'the password is chosen');
    await payButton(page).click();
    await finishByPassword();
    assert.equal((await getCharges()).length, charges + 1);
  } finally {
    await page.unroute(payUrl);
  }
});

test('another device (no credential registered there) is told to set the fingerprint up, though the account has one', async () => {
  const context = await browser.browser.newContext({ locale: 'en-US' });
  try {
    const otherTab = track(await context.newPage());
    const other = otherTab.page;
    await addVirtualAuthenticator(other);
    await other.goto(reactHostUrl({ account: ALICE.account, card: ALICE.card, amount: ALICE.amount }));
    await other.getByRole('button', { name: /^Check out/ }).click();
    assert.deepEqual(await methodAwaitingSetup(otherTab, 'Fingerprint'), { disabled: true, description: 'Set up after this payment' });
    assert.equal(await other.getByRole('radio', { name: 'Password', exact: true }).isChecked(), true, 'the password is chosen');
    assert.deepEqual(otherTab.errors, []);
  } finally {
    await context.close();
  }
});

test('without a platform authenticator the Fingerprint method is not offered', async () => {
  const context = await browser.browser.newContext({ locale: 'en-US' });
  try {
    const page = await context.newPage();
    await page.goto(reactHostUrl({ account: ALICE.account, card: ALICE.card, amount: ALICE.amount }));
    await page.getByRole('button', { name: /^Check out/ }).click();
    // Face is checked in the same pass as the fingerprint: once it shows, the device check is over.
    await page.getByRole('radio', { name: 'Face', exact: true }).waitFor();
    assert.equal(await page.evaluate(() => PublicKeyCredential.isUserVerifyingPlatformAuthenticatorAvailable()), false);
    assert.equal(await page.getByRole('radio', { name: 'Fingerprint', exact: true }).count(), 0);
    assert.equal(await page.getByRole('radio', { name: 'Password', exact: true }).count(), 1);
  } finally {
    await context.close();
  }
});
