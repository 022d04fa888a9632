// Issue 7: buried points survive an ordinary navigation away, the conversion statistics count what happened, and
// no /track body carries a password, a card number or an image.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { RecordedRequest } from './browser';
import { type E2EBrowser, getCharges, launchBrowser, resetMock, type TrackedPage, urls, waitVisible } from './browser';
import {
  ALICE,
  BOB,
  CAROL,
  CLIENT_ID,
  clickKeys,
  dialogNamed,
  HOSTS,
  openCheckout,
  passwordDialog,
  payButton,
  readReminder,
} from './helpers/cashier';
import { countByKey, eventsIn, recordTrackBodies, statsWithTotal } from './helpers/tracking';

let browser: E2EBrowser;
let tab: TrackedPage;
let trackBodies: RecordedRequest[];

before(async () => {
  browser = await launchBrowser();
  trackBodies = recordTrackBodies(browser.context);
  tab = await browser.newPage();
});

after(() => browser?.close());

type Expected = { type: string; pageId?: string; elementId?: string };
const view = (pageId: string): Expected => ({ type: 'page_view', pageId });
const click = (pageId: string, elementId: string): Expected => ({ type: 'element_click', pageId, elementId });
const other = (type: string): Expected => ({ type });

for (const host of HOSTS) {
  test(`${host}-host: clicks, then an immediate navigation away: the mock has every buried point`, async () => {
    await resetMock();
    const start = trackBodies.length;
    const { page } = tab;
    await openCheckout(tab, host, { account: ALICE.account, amount: '2000.00' });
    await page.getByRole('radio', { name: 'Face' }).click();
    await page.getByRole('radio', { name: 'Password' }).click();
    await payButton(page).click();
    const dialog = dialogNamed(page, 'Verification failed');
    await waitVisible(tab, dialog, 'the "Verification failed" dialog');
    await dialog.getByRole('button', { name: 'Close', exact: true }).click();
    await readReminder(page, 'verification_failed');
    // At once: the queued events can only leave with the page (pagehide / unmount beacons).
    await page.goto(`${urls.cashier}/mf-manifest.json`);

    const expected: Expected[] = [
      ...(host === 'vanilla' ? [view('cashier-modal')] : []),
      view('cashier'),
      click('cashier', 'method-face'),
      click('cashier', 'method-password'),
      click('cashier', 'pay'),
      other('method_chosen'),
      other('preverification_result'),
      view('verify-failed'),
      click('verify-failed', 'close'),
      other('payment_result'),
    ];
    const stats = await statsWithTotal(expected.length);
    const sent = eventsIn(trackBodies.slice(start));
    assert.deepEqual(countByKey(sent), countByKey(expected), 'the browser sent one event per thing done');
    assert.equal(stats.totalEvents, expected.length, 'the mock received every event');
    assert.ok(sent.every((e) => e.clientId === CLIENT_ID[host]));

    const client = stats.clients.find((c) => c.clientId === CLIENT_ID[host]);
    assert.ok(client, `stats for ${CLIENT_ID[host]}`);
    const pageViews = expected.filter((e) => e.type === 'page_view').length;
    assert.equal(client.pageViews, pageViews);
    assert.equal(client.payClicks, 1);
    const byPage = Object.fromEntries(client.pages.map((p) => [p.pageId, [p.pageViews, p.payClicks]]));
    assert.deepEqual(byPage.cashier, [1, 1], 'cashier: 1 view, 1 Pay click');
    assert.deepEqual(byPage['verify-failed'], [1, 0], 'verify-failed: 1 view');
  });
}

/** One order on the react host, to its end; the next page load sends what is queued. */
async function order(params: Record<string, string>, password: string | null, end: 'succeeded' | 'failed' | 'verification_failed') {
  const { page } = tab;
  await openCheckout(tab, 'react', params);
  await payButton(page).click();
  if (password) {
    await waitVisible(tab, passwordDialog(page), 'the password dialog');
    await clickKeys(page, password);
  }
  const name = { succeeded: 'Payment successful', failed: 'Payment failed', verification_failed: 'Verification failed' }[end];
  const dialog = dialogNamed(page, name);
  await waitVisible(tab, dialog, `the "${name}" dialog`);
  if (end !== 'succeeded') await dialog.getByRole('button', { name: 'Close', exact: true }).click();
  await readReminder(page, end);
}

test('after 2 successes, 1 decline and 1 verification failure the stats have the right counts and rates', async () => {
  await resetMock();
  const start = trackBodies.length;
  await order({ account: ALICE.account, amount: '100.00' }, ALICE.password, 'succeeded');
  await order({ account: ALICE.account, amount: '50.00' }, ALICE.password, 'succeeded');
  await order({ account: BOB.account, card: BOB.card, amount: '200.00' }, BOB.password, 'failed');
  await order({ account: ALICE.account, amount: '2000.00' }, null, 'verification_failed');
  await tab.page.goto('about:blank');
  assert.equal((await getCharges()).length, 2);

  // Per order: a cashier view, a Pay click, method_chosen, preverification_result, the result page view, payment_result;
  // closing a failure dialog is one more click.
  const total = 6 + 6 + 7 + 7;
  const stats = await statsWithTotal(total);
  assert.equal(eventsIn(trackBodies.slice(start)).length, total, 'the browser sent every event');
  assert.equal(stats.totalEvents, total, 'the mock received every event');
  const client = stats.clients.find((c) => c.clientId === 'react-host');
  assert.ok(client);
  assert.deepEqual(
    { views: client.pageViews, clicks: client.payClicks, successes: client.successfulPayments },
    { views: 8, clicks: 4, successes: 2 },
    'client funnel: 4 cashier + 4 result/verification views, 4 Pay clicks, 2 successes',
  );
  assert.equal(client.viewToClickRate, 0.5);
  assert.equal(client.clickToSuccessRate, 0.5);
  const pages = Object.fromEntries(client.pages.map((p) => [p.pageId, p]));
  assert.deepEqual(
    Object.fromEntries(Object.entries(pages).map(([id, p]) => [id, p.pageViews])),
    { cashier: 4, 'result-succeeded': 2, 'result-failed': 1, 'verify-failed': 1 },
    'views per page',
  );
  assert.equal(pages.cashier?.payClicks, 4);
  assert.equal(pages.cashier?.viewToClickRate, 1);
  // The cashier page converts 2 of its 4 Pay clicks: its successes belong to it.
  assert.equal(pages.cashier?.successfulPayments, 2, 'the cashier page is credited with its 2 successful payments');
  assert.equal(pages.cashier?.clickToSuccessRate, 0.5);
  // A verification failure never reached the password: 3 password attempts, 2 successes.
  assert.deepEqual(client.methods, [{ method: 'password', attempts: 3, successes: 2, successRate: 0.6667 }]);
  assert.deepEqual(stats.methods, client.methods);
});

test('no /track body carries a password, a full card number or an image', async () => {
  // Runs last: every /track body of this file (fetch and beacon) was recorded by the context.
  await resetMock();
  await order({ account: CAROL.account, card: CAROL.card, amount: '100.00' }, null, 'verification_failed');
  await tab.page.goto('about:blank');
  const secrets = [ALICE.password, BOB.password, CAROL.password, ALICE.card, ALICE.secondCard, BOB.card, CAROL.card, 'data:image'];
  assert.ok(trackBodies.length > 0, 'there are /track bodies to scan');
  for (const body of trackBodies) {
    for (const secret of secrets) assert.ok(!body.postData?.includes(secret), `a /track body holds ${secret}: ${body.postData?.slice(0, 200)}`);
  }
  for (const r of tab.requests.filter((r) => r.url.includes('/track'))) {
    for (const secret of secrets) assert.ok(!r.url.includes(secret), `a /track URL holds ${secret}`);
  }
});
