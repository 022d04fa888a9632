// Chromium for the bench: the e2e suite's flags, a fresh context (cold HTTP cache) when asked, the page probe in every page.
import path from 'node:path';
import { type Browser, type BrowserContext, type CDPSession, chromium, type Locator, type Page } from 'playwright-core';
import { CHROMIUM_ARGS, FULL_CHROMIUM } from '../e2e/browser';

export const PROBE = path.join(__dirname, 'page-probe.js');
const ACTION_TIMEOUT_MS = Number(process.env.BENCH_TIMEOUT_MS ?? 15_000);

/** Ctrl-C and SIGTERM are bench/run.ts's to handle (Playwright's own handler would exit before the servers close). */
export function launch(): Promise<Browser> {
  return chromium.launch({ executablePath: FULL_CHROMIUM, headless: true, args: CHROMIUM_ARGS, handleSIGINT: false, handleSIGTERM: false });
}

/** A new context has its own empty HTTP cache: every page opened in it loads cold. */
export async function probedContext(browser: Browser): Promise<BrowserContext> {
  const context = await browser.newContext({ locale: 'en-US', viewport: { width: 1280, height: 800 } });
  context.setDefaultTimeout(ACTION_TIMEOUT_MS);
  await context.addInitScript({ path: PROBE });
  return context;
}

/** Runs `body` with a fresh context and always closes it. */
export async function withContext<T>(browser: Browser, body: (context: BrowserContext) => Promise<T>): Promise<T> {
  const context = await probedContext(browser);
  try {
    return await body(context);
  } finally {
    await context.close();
  }
}

export function pageUrl(base: string, params: Record<string, string>): string {
  const url = new URL(base);
  for (const [key, value] of Object.entries(params)) url.searchParams.set(key, value);
  return url.href;
}

const sessions = new WeakMap<Page, CDPSession>();

export async function cdp(page: Page): Promise<CDPSession> {
  let session = sessions.get(page);
  if (!session) {
    session = await page.context().newCDPSession(page);
    sessions.set(page, session);
  }
  return session;
}

/**
 * A mouse press and release at the element's centre, sent back to back as real input (not awaited in between),
 * so pointerdown, pointerup and click reach the page together, as from a quick tap.
 */
export async function tap(page: Page, target: Locator): Promise<void> {
  await target.scrollIntoViewIfNeeded();
  const box = await target.boundingBox();
  if (!box) throw new Error('tap: the element is not visible');
  const session = await cdp(page);
  const at = { x: box.x + box.width / 2, y: box.y + box.height / 2, button: 'left' as const, clickCount: 1 };
  await Promise.all([
    session.send('Input.dispatchMouseEvent', { type: 'mousePressed', ...at }),
    session.send('Input.dispatchMouseEvent', { type: 'mouseReleased', ...at }),
  ]);
}

export interface PaintedState {
  seenAt: number;
  paintedAt: number;
}

/** Starts watching in the page for a state (see page-probe.js); await the result after triggering it. */
export function whenPainted(page: Page, state: 'pay' | 'keyboard' | 'success' | 'closed'): Promise<PaintedState> {
  return armed(page.evaluate((name) => (window as unknown as BenchWindow).__bench.whenPainted(name), state));
}

/**
 * A promise started before the action it waits for: if that action fails first, the run ends through the action's
 * error (and the cleanup in `finally`), not through this promise's rejection going unhandled.
 */
export function armed<T>(promise: Promise<T>): Promise<T> {
  promise.catch(() => undefined);
  return promise;
}

/** What page-probe.js keeps on `window.__bench`. */
export interface BenchWindow {
  __bench: {
    pointerDowns: { at: number; label: string }[];
    cells: { count: number; pointerDown: number; seenAt: number; paintedAt: number }[];
    remoteCalls: { id: string; at: number }[];
    remoteLoads: { id: string; at: number }[];
    /** Federation runtime hooks, in order (beforeRequest, afterLoadSnapshot, initContainer, onLoad, …). */
    federation: { hook: string; detail: string; at: number }[];
    /** Only with ?benchProfile=1: React commits, Redux actions and store subscriptions. */
    commits?: { at: number; components: number }[];
    actions?: { type: string; at: number }[];
    storeEvents?: { kind: 'subscribed' | 'notified' | 'unsubscribed'; at: number }[];
    slowEvents: { name: string; startTime: number; duration: number; processingEnd: number }[];
    /** Set by ?benchWatch=<state> once that state is painted. */
    watched?: PaintedState | null;
    whenPainted(state: string): Promise<PaintedState>;
    cellsPainted(n: number): Promise<number>;
  };
}

/** Waits until `expression` is true in the page, polling every 20 ms (no per-frame polling that would load the main thread). */
export async function waitInPage(page: Page, expression: string, what: string, timeoutMs = ACTION_TIMEOUT_MS): Promise<void> {
  try {
    await page.waitForFunction(expression, undefined, { polling: 20, timeout: timeoutMs });
  } catch (error) {
    throw new Error(`${what}: ${(error as Error).message.split('\n')[0]}`);
  }
}
