// Helpers for the hosts that lend a pinned React (examples/react18-host, examples/react19-0-host): where they are,
// what the remote's manifest asks for, which React the cashier ran on, and what the page downloaded and logged.
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { manifestUrl, slimManifestUrl, type TrackedPage, urls, waitVisible } from '../browser';
import { sharedPackages } from '../federation-info';
import type { RunningServer } from '../../examples/static-server';
import { type PinnedReactHost, startPinnedReactHost } from '../servers';
import { ALICE, type Reminder } from './cashier';

/** The range the remote asks of a host's React (federation.config.ts HOST_RANGES). */
export const REACT_RANGE = '^18.2.0 || ^19.0.0';
/** The share keys a host lends React under (docs/hosting.md). */
export const LENT_KEYS = ['react', 'react/jsx-runtime', 'react-dom', 'react-dom/client'] as const;
/** What the cashier consumes: ./CashierPage needs React and its JSX runtime; ./openCashier also react-dom/client. */
export const CONSUMED_BY = {
  CashierPage: ['react', 'react/jsx-runtime'],
  openCashier: ['react', 'react/jsx-runtime', 'react-dom/client'],
} as const;
const REACT_KEY = /^(react|react-dom)(\/|$)/;

interface ManifestShared {
  name: string;
  version: string;
  singleton?: boolean;
  requiredVersion?: string;
  assets: { js: { sync: string[]; async: string[] } };
}

export async function manifestShared(): Promise<ManifestShared[]> {
  const manifest = (await (await fetch(manifestUrl())).json()) as { shared: ManifestShared[] };
  return manifest.shared;
}

/** The remote's own react / react-dom files (every `react…` and `react-dom…` key of its manifest). */
export async function remoteReactFiles(): Promise<Set<string>> {
  const files = (await manifestShared()).filter((s) => REACT_KEY.test(s.name)).flatMap((s) => [...s.assets.js.sync, ...s.assets.js.async]);
  return new Set(files);
}

/** Files of the remote's origin that the page fetched and that are the remote's React. */
export function remoteReactDownloads(tab: TrackedPage, files: Set<string>): string[] {
  return tab.requests
    .filter((r) => r.url.startsWith(`${urls.cashier}/`))
    .map((r) => new URL(r.url).pathname.slice(1))
    .filter((file) => files.has(file));
}

/** Console lines of the federation runtime (shared-version mismatches: "… does not satisfy the requirement …"). */
export function federationWarnings(tab: TrackedPage): string[] {
  return tab.console
    .filter((c) => /Federation Runtime|does not satisfy|Unsatisfied version|shared singleton|share scope/i.test(c.text))
    .map((c) => `console.${c.type}: ${c.text}`);
}

/** Console errors and warnings of any origin (React's own warnings about props or APIs it does not know). */
export function consoleProblems(tab: TrackedPage): string[] {
  return tab.console.filter((c) => c.type === 'error' || c.type === 'warning').map((c) => `console.${c.type}: ${c.text}`);
}

/**
 * The cashier ran on the host's React: it consumed the `consumed` keys, and every React key it consumed is the host's
 * copy in the pinned version; none of the remote's own React copies was loaded.
 */
export async function assertCashierOnHostReact(page: Page, hostContainer: string, version: RegExp, consumed: readonly string[]): Promise<void> {
  const shared = await sharedPackages(page);
  for (const key of LENT_KEYS) {
    const used = shared.filter((s) => s.pkg === key && s.useIn.includes('cashier'));
    if (consumed.includes(key)) assert.ok(used.length > 0, `the cashier consumed ${key} from the share scope`);
    for (const entry of used) {
      assert.equal(entry.from, hostContainer, `${key}@${entry.version} used by the cashier came from ${hostContainer}`);
      assert.match(entry.version, version, `${key} used by the cashier is the host's pinned version`);
    }
    const remoteCopies = shared.filter((s) => s.pkg === key && s.from === 'cashier' && s.loaded);
    assert.deepEqual(remoteCopies.map((s) => `${s.pkg}@${s.version}`), [], `the remote's own ${key} was not loaded`);
  }
}

/** A pinned-React host page, started on a free port for one test file. */
export interface PinnedHostPage {
  server: RunningServer;
  url(params?: Record<string, string>): string;
}

export async function startHost(host: PinnedReactHost): Promise<PinnedHostPage> {
  const server = await startPinnedReactHost(host);
  return {
    server,
    url(params = {}) {
      const url = new URL('/', server.url);
      const query = { remote: slimManifestUrl(), locale: 'en-US', account: ALICE.account, card: ALICE.card, amount: '100.00', ...params };
      for (const [key, value] of Object.entries(query)) url.searchParams.set(key, value);
      return url.href;
    },
  };
}

/** The JSON a host printed in <pre data-testid=…>, once it holds a final status. */
export async function printedReminder(tab: TrackedPage, testId: 'reminder' | 'page-reminder'): Promise<Reminder> {
  const pre = tab.page.getByTestId(testId);
  await waitVisible(tab, pre, `the host's ${testId}`);
  return JSON.parse((await pre.textContent()) ?? '') as Reminder;
}
