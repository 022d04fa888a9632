// The browser checks every bundler host (Vite, Rsbuild, runtime-only) must pass: a password payment charged once,
// one React (the host's), no federation warnings. Each *-host.e2e.ts file runs them against its own build.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import axe from 'axe-core';
import type { Page } from 'playwright-core';
import type { BundlerHost } from '../../examples/build-hosts';
import type { RunningServer } from '../../examples/static-server';
import { type E2EBrowser, getCharges, launchBrowser, manifestUrl, resetMock, slimManifestUrl, type TrackedPage, urls, waitVisible } from '../browser';
import { sharedPackages } from '../federation-info';
import { startBundlerHost } from '../servers';
import { ALICE, clickKeys, dialogNamed, passwordDialog, payButton, readReminder } from './cashier';

/** A script the page downloaded, with its body (to tell which file carries a copy of React). */
interface Script {
  url: string;
  body: string;
}

/** Signatures of one copy each, minified or not: React's own export, and the React DOM client's fiber key. */
const REACT_CORE = /\.cloneElement\s*=/;
const REACT_DOM_CLIENT = /__reactFiber\$/;

/** Every JavaScript response of the page with its body; `settled()` waits for the bodies still being read. */
function recordScripts(tab: TrackedPage): { scripts: Script[]; settled(): Promise<void> } {
  const scripts: Script[] = [];
  const reading = new Set<Promise<void>>();
  tab.page.on('response', (response) => {
    const type = response.request().resourceType();
    if (type !== 'script' && !/\.m?js(\?|$)/.test(response.url())) return;
    const read = response.text().then(
      (body) => {
        scripts.push({ url: response.url(), body });
      },
      // A body the browser no longer holds (a page navigated away) is not a download of this test's page.
      () => undefined,
    );
    reading.add(read);
    read.finally(() => reading.delete(read));
  });
  return {
    scripts,
    settled: async () => {
      while (reading.size > 0) await Promise.all([...reading]);
    },
  };
}

/** The remote's own files for react / react-dom and their subpaths, from its manifest. */
async function remoteReactFiles(): Promise<string[]> {
  const manifest = (await (await fetch(manifestUrl())).json()) as {
    shared: { name: string; assets: { js: { sync: string[]; async: string[] } } }[];
  };
  return manifest.shared
    .filter((shared) => /^(react|react-dom)(\/|$)/.test(shared.name))
    .flatMap((shared) => [...shared.assets.js.sync, ...shared.assets.js.async]);
}

/** Console warnings and errors that come from Module Federation (share scope, singletons, remotes). */
const federationWarnings = (tab: TrackedPage) =>
  tab.console.filter((c) => (c.type === 'warning' || c.type === 'error') && /federation|share|singleton|remote|\bMF\b/i.test(c.text));

/** What the host printed in <pre data-testid="reminder"> so far ('' when nothing). */
async function printedReminder(page: Page): Promise<string> {
  const pre = page.getByTestId('reminder');
  return (await pre.count()) ? ((await pre.textContent()) ?? '') : '';
}

/** axe-core in the page, on the whole document (real layout, so colour contrast too); the violations' ids and targets. */
async function axeViolations(page: Page): Promise<string[]> {
  await page.addScriptTag({ content: axe.source });
  return page.evaluate(async () => {
    const results = await (window as unknown as { axe: typeof axe }).axe.run(document);
    return results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  });
}

export interface BundlerHostSpec {
  host: BundlerHost;
  /** The federation instance name the host's build gives itself (the `from` of its shared packages). */
  instance: string;
  /** The clientId the page passes (its order ids start with it). */
  clientId: string;
  /** Whether the page renders CashierPage in its own tree ("Check out ¥…"); every host offers openCashier. */
  inTree: boolean;
}

/** Defines this host's tests: the file that calls it owns one browser and one server for its host. */
export function bundlerHostSuite(spec: BundlerHostSpec): void {
  let server: RunningServer;
  let browser: E2EBrowser;
  let tab: TrackedPage;
  let recorded: ReturnType<typeof recordScripts>;
  let reactFiles: string[];

  before(async () => {
    server = await startBundlerHost(spec.host);
    browser = await launchBrowser();
    tab = await browser.newPage();
    // Each test counts what its page load downloads: no file may come from the HTTP cache of an earlier test.
    const cdp = await browser.context.newCDPSession(tab.page);
    await cdp.send('Network.enable');
    await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
    recorded = recordScripts(tab);
    reactFiles = await remoteReactFiles();
    assert.ok(reactFiles.length > 0, 'the remote manifest lists its react / react-dom copies');
  });

  after(async () => {
    await browser?.close();
    await server?.close();
  });

  const pageUrl = (params: Record<string, string> = {}) => {
    const url = new URL('/', server.url);
    const query = { remote: slimManifestUrl(), locale: 'en-US', account: ALICE.account, card: ALICE.card, amount: '100.00', ...params };
    for (const [key, value] of Object.entries(query)) url.searchParams.set(key, value);
    return url.href;
  };

  /** Opens the page afresh and clears what was recorded. */
  async function openPage(): Promise<Page> {
    await tab.page.goto('about:blank');
    tab.clear();
    await recorded.settled();
    recorded.scripts.length = 0;
    await tab.page.goto(pageUrl());
    return tab.page;
  }

  /** Pay → "Enter payment password" → six digits → "Payment successful". */
  async function payWithPassword(page: Page): Promise<void> {
    await waitVisible(tab, payButton(page), 'the cashier "Pay" button');
    await payButton(page).click();
    await waitVisible(tab, passwordDialog(page), 'the password dialog');
    await clickKeys(page, ALICE.password);
    await waitVisible(tab, dialogNamed(page, 'Payment successful'), 'the success dialog');
  }

  /** One charge for Alice's ¥100.00, one React from the host, no federation warning, no secret anywhere. */
  async function assertPaidOnceWithOneReact(page: Page): Promise<void> {
    const charges = await getCharges();
    assert.equal(charges.length, 1, 'exactly one charge');
    assert.equal(charges[0]?.accountId, ALICE.account);
    assert.deepEqual(charges[0]?.amount, { amount: 10000, currency: 'CNY' });

    await recorded.settled();
    const scripts = recorded.scripts;
    const hostOrigin = new URL(server.url).origin;
    const react = scripts.filter((s) => REACT_CORE.test(s.body)).map((s) => s.url);
    const reactDom = scripts.filter((s) => REACT_DOM_CLIENT.test(s.body)).map((s) => s.url);
    assert.equal(react.length, 1, `one copy of React downloaded (got ${react.join(', ')})`);
    assert.equal(reactDom.length, 1, `one copy of React DOM downloaded (got ${reactDom.join(', ')})`);
    assert.equal(new URL(react[0]!).origin, hostOrigin, 'React came from the host');
    assert.equal(new URL(reactDom[0]!).origin, hostOrigin, 'React DOM came from the host');
    const fromRemote = tab.requests.filter((r) => r.url.startsWith(`${urls.cashier}/`)).map((r) => new URL(r.url).pathname.slice(1));
    assert.ok(fromRemote.includes('remoteEntry.slim.js'), 'the slim remote entry came from the remote origin');
    assert.ok(!fromRemote.includes('remoteEntry.js'), 'the full entry (with a runtime of its own) was not downloaded');
    assert.deepEqual(
      fromRemote.filter((file) => reactFiles.includes(file)),
      [],
      'no react / react-dom file of the remote was downloaded',
    );

    const reactInScope = (await sharedPackages(page)).filter((s) => s.pkg === 'react' && s.useIn.includes('cashier'));
    assert.ok(reactInScope.length > 0, 'the cashier took react from the share scope');
    for (const entry of reactInScope) assert.equal(entry.from, spec.instance, `the cashier's react (${entry.version}) is the host's`);

    assert.deepEqual(federationWarnings(tab), [], 'no federation warning in the console');
    assert.deepEqual(tab.errors, [], 'no uncaught page error');
    assert.deepEqual(tab.findSecret(ALICE.password), [], 'the payment password is in no request, console line or error');
  }

  if (spec.inTree) {
    test(`${spec.host}: CashierPage in the host's tree pays once, with the host's single React`, async () => {
      await resetMock();
      const page = await openPage();
      const checkOut = page.getByRole('button', { name: 'Check out ¥100.00' });
      await waitVisible(tab, checkOut, 'the host\'s "Check out ¥100.00" button');
      await checkOut.click();
      await payWithPassword(page);
      // CashierPage reports success as soon as it is known (the host prints the reminder it got).
      const reminder = await readReminder(page, 'succeeded');
      assert.equal(reminder.method, 'password');
      assert.match(reminder.orderId, new RegExp(`^${spec.clientId}-`), 'the host order');
      await assertPaidOnceWithOneReact(page);
    });
  }

  test(`${spec.host}: openCashier pays once and resolves when the person closes the result`, async () => {
    await resetMock();
    const page = await openPage();
    const open = page.getByRole('button', { name: 'Open cashier' });
    await waitVisible(tab, open, 'the host\'s "Open cashier" button');
    assert.deepEqual(await axeViolations(page), [], 'axe finds nothing on the host page');
    await open.click();
    await payWithPassword(page);
    // The promise is still pending while "Payment successful" is shown: it resolves on close.
    assert.equal(await printedReminder(page), '', 'openCashier has not resolved while "Payment successful" is shown');
    await dialogNamed(page, 'Payment successful').getByRole('button', { name: 'Done' }).click();
    const reminder = await readReminder(page, 'succeeded');
    assert.equal(reminder.method, 'password');
    assert.match(reminder.orderId, new RegExp(`^${spec.clientId}-`), 'the host order');
    assert.equal(await dialogNamed(page, 'Cashier').count(), 0, 'the modal is gone');
    await assertPaidOnceWithOneReact(page);
  });
}
