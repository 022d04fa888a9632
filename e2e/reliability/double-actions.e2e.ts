// Double actions: a double click on "Pay", repeated Enter, a 7th key press after the 6th digit → one payment.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { type E2EBrowser, type TrackedPage, waitVisible } from '../browser';
import {
  checkOut,
  closeResult,
  enterPassword,
  finalKind,
  hostPageUrl,
  launchReliabilityBrowser,
  passwordDialog,
  payButton,
  payRequests,
  resultDialog,
  sentOrderId,
  shownReminder,
} from './support/cashier';
import { type ReliabilityRemote, startReliabilityRemote } from './support/remote';
import { emptyCounts, recordSummary } from './support/summary';

const counts = emptyCounts();
let remote: ReliabilityRemote;
let browser: E2EBrowser;
let tab: TrackedPage;

before(async () => {
  remote = await startReliabilityRemote();
  browser = await launchReliabilityBrowser();
  tab = await browser.newPage();
});

after(async () => {
  counts.serverErrors += remote?.unexpected5xx() ?? 0;
  recordSummary('double actions', counts);
  await browser?.close();
  await remote?.close();
});

const preverifies = () => tab.requests.filter((r) => r.method === 'POST' && r.url.endsWith('/api/cashier/preverify')).length;

/** A fresh react-host page with the cashier open; pre-verification slowed so a second action lands while it runs. */
async function openCashier(amount: string): Promise<void> {
  await remote.reset();
  await tab.page.goto(hostPageUrl('react', remote.manifestUrl));
  tab.clear();
  await checkOut(tab, 'react', { account: 'acct-alice', amount });
  await remote.scenario('slow', { delayMs: 300, endpoints: ['preverify'], times: 1 });
}

async function expectOnePayment(what: string): Promise<void> {
  assert.equal(await finalKind(tab), 'succeeded', what);
  const orderId = sentOrderId(tab);
  const charges = (await remote.charges()).filter((c) => c.orderId === orderId);
  if (charges.length > 1) counts.doubleCharges += 1;
  assert.equal(payRequests(tab).length, 1, `${what}: one POST /pay`);
  assert.equal(charges.length, 1, `${what}: one charge`);
  counts.runs += 1;
}

test('a double click on "Pay" sends one pre-verification and one payment', async () => {
  await openCashier('10.01');
  await payButton(tab.page).dblclick();
  await waitVisible(tab, passwordDialog(tab.page), 'the password dialog');
  assert.equal(preverifies(), 1, 'one pre-verification');
  assert.equal(await passwordDialog(tab.page).count(), 1);
  await enterPassword(tab, '123456');
  await expectOnePayment('double click');
});

test('Enter pressed again and again on "Pay" sends one pre-verification and one payment', async () => {
  await openCashier('10.02');
  await payButton(tab.page).focus();
  for (let i = 0; i < 4; i++) await tab.page.keyboard.press('Enter');
  await waitVisible(tab, passwordDialog(tab.page), 'the password dialog');
  for (let i = 0; i < 3; i++) await tab.page.keyboard.press('Enter');
  assert.equal(preverifies(), 1, 'one pre-verification');
  await enterPassword(tab, '123456');
  await tab.page.keyboard.press('Enter');
  await expectOnePayment('repeated Enter');
});

test('a 7th key press after the 6th digit sends nothing more: typed, and clicked', async () => {
  await openCashier('10.03');
  await payButton(tab.page).click();
  const dialog = passwordDialog(tab.page);
  await waitVisible(tab, dialog, 'the password dialog');
  await dialog.focus();
  await tab.page.keyboard.type('1234567');
  await expectOnePayment('7 digits typed');

  await openCashier('10.04');
  await payButton(tab.page).click();
  await waitVisible(tab, passwordDialog(tab.page), 'the password dialog');
  await enterPassword(tab, '123456', 'clicks');
  // The keyboard may already be on its way out: a 7th press is allowed to miss it, never to send.
  const seventh = passwordDialog(tab.page).getByRole('button', { name: '7', exact: true });
  if (await seventh.isVisible()) await seventh.click({ timeout: 500 }).catch(() => undefined);
  await expectOnePayment('7 digits clicked');
});

test('"Done" closes the result dialog of a CashierPage, and the host page can check out again', async () => {
  await openCashier('10.05');
  await payButton(tab.page).click();
  await enterPassword(tab, '123456');
  await expectOnePayment('before Done');
  await closeResult(tab, 'succeeded', false);
  await resultDialog(tab.page, 'succeeded').waitFor({ state: 'detached', timeout: 3000 });
  // The host's own button is usable again: a second order, without reloading the page.
  tab.clear();
  await checkOut(tab, 'react', { account: 'acct-alice', amount: '10.06' });
  await payButton(tab.page).click();
  await enterPassword(tab, '123456');
  await expectOnePayment('second order on the same page');
  assert.equal((await remote.charges()).length, 2);
});

test('Pay again after cancelling the password: one charge, and the host hears of the success', async () => {
  await openCashier('10.07');
  await payButton(tab.page).click();
  await waitVisible(tab, passwordDialog(tab.page), 'the password dialog');
  await tab.page.keyboard.press('Escape');
  const orderId = sentOrderId(tab) as string;
  assert.equal((await shownReminder(tab, orderId)).status, 'cancelled');
  await payButton(tab.page).click();
  await enterPassword(tab, '123456');
  await expectOnePayment('paying after a cancel');
  await tab.page.getByTestId('reminder').filter({ hasText: '"succeeded"' }).waitFor();
  assert.equal((await shownReminder(tab, orderId)).status, 'succeeded');
});
