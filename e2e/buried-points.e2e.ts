// Buried points survive an ordinary navigation away, the conversion statistics count what happened, and
// no /track body carries a password, a card number or an image.
// Neither host shell exposes the events its onEvent sees, so what arrived is compared with what was done.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { type E2EBrowser, getCharges, launchBrowser, manifestUrl, resetMock, type TrackedPage, urls, waitVisible } from './browser';
import {
  ALICE,
  BOB,
  CAROL,
  CLIENT_ID,
  clickKeys,
  dialogNamed,
  type HostName,
  openCheckout,
  passwordDialog,
  payButton,
  readReminder,
} from './helpers/cashier';
import { countByKey, eventsIn, type RecordingRemote, type SentEvent, startRecordingRemote, statsWithTotal } from './helpers/tracking';

let browser: E2EBrowser;
let tab: TrackedPage;
// This file's own remote + mock: the raw /track bodies (beacons included) and the accepted events are readable here.
let remote: RecordingRemote;
let remoteParam: { remote: string };

before(async () => {
  remote = await startRecordingRemote();
  remoteParam = { remote: manifestUrl(remote.url) };
  browser = await launchBrowser();
  tab = await browser.newPage();
});

after(async () => {
  await browser?.close();
  await remote?.close();
});

type Expected = Pick<SentEvent, 'type' | 'pageId' | 'elementId'>;
const view = (pageId: string): Expected => ({ type: 'page_view', pageId });
const click = (pageId: string, elementId: string): Expected => ({ type: 'element_click', pageId, elementId });
/** Flow events of the cashier page (method chosen, pre-verification result, payment result). */
const flow = (type: string): Expected => ({ type, pageId: 'cashier' });

/** The events one order makes up to its result page, the way CashierFlow records them. */
const payStart: Expected[] = [view('cashier'), click('cashier', 'pay'), flow('method_chosen'), flow('preverification_result')];

/** Checks that what arrived is exactly `expected` and that part of it left only with the page. */
async function assertAllArrived(host: HostName, start: number, beforeLeaving: number, expected: Expected[]) {
  const stats = await statsWithTotal(expected.length, remote.url);
  const sent = eventsIn(remote.bodies.slice(start));
  assert.ok(beforeLeaving < expected.length, `events were still queued when the page left (${beforeLeaving} of ${expected.length} had arrived)`);
  assert.deepEqual(countByKey(sent), countByKey(expected), 'one event per thing done reached the mock');
  assert.deepEqual(countByKey(remote.received()), countByKey(expected), 'the mock accepted every event');
  assert.equal(stats.totalEvents, expected.length, 'the statistics count every event');
  assert.ok(sent.every((e) => e.clientId === CLIENT_ID[host]), 'every event carries the host client id');
  const client = stats.clients.find((c) => c.clientId === CLIENT_ID[host]);
  assert.ok(client, `stats for ${CLIENT_ID[host]}`);
  assert.equal(client.pageViews, expected.filter((e) => e.type === 'page_view').length, 'page views');
  assert.equal(client.payClicks, 1, 'Pay clicks');
  return Object.fromEntries(client.pages.map((p) => [p.pageId, [p.pageViews, p.payClicks]]));
}

const arrivedSoFar = (start: number) => eventsIn(remote.bodies.slice(start)).length;

test('react-host: radios, Pay, "Verification failed", Close, then an immediate navigation: nothing is lost', async () => {
  await resetMock(remote.url);
  const start = remote.bodies.length;
  const { page } = tab;
  await openCheckout(tab, 'react', { ...remoteParam, account: ALICE.account, amount: '2000.00' });
  // Face is not enrolled (the mock starts without): its option is disabled, so a click on its name records nothing
  // (forced: Playwright would otherwise wait for the disabled radio behind the label to become enabled).
  await page.getByText('Face', { exact: true }).click({ force: true });
  await page.getByRole('radio', { name: 'Password' }).click();
  await payButton(page).click();
  const dialog = dialogNamed(page, 'Verification failed');
  await waitVisible(tab, dialog, 'the "Verification failed" dialog');
  await dialog.getByRole('button', { name: 'Close', exact: true }).click();
  await readReminder(page, 'verification_failed');
  const beforeLeaving = arrivedSoFar(start);
  // At once: what is queued can only leave with the page (the pagehide beacon).
  await page.goto(`${urls.cashier}/mf-manifest.json`);

  const byPage = await assertAllArrived('react', start, beforeLeaving, [
    ...payStart,
    click('cashier', 'method-password'),
    view('verify-failed'),
    click('verify-failed', 'close'),
    flow('payment_result'),
  ]);
  assert.deepEqual(byPage.cashier, [1, 1], 'cashier: 1 view, 1 Pay click');
  assert.deepEqual(byPage['verify-failed'], [1, 0], 'verify-failed: 1 view');
});

test('vanilla-host: navigating away with the password dialog open, mid-flow: nothing is lost', async () => {
  await resetMock(remote.url);
  const start = remote.bodies.length;
  const { page } = tab;
  await openCheckout(tab, 'vanilla', { ...remoteParam, account: ALICE.account, amount: '2000.00' });
  // Face is not enrolled (the mock starts without): its option is disabled, so a click on its name records nothing
  // (forced: Playwright would otherwise wait for the disabled radio behind the label to become enabled).
  await page.getByText('Face', { exact: true }).click({ force: true });
  await page.getByRole('radio', { name: 'Password' }).click();
  await payButton(page).click();
  const dialog = dialogNamed(page, 'Verification failed');
  await waitVisible(tab, dialog, 'the "Verification failed" dialog');
  const cards = dialog.getByLabel('Pay with another card');
  const second = (await cards.locator('option').allTextContents()).find((text) => text.trim().endsWith('0044'));
  await cards.selectOption({ label: second ?? '' });
  await dialog.getByRole('button', { name: 'Pay again' }).click();
  await waitVisible(tab, passwordDialog(page), 'the password dialog');
  await clickKeys(page, '12');
  const beforeLeaving = arrivedSoFar(start);
  await page.goto(`${urls.cashier}/mf-manifest.json`);

  const byPage = await assertAllArrived('vanilla', start, beforeLeaving, [
    ...payStart,
    click('cashier', 'method-password'),
    view('verify-failed'),
    click('verify-failed', 'pay-again'),
    flow('method_chosen'),
    flow('preverification_result'),
    view('password'),
  ]);
  assert.deepEqual(byPage.cashier, [1, 1], 'cashier: 1 view, 1 Pay click');
  assert.deepEqual(byPage.password, [1, 0], 'password: 1 view');
});

type End = 'succeeded' | 'failed' | 'verification_failed';
const RESULT_DIALOG: Record<End, string> = { succeeded: 'Payment successful', failed: 'Payment failed', verification_failed: 'Verification failed' };

/** One order on the react host to its end; returns the events it should make. The next page load sends them. */
async function order(params: Record<string, string>, password: string | null, end: End): Promise<Expected[]> {
  const { page } = tab;
  await openCheckout(tab, 'react', { ...remoteParam, ...params });
  await payButton(page).click();
  if (password) {
    await waitVisible(tab, passwordDialog(page), 'the password dialog');
    await clickKeys(page, password);
  }
  const dialog = dialogNamed(page, RESULT_DIALOG[end]);
  await waitVisible(tab, dialog, `the "${RESULT_DIALOG[end]}" dialog`);
  if (end !== 'succeeded') await dialog.getByRole('button', { name: 'Close', exact: true }).click();
  await readReminder(page, end);
  const resultPage = { succeeded: 'result-succeeded', failed: 'result-failed', verification_failed: 'verify-failed' }[end];
  return [
    ...payStart,
    ...(password ? [view('password'), view('paying')] : []),
    view(resultPage),
    ...(end === 'succeeded' ? [] : [click(resultPage, 'close')]),
    flow('payment_result'),
  ];
}

test('after 2 successes, 1 decline and 1 verification failure the stats have the right counts and rates', async () => {
  await resetMock(remote.url);
  const start = remote.bodies.length;
  const expected = [
    ...(await order({ account: ALICE.account, amount: '100.00' }, ALICE.password, 'succeeded')),
    ...(await order({ account: ALICE.account, amount: '50.00' }, ALICE.password, 'succeeded')),
    ...(await order({ account: BOB.account, card: BOB.card, amount: '200.00' }, BOB.password, 'failed')),
    ...(await order({ account: ALICE.account, amount: '2000.00' }, null, 'verification_failed')),
  ];
  await tab.page.goto('about:blank');
  assert.equal((await getCharges(remote.url)).length, 2);

  const stats = await statsWithTotal(expected.length, remote.url);
  assert.deepEqual(countByKey(eventsIn(remote.bodies.slice(start))), countByKey(expected), 'every event reached the mock');
  assert.equal(stats.totalEvents, expected.length, 'the statistics count every event');
  const client = stats.clients.find((c) => c.clientId === 'react-host');
  assert.ok(client);
  const views = expected.filter((e) => e.type === 'page_view').length; // 4 cashier, 3 password, 4 result/verification
  assert.deepEqual(
    { views: client.pageViews, clicks: client.payClicks, successes: client.successfulPayments },
    { views, clicks: 4, successes: 2 },
    'client funnel: views, 4 Pay clicks, 2 successes',
  );
  assert.equal(client.viewToClickRate, Math.round((4 / views) * 10_000) / 10_000);
  assert.equal(client.clickToSuccessRate, 0.5);
  const pages = Object.fromEntries(client.pages.map((p) => [p.pageId, p]));
  assert.deepEqual(
    Object.fromEntries(Object.entries(pages).map(([id, p]) => [id, p.pageViews])),
    { cashier: 4, password: 3, paying: 3, 'result-succeeded': 2, 'result-failed': 1, 'verify-failed': 1 },
    'views per page',
  );
  assert.deepEqual(
    { views: pages.cashier?.pageViews, clicks: pages.cashier?.payClicks, successes: pages.cashier?.successfulPayments },
    { views: 4, clicks: 4, successes: 2 },
    'the cashier page: 4 views -> 4 Pay clicks -> 2 successes',
  );
  assert.equal(pages.cashier?.viewToClickRate, 1);
  assert.equal(pages.cashier?.clickToSuccessRate, 0.5);
  // A verification failure never reached the password: 3 password attempts, 2 successes.
  assert.deepEqual(client.methods, [{ method: 'password', attempts: 3, successes: 2, successRate: 0.6667 }]);
  assert.deepEqual(stats.methods, client.methods);
});

test('no /track body carries a password, a full card number or an image', async () => {
  // Runs last: every raw /track body of this file (fetch and beacon) is scanned, the rejected ones too.
  await resetMock(remote.url);
  const expected = await order({ account: CAROL.account, card: CAROL.card, amount: '100.00' }, null, 'verification_failed');
  await tab.page.goto('about:blank');
  await statsWithTotal(expected.length, remote.url);
  const secrets = [ALICE.password, BOB.password, CAROL.password, ALICE.card, ALICE.secondCard, BOB.card, CAROL.card, 'data:image'];
  assert.ok(remote.bodies.length > 0, 'there are /track bodies to scan');
  for (const body of remote.bodies) {
    for (const secret of secrets) assert.ok(!body.includes(secret), `a /track body holds ${secret}: ${body.slice(0, 200)}`);
  }
  for (const r of tab.requests.filter((r) => r.url.includes('/track'))) {
    for (const secret of secrets) assert.ok(!r.url.includes(secret), `a /track URL holds ${secret}`);
  }
});
