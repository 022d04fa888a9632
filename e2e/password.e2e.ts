// The payment password in Chromium through the host shells: clicks and physical keys, a wrong password inline with
// the attempts left, the lock's countdown, the secrecy scan, the mixed component when the page resources ask for it, and lazy loading
// (the named component's chunk only, fetched once the cashier is open and idle).
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Page } from 'playwright-core';
import {
  type E2EBrowser,
  getCharges,
  launchBrowser,
  manifestUrl,
  reactHostUrl,
  resetMock,
  setScenario,
  type TrackedPage,
  track,
  waitUntil,
  waitVisible,
} from './browser';
import {
  ALICE,
  apiPath,
  clickKeys,
  dialogNamed,
  openCheckout,
  passwordDialog,
  payButton,
  readReminder,
  remoteFiles,
  requestsTo,
} from './helpers/cashier';
import { fontsNotAhead, sheetFonts } from './helpers/fonts';
import { findCardInTraffic, findInPageState } from './helpers/secrecy';

let browser: E2EBrowser;
let tab: TrackedPage;

/** The remote's password assets: the ./PasswordKeyboard expose's own files and the password-* lazy chunks. */
let passwordAssets: (file: string) => boolean;

before(async () => {
  browser = await launchBrowser();
  tab = await browser.newPage();
  const manifest = (await (await fetch(manifestUrl())).json()) as {
    exposes: { name: string; assets: { js: { sync: string[] }; css: { sync: string[] } } }[];
  };
  const keyboard = manifest.exposes.find((e) => e.name === 'PasswordKeyboard');
  assert.ok(keyboard, 'the manifest lists ./PasswordKeyboard');
  const own = new Set([...keyboard.assets.js.sync, ...keyboard.assets.css.sync]);
  passwordAssets = (file) => own.has(file) || /^password-(six-digit|mixed)\./.test(file);
});

after(() => browser?.close());

const status = (page: Page) => passwordDialog(page).getByRole('status');
const success = (page: Page) => dialogNamed(page, 'Payment successful');

async function expectCount(page: Page, count: number): Promise<void> {
  await status(page).filter({ hasText: `${count} of 6 digits entered` }).waitFor({ timeout: 5000 });
}

test('react-host: the six-digit keyboard is fetched once the cashier is open, ahead of Pay; clicking keys (with Delete) pays once', async () => {
  await resetMock();
  tab.clear();
  await tab.page.goto(reactHostUrl({ amount: '100.00' }));
  assert.deepEqual(remoteFiles(tab).filter(passwordAssets), [], 'no password chunk before the cashier opens');
  const beforeOpen = tab.requests.length;
  await openCheckout(tab, 'react', { amount: '100.00' });
  // The page resources name the component; its chunk (and only its) is fetched once the summary is idle, before Pay.
  await waitUntil(() => remoteFiles(tab).some((f) => /^password-six-digit\.[0-9a-f]+\.js$/.test(f)), 'the six-digit chunk fetched ahead of Pay');
  const chunkAt = tab.requests.findIndex((r) => /\/password-six-digit\.[0-9a-f]+\.js$/.test(r.url));
  assert.ok(chunkAt >= beforeOpen, 'password-six-digit.js was requested only after the cashier opened');
  // The summary lays out the later steps' fonts while idle, then removes its sample lines.
  const typeAhead = tab.page.locator('.cashier-type-ahead');
  await tab.page.locator('.cashier-type-ahead[data-state="done"]').waitFor({ state: 'attached' });
  assert.equal(await typeAhead.evaluate((node) => `${node.getAttribute('aria-hidden')} ${node.childElementCount}`), 'true 0');
  const summaryFonts = await sheetFonts(tab.page);
  const NOT_AHEAD = 'fonts no earlier step showed or resolved ahead (add them to TYPE_AHEAD in src/pages/cashier-page/type-ahead.ts)';

  await payButton(tab.page).click();
  const keyboard = passwordDialog(tab.page);
  await waitVisible(tab, keyboard, 'the password dialog');
  assert.ok(!remoteFiles(tab).some((f) => f.startsWith('password-mixed.')), 'the mixed component was not fetched');
  assert.deepEqual(await fontsNotAhead(tab.page, summaryFonts), [], `the password step: ${NOT_AHEAD}`);

  for (const digit of '0123456789') assert.equal(await keyboard.getByRole('button', { name: digit, exact: true }).count(), 1, `key ${digit}`);
  await expectCount(tab.page, 0);
  await clickKeys(tab.page, '129');
  await expectCount(tab.page, 3);
  await keyboard.getByRole('button', { name: 'Delete', exact: true }).click();
  await expectCount(tab.page, 2);
  await clickKeys(tab.page, '3456');
  await waitVisible(tab, success(tab.page), 'the success dialog');
  assert.deepEqual(await fontsNotAhead(tab.page, summaryFonts), [], `the result: ${NOT_AHEAD}`);

  const charges = await getCharges();
  assert.equal(charges.length, 1, 'one charge');
  assert.equal(charges[0]?.accountId, ALICE.account);
  assert.equal(requestsTo(tab, '/pay').length, 1, 'one /pay request');
});

test('vanilla-host: physical digit keys pay; Backspace and Delete remove, letters are ignored', async () => {
  await resetMock();
  tab.clear();
  await openCheckout(tab, 'vanilla');
  await payButton(tab.page).click();
  const keyboard = passwordDialog(tab.page);
  await waitVisible(tab, keyboard, 'the password dialog');
  assert.ok(
    await keyboard.evaluate((dialog) => dialog.contains(((a: Element | null) => { while (a?.shadowRoot?.activeElement) a = a.shadowRoot.activeElement; return a; })(document.activeElement))),
    'focus is inside the password dialog when it opens',
  );
  const { keyboard: keys } = tab.page;
  for (const key of '1299') await keys.press(key);
  await expectCount(tab.page, 4);
  await keys.press('Backspace');
  await expectCount(tab.page, 3);
  await keys.press('a');
  await keys.press('Delete');
  await expectCount(tab.page, 2);
  for (const key of '3456') await keys.press(key);
  await waitVisible(tab, success(tab.page), 'the success dialog');
  await success(tab.page).getByRole('button', { name: 'Done' }).click();
  const reminder = await readReminder(tab.page, 'succeeded');
  assert.equal(reminder.method, 'password');
  assert.equal((await getCharges()).length, 1, 'one charge');
});

test('react-host: a wrong password keeps the keypad with "Wrong password, N attempts left"; the right one then pays', async () => {
  await resetMock();
  tab.clear();
  await openCheckout(tab, 'react');
  await payButton(tab.page).click();
  const keyboard = passwordDialog(tab.page);
  await waitVisible(tab, keyboard, 'the password dialog');
  await clickKeys(tab.page, '000000');
  // The keypad stays, says why in an alert (a live region), and the cells clear for a fresh entry.
  await keyboard.getByRole('alert').filter({ hasText: 'Wrong password, 4 attempts left' }).waitFor({ timeout: 5000 });
  assert.equal(await dialogNamed(tab.page, 'Payment failed').count(), 0, 'no "Payment failed" result for a wrong password');
  await expectCount(tab.page, 0);
  assert.equal((await getCharges()).length, 0, 'nothing charged for a wrong password');

  await clickKeys(tab.page, '111111');
  await keyboard.getByRole('alert').filter({ hasText: 'Wrong password, 3 attempts left' }).waitFor({ timeout: 5000 });
  await expectCount(tab.page, 0);
  await clickKeys(tab.page, ALICE.password);
  await waitVisible(tab, success(tab.page), 'the success dialog');
  assert.equal((await getCharges()).length, 1, 'one charge');
  assert.equal(requestsTo(tab, '/password/challenge').length >= 3, true, 'a fresh challenge for every entry');
  const reminder = await readReminder(tab.page, 'succeeded');
  assert.equal(reminder.status, 'succeeded');
});

test('react-host: the fifth wrong password locks: "Payment failed" with the reason, and the unlock countdown ticks', async () => {
  await resetMock();
  tab.clear();
  await openCheckout(tab, 'react');
  await payButton(tab.page).click();
  const keyboard = passwordDialog(tab.page);
  await waitVisible(tab, keyboard, 'the password dialog');
  for (const left of [4, 3, 2]) {
    await clickKeys(tab.page, '000000');
    await keyboard.getByRole('alert').filter({ hasText: `Wrong password, ${left} attempts left` }).waitFor({ timeout: 5000 });
    await expectCount(tab.page, 0);
  }
  await clickKeys(tab.page, '000000');
  await keyboard.getByRole('alert').filter({ hasText: 'Wrong password, 1 attempt left' }).waitFor({ timeout: 5000 });
  await expectCount(tab.page, 0);
  await clickKeys(tab.page, '000000');

  const failed = dialogNamed(tab.page, 'Payment failed');
  await waitVisible(tab, failed, 'the "Payment failed" dialog');
  assert.equal((await failed.getByTestId('failure-reason').textContent())?.trim(), 'Payment password locked');
  const timer = failed.getByRole('timer');
  await timer.waitFor();
  const first = (await timer.textContent()) ?? '';
  assert.match(first, /^Unlocks in (30:00|29:[0-5]\d)$/, `a 30-minute countdown (got ${first})`);
  // The countdown moves on (by the page's own clock; no wall-clock assert on how fast).
  let later = first;
  for (let i = 0; i < 50 && later === first; i++) {
    await tab.page.waitForTimeout(100);
    later = (await timer.textContent()) ?? '';
  }
  assert.notEqual(later, first, 'the countdown text changed');
  assert.equal((await getCharges()).length, 0, 'nothing charged');

  await failed.getByRole('button', { name: 'Done' }).click();
  const reminder = await readReminder(tab.page, 'failed');
  assert.equal(reminder.code, 'PASSWORD_LOCKED');
});

test('secrecy scan: the password and the full card number are nowhere but in ciphertext / the payment interfaces', async () => {
  await resetMock();
  tab.clear();
  // The vanilla host keeps its form values in properties and the card out of its URL (the default card is Alice's first).
  await openCheckout(tab, 'vanilla');
  await payButton(tab.page).click();
  await waitVisible(tab, passwordDialog(tab.page), 'the password dialog');
  await clickKeys(tab.page, ALICE.password.slice(0, 5));
  await expectCount(tab.page, 5);
  assert.deepEqual(await findInPageState(tab, ALICE.password.slice(0, 5), { exclude: ['#order'] }), [], 'five typed digits are in no DOM or storage');
  await clickKeys(tab.page, ALICE.password.slice(5));
  await waitVisible(tab, success(tab.page), 'the success dialog');
  await success(tab.page).getByRole('button', { name: 'Done' }).click();
  await readReminder(tab.page, 'succeeded');

  const charges = await getCharges();
  assert.equal(charges.length, 1, 'the server accepted the payment: one charge');
  const pay = requestsTo(tab, '/pay');
  assert.equal(pay.length, 1);
  const body = JSON.parse(pay[0]?.postData ?? '{}') as { authentication?: { method: string; encryptedPassword?: Record<string, string> } };
  assert.equal(body.authentication?.method, 'password');
  assert.deepEqual(Object.keys(body.authentication?.encryptedPassword ?? {}).sort(), ['ciphertext', 'keyId', 'nonce'], 'only ciphertext travels');

  assert.deepEqual(tab.findSecret(ALICE.password), [], 'the password is in no request URL, header, body, console line or error');
  assert.deepEqual(await findInPageState(tab, ALICE.password), [], 'the password is in no DOM (markup, attributes, values), storage, IndexedDB or cookie');
  assert.deepEqual(findCardInTraffic(tab, ALICE.card), [], 'the card number is in no URL, header, console line, error or non-payment body');
  assert.deepEqual(await findInPageState(tab, ALICE.card, { exclude: ['#order'] }), [], 'the card number is in no DOM, storage or cookie');
  assert.ok(requestsTo(tab, '/track').length > 0, 'buried points were sent (and scanned above)');
});

test('secrecy scan: the card correction form of "Verification failed" keeps full card numbers out of the DOM', async () => {
  await resetMock();
  tab.clear();
  await openCheckout(tab, 'vanilla', { amount: '2000.00' });
  await payButton(tab.page).click();
  const dialog = dialogNamed(tab.page, 'Verification failed');
  await waitVisible(tab, dialog, 'the "Verification failed" dialog');
  await dialog.getByLabel('Pay with another card').waitFor();
  for (const card of [ALICE.card, ALICE.secondCard]) {
    assert.deepEqual(await findInPageState(tab, card, { exclude: ['#order'] }), [], `${card} is in no DOM attribute, value or text`);
    assert.deepEqual(findCardInTraffic(tab, card), [], `${card} is in no URL, console line or non-payment body`);
  }
});

test('mixed component: when the page resources ask for it, letters show and 123456 + Confirm pays', async () => {
  await resetMock();
  await setScenario('normal', { pageResources: { passwordComponent: 'mixed' } });
  // A fresh context: nothing of the remote in memory or HTTP cache, so every chunk fetch is seen.
  const context = await browser.browser.newContext({ locale: 'en-US' });
  const fresh = track(await context.newPage());
  try {
    await fresh.page.goto(reactHostUrl());
    assert.deepEqual(remoteFiles(fresh).filter(passwordAssets), [], 'no password chunk before the cashier opens');
    await openCheckout(fresh, 'react');
    // The component the page resources name is fetched ahead of Pay, once the summary is idle; never the other one.
    await waitUntil(() => remoteFiles(fresh).some((f) => f.startsWith('password-mixed.')), 'the mixed chunk fetched ahead of Pay');
    assert.ok(!remoteFiles(fresh).some((f) => f.startsWith('password-six-digit.')), 'the six-digit chunk was not fetched before Pay');
    await payButton(fresh.page).click();
    const keyboard = passwordDialog(fresh.page);
    await waitVisible(fresh, keyboard, 'the mixed password dialog');
    for (const letter of ['q', 'a', 'z']) await keyboard.getByRole('button', { name: letter, exact: true }).waitFor();
    assert.ok(remoteFiles(fresh).some((f) => f.startsWith('password-mixed.')), 'the password-mixed chunk was fetched');
    assert.ok(!remoteFiles(fresh).some((f) => f.startsWith('password-six-digit.')), 'the six-digit chunk was not fetched');

    await clickKeys(fresh.page, '1234', keyboard);
    await fresh.page.keyboard.press('5');
    await fresh.page.keyboard.press('6');
    await keyboard.getByRole('status').filter({ hasText: '6 characters entered' }).waitFor();
    await keyboard.getByRole('button', { name: 'Confirm' }).click();
    await waitVisible(fresh, success(fresh.page), 'the success dialog');
    assert.equal((await getCharges()).length, 1, 'one charge');
    assert.deepEqual(fresh.findSecret(ALICE.password), [], 'the password travels only as ciphertext');
    assert.equal(requestsTo(fresh, '/pay').length, 1);
    assert.ok(fresh.requests.some((r) => r.url.startsWith(apiPath('/page-resources/cashier'))), 'the page resources were asked');
  } finally {
    await context.close();
    await resetMock();
  }
});
