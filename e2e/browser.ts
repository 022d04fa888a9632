// Browser-test helpers: headless Chromium (the worker's, or one per file), pages that record what they did, the mock's admin API.
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { type Browser, type BrowserContext, type BrowserContextOptions, type BrowserServer, chromium, type Locator, type Page } from 'playwright-core';

/**
 * The browser tests' Chromium: Debian's headless shell (package chromium-headless-shell), the same Chromium build
 * without the desktop browser's UI layers, as Playwright itself runs headless tests. The suite is CPU-bound on two
 * cores, and the shell does the same pages for about a third less CPU (docs/performance.md, The test suite's time).
 */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium-headless-shell';
/** Debian's full Chromium (package chromium), the browser people run: what the bench and the measuring scripts drive. */
export const FULL_CHROMIUM = process.env.FULL_CHROMIUM_PATH ?? '/usr/bin/chromium';
export const ARTIFACTS = path.resolve(__dirname, 'artifacts');

/** Where the servers started by e2e/run.ts listen (run.ts passes them in the environment). */
export const urls = {
  cashier: process.env.CASHIER_URL ?? 'http://localhost:3001',
  reactHost: process.env.REACT_HOST_URL ?? 'http://localhost:3002',
  vanillaHost: process.env.VANILLA_HOST_URL ?? 'http://localhost:3003',
};

/** The full entry's manifest (remoteEntry.js, with its own federation runtime). */
export const manifestUrl = (cashierUrl = urls.cashier) => `${cashierUrl}/mf-manifest.json`;
/** The slim entry's manifest (remoteEntry.slim.js, on the host's runtime): what hosts that lend a runtime load. */
export const slimManifestUrl = (cashierUrl = urls.cashier) => `${cashierUrl}/mf-manifest.slim.json`;

/** A host page URL with the remote's manifest and en-US (docs/api.md, What a person sees) unless overridden. */
function hostUrl(base: string, params: Record<string, string>, remote: string): string {
  const url = new URL('/', base);
  const query = { remote, locale: 'en-US', ...params };
  for (const [key, value] of Object.entries(query)) url.searchParams.set(key, value);
  return url.href;
}
// The React host lends its runtime and loads the slim entry; the vanilla host is the one on the full entry.
export const reactHostUrl = (params: Record<string, string> = {}) => hostUrl(urls.reactHost, params, slimManifestUrl());
export const vanillaHostUrl = (params: Record<string, string> = {}) => hostUrl(urls.vanillaHost, params, manifestUrl());

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--use-fake-device-for-media-stream',
  '--use-fake-ui-for-media-stream',
];

export interface RecordedRequest {
  url: string;
  method: string;
  postData: string | null;
  headers: Record<string, string>;
  resourceType: string;
}

export interface ConsoleEntry {
  type: string;
  text: string;
}

/** A page plus everything it logged, threw and requested since it opened (or since clear()). */
export interface TrackedPage {
  page: Page;
  console: ConsoleEntry[];
  errors: Error[];
  requests: RecordedRequest[];
  clear(): void;
  /** Every place `secret` shows up: request URLs, headers and bodies, console text, page errors. */
  findSecret(secret: string): string[];
}

export interface E2EBrowser {
  browser: Browser;
  context: BrowserContext;
  newPage(): Promise<TrackedPage>;
  close(): Promise<void>;
}

export interface LaunchOptions {
  /** Extra Chromium flags, after the defaults. */
  args?: string[];
  /** Options for the browser context (viewport, locale, permissions, ...). */
  context?: BrowserContextOptions;
}

/**
 * A browser context of its own in headless Chromium. Under e2e/run.ts each worker runs one Chromium
 * (E2E_BROWSER_WS) and a file connects to it: its context is a fresh, incognito-like profile (own cookies, storage,
 * cache, permissions), and close() closes it and disconnects, leaving the browser to the worker's next file.
 * With extra flags (`opts.args`), or outside the runner, the file launches its own Chromium; Playwright gives every
 * launch a fresh temporary profile and removes it on close.
 */
export async function launchBrowser(options: LaunchOptions = {}): Promise<E2EBrowser> {
  const shared = process.env.E2E_BROWSER_WS;
  const browser =
    shared && !options.args?.length
      ? await chromium.connect(shared)
      : await chromium.launch({ executablePath: CHROMIUM, headless: true, args: [...CHROMIUM_ARGS, ...(options.args ?? [])] });
  const context = await browser.newContext({ locale: 'en-US', ...options.context });
  context.setDefaultTimeout(Number(process.env.E2E_TIMEOUT_MS ?? 15_000));
  return {
    browser,
    context,
    newPage: async () => track(await context.newPage()),
    // A connected browser's close() closes the contexts this file opened and disconnects; a launched one exits.
    close: () => browser.close(),
  };
}

/** The Chromium a runner worker shares between its files (launchBrowser connects to its wsEndpoint). */
export function launchBrowserServer(): Promise<BrowserServer> {
  return chromium.launchServer({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });
}

export function track(page: Page): TrackedPage {
  const tracked: TrackedPage = {
    page,
    console: [],
    errors: [],
    requests: [],
    clear() {
      tracked.console.length = 0;
      tracked.errors.length = 0;
      tracked.requests.length = 0;
    },
    findSecret(secret) {
      const places: string[] = [];
      for (const r of tracked.requests) {
        if (r.url.includes(secret)) places.push(`request URL ${r.method} ${r.url}`);
        if (r.postData?.includes(secret)) places.push(`request body ${r.method} ${r.url}`);
        for (const [name, value] of Object.entries(r.headers)) {
          if (value.includes(secret)) places.push(`request header ${name} ${r.method} ${r.url}`);
        }
      }
      for (const c of tracked.console) if (c.text.includes(secret)) places.push(`console.${c.type}: ${c.text}`);
      for (const e of tracked.errors) if (`${e.message}\n${e.stack}`.includes(secret)) places.push(`page error: ${e.message}`);
      return places;
    },
  };
  page.on('console', (message) => tracked.console.push({ type: message.type(), text: message.text() }));
  page.on('pageerror', (error) => tracked.errors.push(error));
  page.on('request', (request) =>
    tracked.requests.push({
      url: request.url(),
      method: request.method(),
      postData: request.postData(),
      headers: request.headers(),
      resourceType: request.resourceType(),
    }),
  );
  return tracked;
}

/** Polls a condition on recorded data (requests, console) until it holds; throws after timeoutMs. */
export async function waitUntil(condition: () => boolean, what: string, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/**
 * Waits for a locator to be visible; on timeout the error says what the page logged and threw, so a failure
 * report shows the cause (a crash in the remote, a 404) instead of a bare TimeoutError.
 */
export async function waitVisible(tracked: TrackedPage, locator: Locator, what: string, timeoutMs?: number): Promise<void> {
  try {
    await locator.waitFor({ state: 'visible', ...(timeoutMs ? { timeout: timeoutMs } : {}) });
  } catch (error) {
    const alerts = await tracked.page
      .getByRole('alert')
      .allTextContents()
      .catch(() => []);
    const logged = tracked.console.filter((c) => c.type === 'error' || c.type === 'warning').map((c) => `console.${c.type}: ${c.text}`);
    const thrown = tracked.errors.map((e) => `page error: ${e.message}`);
    const shown = alerts.filter((text) => text.trim()).map((text) => `alert on the page: ${text.trim()}`);
    const details = [...shown, ...thrown, ...logged.slice(-6)].map((line) => `  ${line.split('\n')[0]}`);
    throw new Error(`${what} did not appear (${(error as Error).message.split('\n')[0]})${details.length ? `\n${details.join('\n')}` : ''}`);
  }
}

/** Saves a full-page PNG under e2e/artifacts/ (git-ignored) and returns its path. */
export async function saveScreenshot(page: Page, name: string): Promise<string> {
  mkdirSync(ARTIFACTS, { recursive: true });
  const file = path.join(ARTIFACTS, `${name.replace(/[^\w.-]+/g, '_')}.png`);
  await page.screenshot({ path: file, fullPage: true });
  return file;
}

// --- the mock payment server's admin interface (docs/api.md, The mock payment server) ---

export interface Charge {
  paymentId: string;
  orderId: string;
  accountId: string;
  amount: { amount: number; currency: string };
  at: string;
}

async function admin<T>(method: 'GET' | 'POST', route: string, body?: unknown, cashierUrl = urls.cashier): Promise<T> {
  const response = await fetch(`${cashierUrl}/api/cashier/__admin/${route}`, {
    method,
    headers: body === undefined ? {} : { 'Content-Type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`${method} __admin/${route}: HTTP ${response.status} ${await response.text()}`);
  return (await response.json()) as T;
}

/** Restores the fixtures and clears charges, locks and events. */
export async function resetMock(cashierUrl = urls.cashier): Promise<void> {
  await admin('POST', 'reset', undefined, cashierUrl);
}

/** Fault injection for the requests that follow: 'normal', 'slow', 'server-error', 'drop-pay-response', ... */
export function setScenario(name: string, extra: Record<string, unknown> = {}, cashierUrl = urls.cashier): Promise<unknown> {
  return admin('POST', 'scenario', { ...extra, name }, cashierUrl);
}

export function getCharges(cashierUrl = urls.cashier): Promise<Charge[]> {
  return admin<Charge[]>('GET', 'charges', undefined, cashierUrl);
}
