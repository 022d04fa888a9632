// A host on the lowest React the remote accepts, 19.0.0, lends its React: a password payment through CashierPage in
// the host's tree and one through openCashier, with no React fetched from the remote and no federation warning.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { type E2EBrowser, getCharges, launchBrowser, resetMock, type TrackedPage, waitVisible } from './browser';
import { chooseMethod, enterPassword, payButton, resultDialog } from './helpers/biometrics';
import { ALICE } from './helpers/cashier';
import {
  assertCashierOnHostReact,
  CONSUMED_BY,
  consoleProblems,
  federationWarnings,
  type PinnedHostPage,
  printedReminder,
  remoteReactDownloads,
  remoteReactFiles,
  startHost,
} from './helpers/pinned-react';

let browser: E2EBrowser;
let tab: TrackedPage;
let host: PinnedHostPage;
let reactFiles: Set<string>;

before(async () => {
  host = await startHost('react19-0-host');
  browser = await launchBrowser();
  tab = await browser.newPage();
  reactFiles = await remoteReactFiles();
  await resetMock();
});

after(async () => {
  await browser?.close();
  await host?.server.close();
});

async function payByPassword(): Promise<void> {
  await waitVisible(tab, payButton(tab.page), 'the cashier "Pay" button');
  await chooseMethod(tab, 'Password');
  await payButton(tab.page).click();
  await enterPassword(tab);
  await waitVisible(tab, resultDialog(tab.page, 'Payment successful'), 'the "Payment successful" dialog');
}

async function assertRanOnHostReact190(expose: keyof typeof CONSUMED_BY, orderId: string): Promise<void> {
  assert.equal((await getCharges()).filter((charge) => charge.orderId === orderId).length, 1, 'the order was charged once');
  assert.equal(await tab.page.getByTestId('host-react-version').textContent(), 'React 19.0.0');
  await assertCashierOnHostReact(tab.page, 'react19_0_host', /^19\.0\.0$/, CONSUMED_BY[expose]);
  assert.deepEqual(remoteReactDownloads(tab, reactFiles), [], 'no react / react-dom file of the remote was downloaded');
  assert.deepEqual(federationWarnings(tab), [], 'no federation warning about shared versions');
  assert.deepEqual(consoleProblems(tab), [], 'React 19.0 logged no error or warning about the cashier');
  assert.deepEqual(tab.errors.map((e) => e.message), [], 'no uncaught page error');
  assert.deepEqual(tab.findSecret(ALICE.password), [], 'the payment password is in no request, console line or error');
}

test('CashierPage in the React 19.0 tree pays by password, charged once, on the host React', async () => {
  tab.clear();
  await tab.page.goto(host.url());
  await tab.page.getByRole('button', { name: 'Check out ¥100.00' }).click();
  await payByPassword();
  const reminder = await printedReminder(tab, 'page-reminder');
  assert.deepEqual([reminder.status, reminder.method], ['succeeded', 'password']);
  await assertRanOnHostReact190('CashierPage', reminder.orderId);
});

test('openCashier on React 19.0 pays by password, charged once, on the host React', async () => {
  tab.clear();
  await tab.page.goto(host.url());
  await tab.page.getByRole('button', { name: 'Open cashier' }).click();
  await payByPassword();
  await resultDialog(tab.page, 'Payment successful').getByRole('button', { name: 'Done' }).click();
  const reminder = await printedReminder(tab, 'reminder');
  assert.deepEqual([reminder.status, reminder.method], ['succeeded', 'password']);
  await assertRanOnHostReact190('openCashier', reminder.orderId);
});
