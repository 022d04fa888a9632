// The remote loads at run time into both host shells, shares React with the React host, and fails soft.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Page } from 'playwright-core';
import {
  type E2EBrowser,
  getCharges,
  launchBrowser,
  manifestUrl,
  reactHostUrl,
  resetMock,
  type TrackedPage,
  urls,
  vanillaHostUrl,
  waitUntil,
  waitVisible,
} from './browser';
import { freePort, sharedPackages, type SharedEntry } from './federation-info';
import { startRemoteServer } from './servers';

const SINGLETONS = ['react', 'react-dom', 'react-redux', '@reduxjs/toolkit'];
const PASSWORD = '123456';

let browser: E2EBrowser;
let react: TrackedPage;

interface Manifest {
  shared: { name: string; assets: { js: { sync: string[]; async: string[] } } }[];
}

/** The remote's own copies of the shared packages, by file name (from its manifest). */
async function remoteSharedChunks(name: (shared: string) => boolean): Promise<string[]> {
  const manifest = (await (await fetch(manifestUrl())).json()) as Manifest;
  return manifest.shared.filter((s) => name(s.name)).flatMap((s) => [...s.assets.js.sync, ...s.assets.js.async]);
}

async function checkOut(page: Page, amountLabel = '¥100.00'): Promise<void> {
  await page.getByRole('button', { name: `Check out ${amountLabel}` }).click();
}

const payButton = (page: Page) => page.getByRole('button', { name: 'Pay', exact: true });

before(async () => {
  browser = await launchBrowser();
  react = await browser.newPage();
});

after(async () => {
  await browser?.close();
});

describe('react-host', () => {
  test('renders CashierPage from the remote at run time, with React from the host', async () => {
    const { page } = react;
    react.clear();
    await page.goto(reactHostUrl());
    // Hover warms the remote (preloadRemote): its entry is fetched before the click.
    await page.getByRole('button', { name: 'Check out ¥100.00' }).hover();
    await waitUntil(() => react.requests.some((r) => r.url === `${urls.cashier}/remoteEntry.slim.js`), 'remoteEntry.slim.js preloaded on hover');
    await checkOut(page);
    await waitVisible(react, payButton(page), 'the cashier "Pay" button');

    const shared = await sharedPackages(page);
    for (const pkg of SINGLETONS) {
      const entries = shared.filter((s) => s.pkg === pkg);
      assert.ok(entries.length > 0, `${pkg} is in the share scope`);
      for (const entry of entries) {
        assert.equal(entry.from, 'react_host', `${pkg}@${entry.version} in ${entry.instance} was provided by the host`);
        assert.ok(entry.loaded, `${pkg}@${entry.version} is loaded`);
      }
    }
    const usedByCashier = (pkg: string) => shared.some((s: SharedEntry) => s.pkg === pkg && s.useIn.includes('cashier'));
    assert.ok(usedByCashier('react'), 'the cashier uses the host React');

    const remoteReact = await remoteSharedChunks((name) => /^(react|react-dom)(\/|$)/.test(name));
    assert.ok(remoteReact.length > 0, 'the manifest lists the remote copies of react and react-dom');
    const fetched = react.requests.filter((r) => r.url.startsWith(urls.cashier)).map((r) => new URL(r.url).pathname.slice(1));
    assert.ok(fetched.includes('remoteEntry.slim.js'), 'the slim remote entry came from the remote origin');
    assert.ok(!fetched.includes('remoteEntry.js'), 'the full entry (with a runtime of its own) was not downloaded');
    assert.equal(await page.evaluate(() => '_FEDERATION_RUNTIME_CORE' in globalThis), true, 'the host lends its runtime core');
    assert.deepEqual(
      fetched.filter((file) => remoteReact.includes(file)),
      [],
      'no react / react-dom chunk of the remote was downloaded',
    );
    assert.deepEqual(react.errors, [], 'no uncaught page errors');
  });

  test('one password payment end to end lands in the host store and charges once', async () => {
    const { page } = react;
    await resetMock();
    react.clear();
    await page.goto(reactHostUrl({ account: 'acct-alice', card: '6222020000000000018', amount: '100.00' }));
    await checkOut(page);
    await waitVisible(react, payButton(page), 'the cashier "Pay" button');
    await payButton(page).click();
    const keyboard = page.getByRole('dialog', { name: 'Enter payment password' });
    await waitVisible(react, keyboard, 'the password dialog');
    for (const digit of PASSWORD) await keyboard.getByRole('button', { name: digit, exact: true }).click();
    await waitVisible(react, page.getByRole('dialog', { name: 'Payment successful' }), 'the success dialog');

    await page.getByTestId('payment-phase').filter({ hasText: 'Payment state: succeeded' }).waitFor();
    const charges = await getCharges();
    assert.equal(charges.length, 1);
    assert.equal(charges[0]?.accountId, 'acct-alice');
    assert.deepEqual(charges[0]?.amount, { amount: 10000, currency: 'CNY' });
    assert.deepEqual(react.findSecret(PASSWORD), [], 'the payment password is in no request, console line or error');
  });

  test('shows the fallback while the remote is down, and Retry fetches it again', async () => {
    const { page } = react;
    const port = await freePort();
    const downManifest = `http://localhost:${port}/mf-manifest.json`;
    react.clear();
    await page.goto(reactHostUrl({ remote: downManifest }));
    await page.getByRole('button', { name: /^Check out/ }).hover();
    await checkOut(page);
    const fallback = page.getByRole('alert').filter({ hasText: 'The cashier is unavailable' });
    await fallback.waitFor();
    assert.equal(await page.getByTestId('payment-phase').textContent(), 'Payment state: not started');

    // Still down: Retry really asks the network again (the runtime caches a failed manifest otherwise).
    const manifestFetches = () => react.requests.filter((r) => r.url === downManifest).length;
    const before = manifestFetches();
    await page.getByRole('button', { name: 'Retry' }).click();
    await fallback.waitFor();
    await waitUntil(() => manifestFetches() > before, 'a new manifest request after Retry');

    const remote = await startRemoteServer({ port });
    try {
      await page.getByRole('button', { name: 'Retry' }).click();
      await waitVisible(react, payButton(page), 'the cashier "Pay" button after Retry');
      assert.equal(await fallback.count(), 0);
    } finally {
      await remote.close();
    }
  });
});

describe('vanilla-host', () => {
  test('openCashier opens the remote dialog; Escape resolves the promise as cancelled', async () => {
    const vanilla = await browser.newPage();
    const { page } = vanilla;
    try {
      await page.goto(vanillaHostUrl());
      await page.getByRole('button', { name: 'Open cashier' }).click();
      const dialog = page.getByRole('dialog', { name: 'Cashier' });
      await waitVisible(vanilla, dialog, 'the "Cashier" dialog');
      await waitVisible(vanilla, payButton(page), 'the cashier "Pay" button');
      await page.keyboard.press('Escape');
      await dialog.waitFor({ state: 'detached' });
      const reminder = page.getByTestId('reminder');
      await reminder.filter({ hasText: '"status"' }).waitFor();
      const parsed = JSON.parse((await reminder.textContent()) ?? '') as { status: string; orderId: string };
      assert.equal(parsed.status, 'cancelled');
      assert.match(parsed.orderId, /^vanilla-host-/);

      // Sharing nothing, the page runs the React the remote ships.
      const shared = await sharedPackages(page);
      const react = shared.filter((s) => s.pkg === 'react' && s.loaded);
      assert.ok(react.length > 0 && react.every((s) => s.from === 'cashier'), 'React came from the remote');
      assert.deepEqual(vanilla.errors, []);
    } finally {
      await page.close();
    }
  });
});
