// Remote failure: manifest 404, a manifest that never answers, a corrupted manifest, a chunk that fails →
// each host shows its fallback within 5 s and recovers on retry; an error thrown inside the cashier is contained.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { type E2EBrowser, type TrackedPage, track, waitVisible } from '../browser';
import { hostPageUrl, launchReliabilityBrowser, payButton } from './support/cashier';
import { type ReliabilityRemote, type RemoteFault, startReliabilityRemote } from './support/remote';
import { emptyCounts, recordSummary } from './support/summary';

const FALLBACK_WITHIN_MS = 5000;
const FAULTS: RemoteFault[] = ['manifest-404', 'manifest-timeout', 'manifest-corrupt', 'chunk-404'];
const counts = emptyCounts();
let remote: ReliabilityRemote;
let browser: E2EBrowser;

before(async () => {
  remote = await startReliabilityRemote();
  browser = await launchReliabilityBrowser();
});

after(async () => {
  counts.serverErrors += remote?.unexpected5xx() ?? 0;
  recordSummary('remote failure and containment', counts);
  await browser?.close();
  await remote?.close();
});

/**
 * One context and page for every case, each case as a new visitor: a navigation starts a new federation runtime (the
 * page's runtime remembers what it loaded), the HTTP cache is off (a cached immutable chunk would hide a CDN failing it;
 * chunk-404 fails if one is served from cache), and what the case stored is cleared after it. A context per case did
 * the same with a new renderer each time. A case that fails leaves its page behind: the next one gets a new page.
 */
let shared: TrackedPage | undefined;

async function openTab(): Promise<TrackedPage> {
  const tab = track(await browser.context.newPage());
  const cdp = await browser.context.newCDPSession(tab.page);
  await cdp.send('Network.enable');
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  return tab;
}

/** Forgets what a case left in the context: storage of every origin it reached, cookies, and the tracked log. */
async function forget(tab: TrackedPage): Promise<void> {
  const origins = new Set(tab.requests.map((r) => new URL(r.url).origin).filter((origin) => origin.startsWith('http')));
  await tab.page.goto('about:blank');
  const cdp = await browser.context.newCDPSession(tab.page);
  for (const origin of origins) await cdp.send('Storage.clearDataForOrigin', { origin, storageTypes: 'all' });
  await cdp.detach();
  await browser.context.clearCookies();
  tab.clear();
}

async function withTab(use: (tab: TrackedPage) => Promise<void>): Promise<void> {
  const tab = shared ?? (await openTab());
  shared = undefined;
  try {
    await use(tab);
    await forget(tab);
    shared = tab;
  } finally {
    remote.setFault(null);
    if (shared !== tab) await tab.page.close().catch(() => undefined);
  }
}

for (const fault of FAULTS) {
  test(`react-host, ${fault}: the fallback shows within 5 s; Retry recovers once the remote is back`, async () => {
    await withTab(async (tab) => {
      await tab.page.goto(hostPageUrl('react', remote.manifestUrl));
      remote.setFault(fault);
      await tab.page.getByRole('button', { name: /^Check out/ }).click();
      const fallback = tab.page.getByRole('alert').filter({ hasText: 'The cashier is unavailable' });
      await waitVisible(tab, fallback, `the fallback (${fault})`, FALLBACK_WITHIN_MS);
      counts.faults += 1;
      // The host itself keeps working while the remote is down.
      await tab.page.getByLabel('Order amount (CNY)').fill('12.00');
      await tab.page.getByRole('button', { name: 'Check out ¥12.00' }).waitFor();
      remote.setFault(null);
      await tab.page.getByRole('button', { name: 'Retry' }).click();
      await waitVisible(tab, payButton(tab.page), `the cashier after Retry (${fault})`);
      assert.equal(await fallback.count(), 0);
      assert.deepEqual(tab.errors.map((e) => e.message), []);
      counts.runs += 1;
    });
  });

  test(`vanilla-host, ${fault}: the error shows within 5 s; opening again recovers once the remote is back`, async () => {
    await withTab(async (tab) => {
      await tab.page.goto(hostPageUrl('vanilla', remote.manifestUrl));
      remote.setFault(fault);
      await tab.page.getByRole('button', { name: 'Open cashier' }).click();
      const fallback = tab.page.getByRole('alert').filter({ hasText: 'The cashier is unavailable' });
      await waitVisible(tab, fallback, `the error (${fault})`, FALLBACK_WITHIN_MS);
      counts.faults += 1;
      remote.setFault(null);
      await tab.page.getByRole('button', { name: 'Open cashier' }).click();
      await waitVisible(tab, payButton(tab.page), `the cashier after opening again (${fault})`);
      assert.equal(await fallback.isVisible(), false);
      assert.deepEqual(tab.errors.map((e) => e.message), []);
      counts.runs += 1;
    });
  });
}

declare global {
  interface Window {
    __cashierEvents?: { type: string; message?: unknown }[];
    __explode?: boolean;
  }
}

/**
 * Mounts the cashier with mountCashier (the vanilla host's own federation instance loads ./openCashier) and options
 * whose reading throws while window.__explode is set: a host bug the cashier must contain.
 */
async function mountExploding(tab: TrackedPage, where: 'payment' | 'theme'): Promise<void> {
  await tab.page.evaluate(async (part) => {
    type Instance = { name: string; loadRemote<T>(id: string): Promise<T> };
    const instances = (globalThis as unknown as { __FEDERATION__: { __INSTANCES__: Instance[] } }).__FEDERATION__.__INSTANCES__;
    const host = instances.find((instance) => instance.name === 'vanilla_host');
    if (!host) throw new Error('the vanilla host has no federation instance');
    const remote = await host.loadRemote<{ mountCashier(el: Element, options: unknown): { unmount(): void } }>('cashier/openCashier');
    window.__cashierEvents = [];
    window.__explode = true;
    const payment = {
      orderId: `explode-${Date.now()}`,
      accountId: 'acct-alice',
      amount: { amount: 1000, currency: 'CNY' },
      payerAccount: '6222020000000000018',
      payeeAccount: 'merchant-001',
    };
    const trap = <T extends object>(value: T, key: string): T => {
      const real = (value as Record<string, unknown>)[key];
      return Object.defineProperty(value, key, {
        enumerable: true,
        get: () => {
          if (window.__explode) throw new Error('host data could not be read');
          return real;
        },
      });
    };
    const element = document.createElement('section');
    element.id = 'mounted-cashier';
    document.body.append(element);
    remote.mountCashier(element, {
      clientId: 'reliability',
      locale: 'en-US',
      payment: part === 'payment' ? trap(payment, 'orderId') : payment,
      theme: part === 'theme' ? trap({ '--cashier-color-primary': '#1677ff' }, '--cashier-color-primary') : undefined,
      onEvent: (event: { type: string; message?: unknown }) => window.__cashierEvents?.push(event),
    });
  }, where);
}

for (const where of ['payment', 'theme'] as const) {
  test(`an error thrown inside the cashier (host ${where} that throws when read) is contained and reported as cashier_error`, async () => {
    await withTab(async (tab) => {
      await tab.page.goto(hostPageUrl('vanilla', remote.manifestUrl));
      // Load the remote the way the host does, then close it again.
      await tab.page.getByRole('button', { name: 'Open cashier' }).click();
      await waitVisible(tab, payButton(tab.page), 'the cashier');
      await tab.page.keyboard.press('Escape');
      await tab.page.getByRole('dialog', { name: 'Cashier' }).waitFor({ state: 'detached' });

      await mountExploding(tab, where);
      const mounted = tab.page.locator('#mounted-cashier');
      const contained = mounted.getByRole('alert').filter({ hasText: 'Something went wrong' });
      await waitVisible(tab, contained, 'the cashier’s own error message');
      const events = await tab.page.evaluate(() => window.__cashierEvents ?? []);
      assert.ok(events.some((e) => e.type === 'cashier_error'), `onEvent heard cashier_error: ${JSON.stringify(events.map((e) => e.type))}`);
      counts.faults += 1;

      // The host page keeps working: its own cashier opens and closes.
      await tab.page.getByRole('button', { name: 'Open cashier' }).click();
      await waitVisible(tab, tab.page.getByRole('dialog', { name: 'Cashier' }), 'the host’s cashier dialog');
      await tab.page.keyboard.press('Escape');
      await tab.page.getByTestId('reminder').filter({ hasText: '"cancelled"' }).waitFor();
      // And the contained cashier recovers once the data can be read.
      await tab.page.evaluate(() => {
        window.__explode = false;
      });
      await contained.getByRole('button', { name: 'Try again' }).click();
      await waitVisible(tab, mounted.getByRole('button', { name: 'Pay', exact: true }), 'the cashier after Try again');
      counts.runs += 1;
    });
  });
}
