// A React 18.3 host lends its React to the cashier: CashierPage in the host's tree and openCashier both pay, by
// password and by fingerprint, on React 18, with no React fetched from the remote and no federation warning.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { type E2EBrowser, getCharges, launchBrowser, resetMock, type TrackedPage, waitVisible } from './browser';
import { addVirtualAuthenticator, chooseMethod, enterPassword, payButton, resultDialog, type VirtualAuthenticator } from './helpers/biometrics';
import { ALICE, type Reminder } from './helpers/cashier';
import {
  assertCashierOnHostReact,
  CONSUMED_BY,
  consoleProblems,
  federationWarnings,
  manifestShared,
  type PinnedHostPage,
  printedReminder,
  REACT_RANGE,
  remoteReactDownloads,
  remoteReactFiles,
  startHost,
} from './helpers/pinned-react';

const HOST_CONTAINER = 'react18_host';
const HOST_REACT = /^18\.3\.\d+$/;

let browser: E2EBrowser;
let tab: TrackedPage;
let host: PinnedHostPage;
let authenticator: VirtualAuthenticator;
let reactFiles: Set<string>;

before(async () => {
  host = await startHost('react18-host');
  browser = await launchBrowser();
  tab = await browser.newPage();
  authenticator = await addVirtualAuthenticator(tab.page);
  reactFiles = await remoteReactFiles();
  await resetMock();
});

after(async () => {
  await browser?.close();
  await host?.server.close();
});

/** Charges the mock took for one order: a payment is charged exactly once. */
async function chargesFor(orderId: string): Promise<number> {
  return (await getCharges()).filter((charge) => charge.orderId === orderId).length;
}

/** What every payment on this host must also show: React 18 from the host, nothing else fetched or warned. */
async function assertRanOnHostReact18(expose: keyof typeof CONSUMED_BY): Promise<void> {
  assert.equal(await tab.page.getByTestId('host-react-version').textContent(), 'React 18.3.1');
  await assertCashierOnHostReact(tab.page, HOST_CONTAINER, HOST_REACT, CONSUMED_BY[expose]);
  assert.deepEqual(remoteReactDownloads(tab, reactFiles), [], 'no react / react-dom file of the remote was downloaded');
  assert.deepEqual(federationWarnings(tab), [], 'no federation warning about shared versions');
  assert.deepEqual(consoleProblems(tab), [], 'React 18 logged no error or warning about the cashier');
  assert.deepEqual(tab.errors.map((e) => e.message), [], 'no uncaught page error');
  assert.deepEqual(tab.findSecret(ALICE.password), [], 'the payment password is in no request, console line or error');
}

async function openCashierPage(): Promise<void> {
  await tab.page.goto(host.url());
  await tab.page.getByRole('button', { name: 'Check out ¥100.00' }).click();
  await waitVisible(tab, payButton(tab.page), 'the cashier "Pay" button in the host tree');
}

async function openModal(): Promise<void> {
  await tab.page.goto(host.url());
  await tab.page.getByRole('button', { name: 'Open cashier' }).click();
  await waitVisible(tab, tab.page.getByRole('dialog', { name: 'Cashier' }), 'the openCashier dialog');
  await waitVisible(tab, payButton(tab.page), 'the cashier "Pay" button in the dialog');
}

async function payByFingerprint(): Promise<void> {
  await chooseMethod(tab, 'Fingerprint');
  await payButton(tab.page).click();
  const dialog = tab.page.getByRole('dialog', { name: 'Verify with fingerprint' });
  await waitVisible(tab, dialog, 'the "Verify with fingerprint" dialog');
  await dialog.getByRole('button', { name: 'Verify fingerprint' }).click();
  await waitVisible(tab, resultDialog(tab.page, 'Payment successful'), 'the "Payment successful" dialog');
}

async function payByPassword(): Promise<void> {
  await chooseMethod(tab, 'Password');
  await payButton(tab.page).click();
  await enterPassword(tab);
  await waitVisible(tab, resultDialog(tab.page, 'Payment successful'), 'the "Payment successful" dialog');
}

function assertSucceeded(reminder: Reminder, method: 'password' | 'fingerprint'): void {
  assert.equal(reminder.status, 'succeeded');
  assert.equal(reminder.method, method);
  assert.match(reminder.orderId, /^react-18\.3\.1-host-/);
  assert.deepEqual(reminder.amount, { amount: 10000, currency: 'CNY' });
}

test('the manifest asks for React 18.2+ or 19 and marks every react / react-dom key a singleton', async () => {
  const react = (await manifestShared()).filter((s) => /^(react|react-dom)(\/|$)/.test(s.name));
  assert.deepEqual(
    react.map((s) => s.name).sort(),
    ['react', 'react-dom', 'react-dom/client', 'react/jsx-runtime'],
    'the remote shares react, react-dom and the two subpaths it imports',
  );
  for (const s of react) {
    assert.equal(s.singleton, true, `${s.name} is a singleton in the manifest`);
    assert.equal(s.requiredVersion, REACT_RANGE, `${s.name} asks for ${REACT_RANGE}`);
  }
});

test('CashierPage in the React 18 tree pays by password, charged once; the password payment enrols the fingerprint', async () => {
  tab.clear();
  await openCashierPage();
  await payByPassword();
  const reminder = await printedReminder(tab, 'page-reminder');
  assertSucceeded(reminder, 'password');
  assert.equal(await chargesFor(reminder.orderId), 1, 'the order was charged once');

  const success = resultDialog(tab.page, 'Payment successful');
  await success.getByRole('button', { name: 'Enable fingerprint payment' }).click();
  const enrol = tab.page.getByRole('dialog', { name: 'Enable fingerprint payment' });
  await waitVisible(tab, enrol.getByRole('button', { name: 'Enable', exact: true }), 'the "Enable" button');
  await enrol.getByRole('button', { name: 'Enable', exact: true }).click();
  await waitVisible(tab, enrol.getByText('Fingerprint payment is on.'), 'the enrolled status');
  assert.equal(await authenticator.credentialCount(), 1, 'the authenticator holds one credential for the cashier');
  await enrol.getByRole('button', { name: 'Done' }).click();
  await assertRanOnHostReact18('CashierPage');
});

test('openCashier on React 18 pays by fingerprint, charged once, and resolves when the result is closed', async () => {
  tab.clear();
  await openModal();
  await payByFingerprint();
  assert.equal(await tab.page.getByTestId('reminder').count(), 0, 'openCashier has not resolved while the result is open');
  await resultDialog(tab.page, 'Payment successful').getByRole('button', { name: 'Done' }).click();
  await tab.page.getByRole('dialog', { name: 'Cashier' }).waitFor({ state: 'detached' });
  const reminder = await printedReminder(tab, 'reminder');
  assertSucceeded(reminder, 'fingerprint');
  assert.equal(await chargesFor(reminder.orderId), 1, 'the order was charged once');
  await assertRanOnHostReact18('openCashier');
});

test('openCashier on React 18 pays by password, charged once', async () => {
  tab.clear();
  await openModal();
  await payByPassword();
  await resultDialog(tab.page, 'Payment successful').getByRole('button', { name: 'Done' }).click();
  const reminder = await printedReminder(tab, 'reminder');
  assertSucceeded(reminder, 'password');
  assert.equal(await chargesFor(reminder.orderId), 1, 'the order was charged once');
  await assertRanOnHostReact18('openCashier');
});

test('CashierPage in the React 18 tree pays by fingerprint, charged once', async () => {
  tab.clear();
  await openCashierPage();
  await payByFingerprint();
  const reminder = await printedReminder(tab, 'page-reminder');
  assertSucceeded(reminder, 'fingerprint');
  assert.equal(await chargesFor(reminder.orderId), 1, 'the order was charged once');
  await assertRanOnHostReact18('CashierPage');
});
