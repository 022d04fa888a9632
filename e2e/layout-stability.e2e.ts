// Layout stability and one sheet at a time, in the real host shells (react and vanilla/openCashier): from the click
// that opens the cashier to the result, the cumulative layout shift (every layout-shift entry, after input too) is 0,
// and no more than one sheet shows at each step. Flows: password, verification failed then another card, and the
// password flow on a slow server (every answer delayed, so skeletons and late texts show).
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Locator } from 'playwright-core';
import { type E2EBrowser, launchBrowser, reactHostUrl, resetMock, setScenario, type TrackedPage, vanillaHostUrl, waitVisible } from './browser';
import { ALICE, clickKeys, dialogNamed, HOSTS, type HostName, payButton, passwordDialog } from './helpers/cashier';
import { cumulative, describeShifts, recordLayoutShifts, shiftMark, shiftsSince } from './helpers/layout-shift';
import { sheetProblem } from './helpers/sheets';

/** How long the slow scenario holds each answer: long enough for a skeleton to be seen, short enough for the suite. */
const SLOW_MS = 1500;
const SUCCESS = 'Payment successful';

let browser: E2EBrowser;
let tab: TrackedPage;

before(async () => {
  browser = await launchBrowser({ context: { viewport: { width: 375, height: 812 } } });
  tab = await browser.newPage();
  await recordLayoutShifts(tab.page);
});
after(() => browser?.close());

interface Run {
  /** One line per step that showed other than one sheet. */
  sheetProblems: string[];
  step(name: string): Promise<void>;
}

/** Opens the host page and clicks its checkout button; layout shifts count from that click. */
async function openCashier(host: HostName, params: Record<string, string>): Promise<{ run: Run; from: number }> {
  await tab.page.goto(host === 'react' ? reactHostUrl(params) : vanillaHostUrl(params));
  const checkout = host === 'react' ? tab.page.getByRole('button', { name: /^Check out/ }) : tab.page.getByRole('button', { name: 'Open cashier' });
  await checkout.waitFor();
  const from = await shiftMark(tab.page);
  await checkout.click();
  const run: Run = {
    sheetProblems: [],
    async step(name) {
      const problem = await sheetProblem(tab.page, name);
      if (problem) run.sheetProblems.push(problem);
    },
  };
  await waitVisible(tab, payButton(tab.page), 'the Pay button');
  await run.step('cashier open');
  return { run, from };
}

async function enterPassword(run: Run): Promise<void> {
  const dialog = passwordDialog(tab.page);
  await waitVisible(tab, dialog, 'the password step');
  await run.step('password');
  await clickKeys(tab.page, ALICE.password, dialog);
}

async function awaitResult(run: Run, name: string): Promise<Locator> {
  const result = dialogNamed(tab.page, name);
  await waitVisible(tab, result, `the "${name}" result`, SLOW_MS * 6);
  await run.step('result');
  return result;
}

/** Fails with every shift (value, time, sources) and every step with other than one sheet. */
async function assertSteady(run: Run, from: number, t: { diagnostic(message: string): void }): Promise<void> {
  const shifts = await shiftsSince(tab.page, from);
  const cls = cumulative(shifts);
  t.diagnostic(`CLS ${cls.toFixed(4)} over ${shifts.length} shift(s)`);
  const problems = [
    ...(cls === 0 ? [] : [`cumulative layout shift ${cls.toFixed(4)} (must be 0):\n${describeShifts(shifts)}`]),
    ...run.sheetProblems.map((problem) => `one sheet at a time, ${problem}`),
  ];
  if (problems.length) assert.fail(problems.join('\n'));
}

for (const host of HOSTS) {
  describe(`${host} host`, () => {
    test('password flow: open, Pay, password, success', async (t) => {
      await resetMock();
      const { run, from } = await openCashier(host, { account: ALICE.account, amount: '100.00' });
      await payButton(tab.page).click();
      await enterPassword(run);
      await awaitResult(run, SUCCESS);
      await assertSteady(run, from, t);
    });

    test('verification failed: over the limit, another card, password, success', async (t) => {
      await resetMock();
      const { run, from } = await openCashier(host, { account: ALICE.account, amount: '2000.00' });
      await payButton(tab.page).click();
      const failed = dialogNamed(tab.page, 'Verification failed');
      await waitVisible(tab, failed, 'the verification-failed step');
      await run.step('verification failed');
      const select = failed.getByLabel('Pay with another card');
      const label = (await select.locator('option').allTextContents()).find((text) => text.trim().endsWith(ALICE.secondCard.slice(-4)));
      assert.ok(label, 'the card switcher offers the second card');
      await select.selectOption({ label });
      await failed.getByRole('button', { name: 'Pay again' }).click();
      await enterPassword(run);
      await awaitResult(run, SUCCESS);
      await assertSteady(run, from, t);
    });

    test(`slow server (every answer ${SLOW_MS} ms late): open, Pay, password, success`, async (t) => {
      await resetMock();
      await setScenario('slow', { delayMs: SLOW_MS });
      try {
        const { run, from } = await openCashier(host, { account: ALICE.account, amount: '100.00' });
        await payButton(tab.page).click();
        await enterPassword(run);
        await awaitResult(run, SUCCESS);
        await assertSteady(run, from, t);
      } finally {
        await resetMock();
      }
    });
  });
}
