// Lifecycle: 100 mount/unmount cycles of mountCashier (which renders under <StrictMode>) leave no
// listeners, timers, event streams or camera tracks behind, counted by init-script wrappers that only observe.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { biometricsOf } from '../../mocks/biometric-enrollment';
import { type E2EBrowser, type TrackedPage, waitUntil } from '../browser';
import { hostPageUrl, launchReliabilityBrowser, payButton } from './support/cashier';
import { countLiveResources, type LiveCount, liveCount } from './support/observe';
import { type ReliabilityRemote, startReliabilityRemote } from './support/remote';
import { emptyCounts, recordSummary } from './support/summary';

const CYCLES = 100;
const counts = emptyCounts();
let remote: ReliabilityRemote;
let browser: E2EBrowser;
let tab: TrackedPage;

declare global {
  interface Window {
    __lifecycle?: { mount(methods: string[]): void; unmount(): void };
  }
}

before(async () => {
  remote = await startReliabilityRemote();
  browser = await launchReliabilityBrowser();
  await countLiveResources(browser.context);
  tab = await browser.newPage();
});

after(async () => {
  counts.serverErrors += remote?.unexpected5xx() ?? 0;
  recordSummary('lifecycle: mount/unmount cycles', counts, [`${CYCLES} cycles: idle, mid-password, while paying, camera open`]);
  await browser?.close();
  await remote?.close();
});

/** Loads ./openCashier through the vanilla host's own federation instance and keeps mount/unmount at hand. */
async function prepareMount(): Promise<void> {
  await tab.page.evaluate(async (payee) => {
    type Instance = { name: string; loadRemote<T>(id: string): Promise<T> };
    const instances = (globalThis as unknown as { __FEDERATION__: { __INSTANCES__: Instance[] } }).__FEDERATION__.__INSTANCES__;
    const host = instances.find((instance) => instance.name === 'vanilla_host');
    if (!host) throw new Error('the vanilla host has no federation instance');
    const remote = await host.loadRemote<{ mountCashier(el: Element, options: unknown): { unmount(): void } }>('cashier/openCashier');
    let current: { unmount(): void } | null = null;
    let element: HTMLElement | null = null;
    let seq = 0;
    window.__lifecycle = {
      mount(methods) {
        element = document.createElement('section');
        document.body.append(element);
        seq += 1;
        current = remote.mountCashier(element, {
          clientId: 'lifecycle',
          locale: 'en-US',
          methods,
          payment: {
            orderId: `cycle-${Date.now()}-${seq}`,
            accountId: 'acct-alice',
            amount: { amount: 100, currency: 'CNY' },
            payerAccount: '6222020000000000018',
            payeeAccount: payee,
          },
        });
      },
      unmount() {
        current?.unmount();
        element?.remove();
        current = null;
      },
    };
  }, 'merchant-001');
}

const mount = (methods: string[] = ['password']) => tab.page.evaluate((m) => window.__lifecycle?.mount(m), methods);
const unmount = () => tab.page.evaluate(() => window.__lifecycle?.unmount());

type Cycle = 'idle' | 'remount-at-once' | 'mid-password' | 'paying' | 'camera';

/** Which cycle: mostly plain ones, with the risky moments spread over the 100. */
function cycleKind(i: number): Cycle {
  if (i % 25 === 7) return 'camera';
  if (i % 10 === 3) return 'mid-password';
  if (i % 10 === 6) return 'paying';
  if (i % 10 === 9) return 'remount-at-once';
  return 'idle';
}

/** The most the page held at once during a cycle: proof that the counters see what the cashier sets up. */
const peak = { timeouts: 0, streams: 0, liveTracks: 0 };

async function notePeak(): Promise<void> {
  const now = await liveCount(tab.page);
  peak.timeouts = Math.max(peak.timeouts, now.timeouts);
  peak.streams = Math.max(peak.streams, now.streams);
  peak.liveTracks = Math.max(peak.liveTracks, now.liveTracks);
}

async function runCycle(kind: Cycle): Promise<void> {
  const { page } = tab;
  if (kind === 'remount-at-once') {
    // What StrictMode does to effects in development: mount, unmount before anything settles, mount again.
    await mount();
    await unmount();
    await mount();
    await payButton(page).waitFor();
    await unmount();
    return;
  }
  await mount(kind === 'camera' ? ['face'] : ['password']);
  await payButton(page).waitFor();
  if (kind === 'mid-password') {
    await payButton(page).click();
    const dialog = page.getByRole('dialog', { name: 'Enter payment password' });
    await dialog.waitFor();
    await dialog.getByRole('button', { name: '1', exact: true }).click();
    await dialog.getByRole('button', { name: '2', exact: true }).click();
  } else if (kind === 'paying') {
    await remote.scenario('slow', { delayMs: 2000, endpoints: ['pay'], times: 1 });
    await payButton(page).click();
    const dialog = page.getByRole('dialog', { name: 'Enter payment password' });
    await dialog.waitFor();
    await dialog.focus();
    await page.keyboard.type('123456');
    // The result stream is open while the payment is on its way.
    await waitUntil(() => tab.requests.some((r) => r.url.includes('/api/cashier/events?')), 'the event stream to open');
    await page.waitForFunction(() => (window.__reliability?.live?.streams.size ?? 0) > 0);
  } else if (kind === 'camera') {
    await page.getByRole('radio', { name: 'Face' }).check();
    await payButton(page).click();
    await page.waitForFunction(() => (window.__reliability?.live?.tracks ?? []).some((t) => t.readyState === 'live'), undefined, { timeout: 10_000 });
  }
  if (kind !== 'idle') await notePeak();
  await unmount();
}

function leaksBetween(before: LiveCount, after: LiveCount): string[] {
  const leaks: string[] = [];
  for (const [key, n] of Object.entries(after.listeners)) {
    const extra = n - (before.listeners[key] ?? 0);
    if (extra > 0) leaks.push(`${extra} × ${key} listener`);
  }
  if (after.timeouts > before.timeouts) leaks.push(`${after.timeouts - before.timeouts} pending timeout(s)`);
  if (after.intervals > before.intervals) leaks.push(`${after.intervals - before.intervals} live interval(s)`);
  if (after.streams > 0) leaks.push(`${after.streams} open event stream(s)`);
  if (after.liveTracks > 0) leaks.push(`${after.liveTracks} live camera track(s)`);
  return leaks;
}

test(`${CYCLES} mount/unmount cycles leave no listeners, timers, event streams or camera tracks`, async () => {
  await remote.reset();
  // A face "enrolled" for Alice, so the face step opens the camera (Chromium's fake one).
  biometricsOf(remote.mock.state).faces.set('acct-alice', { hash: new Uint8Array(32), enrolledAt: Date.now() });
  await tab.page.goto(hostPageUrl('vanilla', remote.manifestUrl));
  await prepareMount();
  // One cycle first: what the remote sets up once per page (its modules, the share scope) is not a leak.
  await runCycle('idle');
  await tab.page.waitForTimeout(300);
  const baseline = await liveCount(tab.page);

  const kinds: Record<string, number> = {};
  for (let i = 0; i < CYCLES; i++) {
    const kind = cycleKind(i);
    kinds[kind] = (kinds[kind] ?? 0) + 1;
    try {
      await runCycle(kind);
    } catch (error) {
      throw new Error(`cycle ${i + 1} (${kind}): ${(error as Error).message}`);
    }
    counts.runs += 1;
  }
  // Timers that were about to fire (a debounce, a retry) are allowed to fire; anything left after that is kept.
  await tab.page.waitForTimeout(1500);
  const end = await liveCount(tab.page);
  const leaks = leaksBetween(baseline, end);
  counts.leaks += leaks.length;
  assert.ok(end.tracks >= kinds.camera!, `the camera was opened in each camera cycle (${end.tracks} tracks)`);
  // The counters did see the cashier's timers (the password's idle timer), its event stream and the camera.
  assert.ok(peak.timeouts > baseline.timeouts && peak.streams > 0 && peak.liveTracks > 0, `peaks seen: ${JSON.stringify(peak)}`);
  assert.deepEqual(leaks, [], `left behind after ${CYCLES} cycles ${JSON.stringify(kinds)}: ${leaks.join(', ')}\nbaseline ${JSON.stringify(baseline)}\nend ${JSON.stringify(end)}`);
  assert.deepEqual(tab.errors.map((e) => e.message), []);
});
