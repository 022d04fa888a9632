// The headless example: a host page with its own UI drives the cashier's flow through cashier/paymentSlice alone
// (store, thunks, selectors, encryptPassword) and takes a password payment from the mock payment server.
import assert from 'node:assert/strict';
import path from 'node:path';
import { after, before, test } from 'node:test';
import type { RunningServer } from '../examples/static-server';
import { type E2EBrowser, getCharges, launchBrowser, resetMock, slimManifestUrl, type TrackedPage } from './browser';
import { ROOT, startHostServer } from './servers';

let browser: E2EBrowser;
let tab: TrackedPage;
let host: RunningServer;

before(async () => {
  host = await startHostServer(path.join(ROOT, 'examples/headless-host/dist'), 'headless-host');
  browser = await launchBrowser();
  tab = await browser.newPage();
});

after(async () => {
  await browser?.close();
  await host?.close();
});

async function phase(): Promise<string> {
  return (await tab.page.locator('#phase').textContent()) ?? '';
}

test('a host UI with no React pays through the cashier store and thunks: one charge, the reminder once, no secret sent in clear', async () => {
  await resetMock();
  await tab.page.goto(`${host.url}/?remote=${encodeURIComponent(slimManifestUrl())}`);
  const pay = tab.page.getByRole('button', { name: 'Pay ¥100.00' });
  await pay.waitFor();
  await tab.page.waitForFunction(() => document.querySelector('#phase')?.textContent === 'Phase: idle');
  await pay.click();
  await tab.page.waitForFunction(() => document.querySelector('#phase')?.textContent === 'Phase: awaitingAuthentication');
  await tab.page.getByRole('region', { name: 'Payment password' }).waitFor();
  for (const digit of '123456') await tab.page.getByRole('button', { name: digit, exact: true }).click();
  await tab.page.waitForFunction(() => /succeeded/.test(document.querySelector('#phase')?.textContent ?? ''), null, { timeout: 15_000 });
  const charges = await getCharges();
  assert.equal(charges.length, 1);
  assert.match(await phase(), new RegExp(charges[0]!.paymentId));
  const reminder = JSON.parse((await tab.page.getByTestId('reminder').textContent()) ?? '{}') as { status?: string; paymentId?: string };
  assert.equal(reminder.status, 'succeeded');
  assert.equal(reminder.paymentId, charges[0]!.paymentId);
  assert.deepEqual(tab.findSecret('123456'), []);
  // No React: the paymentSlice expose needs none.
  assert.equal(tab.requests.filter((r) => /react-dom|__federation_shared_react/.test(r.url)).length, 0);
  assert.deepEqual(tab.errors, []);
});
