// Keypress -> painted cell on the password keyboard in the react-host (information: no ratio target).
import type { Browser, Page } from 'playwright-core';
import { resetMock } from '../e2e/browser';
import { armed, type BenchWindow, pageUrl, probedContext, tap, whenPainted } from './browser';
import type { BenchStack } from './setup';
import { type Summary, summarize } from './stats';

export interface KeypressResult {
  /** pointerdown (event.timeStamp) -> the frame that shows one more filled cell is painted. */
  pointerToPaint: Summary;
  /** Key interactions Event Timing reported (it reports only those of 16 ms or more, rounded to 8 ms). */
  eventTimingOver16ms: { count: number; of: number; worst: number };
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

