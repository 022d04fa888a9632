// Targets 3 and 4 in the react-host: keypress -> painted cell on the password keyboard; Pay -> success dialog.
import type { Browser, BrowserContext, Page, Response } from 'playwright-core';
import { resetMock } from '../e2e/browser';
import { armed, type BenchWindow, pageUrl, probedContext, tap, whenPainted } from './browser';
import type { BenchStack } from './setup';
import { coveredLength, type Interval, round, type Summary, summarize } from './stats';

const PASSWORD = '123456'; // acct-alice's, from the fixtures of docs/api.md, The mock payment server

export interface KeypressResult {
  /** pointerdown (event.timeStamp) -> the frame that shows one more filled cell is painted. */
  pointerToPaint: Summary;
  /** Key interactions Event Timing reported (it reports only those of 16 ms or more, rounded to 8 ms). */
  eventTimingOver16ms: { count: number; of: number; worst: number };
}

export interface ServerRequest {
  path: string;
  serverMs: number;
}

export interface PayRun {
  totalMs: number;
  serverMs: number;
  clientMs: number;
  payToKeyboardMs: number;
  lastKeyToResultMs: number;
  requests: ServerRequest[];
}

export interface PayResult {
  total: Summary;
  server: Summary;
  client: Summary;
  payToKeyboard: Summary;
  lastKeyToResult: Summary;
  /** The API calls on the measured windows of the median run, with the mock's own Server-Timing. */
  medianRunRequests: ServerRequest[];
}

const bench = (page: Page) => page.evaluate(() => (window as unknown as BenchWindow).__bench);
const keyboard = (page: Page) => page.getByRole('dialog', { name: 'Enter payment password' });
const key = (page: Page, digit: string) => keyboard(page).getByRole('button', { name: digit, exact: true });

/** react-host with the order of acct-alice, up to the painted password keyboard; returns once its challenge is in. */
async function openKeyboard(page: Page, stack: BenchStack): Promise<void> {
  await page.goto(pageUrl(stack.reactHostUrl, { remote: stack.manifestUrl, locale: 'en-US', methods: 'password', account: 'acct-alice' }));
  await page.getByRole('button', { name: /^Check out/ }).click();
  const pay = page.getByRole('button', { name: 'Pay', exact: true });
  await pay.waitFor();
  const challenge = armed(page.waitForResponse((r) => r.url().includes('/password/challenge')));
  const painted = whenPainted(page, 'keyboard');
  await tap(page, pay);
  await painted;
  await challenge;
}

/** Types digits 1-5 and wipes them, again and again: every digit is one sample (the sixth would submit). */
export async function measureKeypress(browser: Browser, stack: BenchStack, samples: number): Promise<KeypressResult> {
  const context = await probedContext(browser);
  try {
    await resetMock(stack.cashierUrl);
    const page = await context.newPage();
    await openKeyboard(page, stack);
    const digits = '12345';
    let recorded = 0;
    const warmUp = 5;
    while (recorded < samples + warmUp) {
      for (const digit of digits) {
        const painted = armed(page.evaluate((n) => (window as unknown as BenchWindow).__bench.cellsPainted(n), recorded + 1));
        await tap(page, key(page, digit));
        recorded = await painted;
        await page.waitForTimeout(30);
      }
      for (let i = 0; i < digits.length; i++) await page.keyboard.press('Backspace');
      await page.waitForFunction(() => document.querySelectorAll('.cashier-pk-filled').length === 0, undefined, { polling: 50 });
      await page.waitForTimeout(50);
    }
    const { cells, slowEvents, pointerDowns } = await bench(page);
    const measured = cells.slice(warmUp);
    const firstMeasured = measured[0]?.pointerDown ?? 0;
    const keyEvents = slowEvents.filter((e) => ['pointerdown', 'pointerup', 'click'].includes(e.name) && e.startTime >= firstMeasured - 1);
    const interactions = pointerDowns.filter((p) => p.at >= firstMeasured - 1 && /^[0-9]$/.test(p.label.trim())).length;
    const over = new Set(keyEvents.map((e) => Math.round(e.startTime)));
    return {
      pointerToPaint: summarize(measured.map((cell) => cell.paintedAt - cell.pointerDown)),
      eventTimingOver16ms: { count: over.size, of: interactions, worst: Math.max(0, ...keyEvents.map((e) => e.duration)) },
    };
  } finally {
    await context.close();
  }
}

interface TimedResponse {
  path: string;
  serverMs: number;
  /** When the mock was handling it, in epoch ms: [responseStart - serverMs, responseStart]. */
  start: number;
  end: number;
}

function recordApi(page: Page, apiUrl: string): TimedResponse[] {
  const seen: TimedResponse[] = [];
  page.on('response', (response: Response) => {
    const url = response.url();
    if (!url.startsWith(apiUrl)) return;
    const path = new URL(url).pathname.slice(new URL(apiUrl).pathname.length);
    // Buried points and the message-push stream run beside the flow, not in its way.
    if (path === '/track' || path.startsWith('/events') || response.request().method() === 'OPTIONS') return;
    const match = /app;dur=([\d.]+)/.exec(response.headers()['server-timing'] ?? '');
    const timing = response.request().timing();
    if (!match || timing.responseStart < 0) return;
    const serverMs = Number(match[1]);
    const end = timing.startTime + timing.responseStart;
    seen.push({ path, serverMs, start: end - serverMs, end });
  });
  return seen;
}

async function payOnce(context: BrowserContext, stack: BenchStack): Promise<PayRun> {
  await resetMock(stack.cashierUrl);
  const page = await context.newPage();
  try {
    const responses = recordApi(page, stack.apiUrl);
    await page.goto(pageUrl(stack.reactHostUrl, { remote: stack.manifestUrl, locale: 'en-US', methods: 'password', account: 'acct-alice' }));
    await page.getByRole('button', { name: /^Check out/ }).click();
    const pay = page.getByRole('button', { name: 'Pay', exact: true });
    await pay.waitFor();
    const challenge = armed(page.waitForResponse((r) => r.url().includes('/password/challenge')));
    const keyboardPainted = whenPainted(page, 'keyboard');
    await tap(page, pay);
    const keyboardAt = (await keyboardPainted).paintedAt;
    const payAt = (await bench(page)).pointerDowns.findLast((p) => p.label.trim() === 'Pay')!.at;
    await challenge; // a person types for longer than the challenge takes
    for (const digit of PASSWORD.slice(0, -1)) {
      const painted = armed(page.evaluate((n) => (window as unknown as BenchWindow).__bench.cellsPainted(n), PASSWORD.indexOf(digit) + 1));
      await tap(page, key(page, digit));
      await painted;
    }
    const resultPainted = whenPainted(page, 'success');
    await tap(page, key(page, PASSWORD.at(-1)!));
    const resultAt = (await resultPainted).paintedAt;
    const lastKeyAt = (await bench(page)).pointerDowns.at(-1)!.at;
    const origin = await page.evaluate(() => performance.timeOrigin);
    const windows: Interval[] = [
      { start: payAt, end: keyboardAt },
      { start: lastKeyAt, end: resultAt },
    ];
    const inPage = responses.map((r) => ({ ...r, start: r.start - origin, end: r.end - origin }));
    const inWindows = inPage.filter((r) => windows.some((w) => r.end > w.start && r.start < w.end));
    const totalMs = keyboardAt - payAt + (resultAt - lastKeyAt);
    const serverMs = coveredLength(inWindows, windows);
    return {
      totalMs,
      serverMs,
      clientMs: totalMs - serverMs,
      payToKeyboardMs: keyboardAt - payAt,
      lastKeyToResultMs: resultAt - lastKeyAt,
      requests: inWindows.map((r) => ({ path: r.path, serverMs: round(r.serverMs, 2) })),
    };
  } finally {
    await page.close();
  }
}

/** Pay -> keyboard painted, plus last digit -> success dialog painted: the person's typing is not counted. */
export async function measurePay(browser: Browser, stack: BenchStack, runs: number): Promise<PayResult> {
  const context = await probedContext(browser);
  try {
    await payOnce(context, stack); // warm-up: the page's code is in the HTTP cache afterwards, as for a returning shopper
    const results: PayRun[] = [];
    for (let i = 0; i < runs; i++) results.push(await payOnce(context, stack));
    const client = summarize(results.map((r) => r.clientMs));
    const byClient = [...results].sort((a, b) => a.clientMs - b.clientMs);
    return {
      total: summarize(results.map((r) => r.totalMs)),
      server: summarize(results.map((r) => r.serverMs)),
      client,
      payToKeyboard: summarize(results.map((r) => r.payToKeyboardMs)),
      lastKeyToResult: summarize(results.map((r) => r.lastKeyToResultMs)),
      medianRunRequests: byClient[Math.floor(byClient.length / 2)]?.requests ?? [],
    };
  } finally {
    await context.close();
  }
}
