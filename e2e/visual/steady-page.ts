// A page that gives the same pixels on every run: reduced motion, no animation or transition, no caret, fonts
// loaded, no request in flight, the DOM still, a fixed clock.
import type { Page } from 'playwright-core';

/** Injected for the screenshot: every animation and transition finishes at once, no caret blinks. */
export const STEADY_CSS = `*, *::before, *::after {
  animation-duration: 0s !important; animation-delay: 0s !important; animation-iteration-count: 1 !important;
  transition-duration: 0s !important; transition-delay: 0s !important; caret-color: transparent !important;
}`;

/** Counts the page's requests in flight (started, not yet finished or failed). */
export function trackInflight(page: Page): () => number {
  const inflight = new Set<unknown>();
  page.on('request', (request) => inflight.add(request));
  page.on('requestfinished', (request) => inflight.delete(request));
  page.on('requestfailed', (request) => inflight.delete(request));
  return () => inflight.size;
}

/** Waits until no request has been in flight for `quietMs` (polled, so a chain of requests counts as one wait). */
export async function waitForNetworkIdle(page: Page, inflight: () => number, quietMs = 100, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let idleSince = inflight() === 0 ? Date.now() : 0;
  while (!idleSince || Date.now() - idleSince < quietMs) {
    if (Date.now() > deadline) throw new Error(`${inflight()} request(s) still in flight after ${timeoutMs} ms`);
    await page.waitForTimeout(50);
    if (inflight() > 0) idleSince = 0;
    else if (!idleSince) idleSince = Date.now();
  }
}

/** Web fonts loaded and two frames painted since, so the screenshot shows the laid-out page. */
export function waitForFontsAndPaint(page: Page): Promise<void> {
  return page.evaluate(() =>
    document.fonts.ready.then(() => new Promise<void>((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => resolve())))),
  );
}
