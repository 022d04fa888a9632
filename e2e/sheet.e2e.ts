// One cashier sheet whose content swaps (openCashier in the vanilla host, CashierPage in the React host): exactly one
// visible sheet at every step, focus on each step's heading, Escape and the one × cancel, Back to the summary, the
// Pay button's amount and spinner (its name stays "Pay"), the "Paying…" step, the payee placeholder, and no layout
// shift from opening to the result (a PerformanceObserver on 'layout-shift').
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Page } from 'playwright-core';
import { type E2EBrowser, getCharges, launchBrowser, resetMock, setScenario, type TrackedPage, waitVisible } from './browser';
import { STILL_CHECKING_AFTER_MS } from '../src/pages/cashier-page/still-checking';
import { ALICE, clickKeys, dialogNamed, HOSTS, type HostName, openCheckout, passwordDialog, payButton, readReminder } from './helpers/cashier';

/**
 * A payment answer slow enough that the Paying… step's "still checking" line (shown after STILL_CHECKING_AFTER_MS)
 * stays on screen for 3 s: with a 3.5 s answer it showed for half a second at most, and on a loaded machine the answer
 * could come first, or Playwright's polling (every 500 ms once a wait is long) could miss it.
 */
const SLOW_PAY_MS = STILL_CHECKING_AFTER_MS + 3000;

let browser: E2EBrowser;
let tab: TrackedPage;

before(async () => {
  browser = await launchBrowser({ context: { viewport: { width: 375, height: 812 } } });
  tab = await browser.newPage();
  // tsx names the helper functions inside page.evaluate callbacks with __name, which the page does not have.
  await tab.page.addInitScript({ content: 'globalThis.__name = globalThis.__name || ((fn) => fn);' });
  // Every layout shift of the page, with its time and whether it followed input (as CLS counts them).
  await tab.page.addInitScript(() => {
    const shifts: { value: number; at: number; recentInput: boolean; sources: string[] }[] = [];
    (window as unknown as { __shifts: typeof shifts }).__shifts = shifts;
    type Shift = { value: number; startTime: number; hadRecentInput: boolean; sources?: { node?: Node | null; previousRect: DOMRectReadOnly; currentRect: DOMRectReadOnly }[] };
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries() as unknown as Shift[]) {
        // What moved, for the failure message: element, class and its box before → after.
        const sources = (entry.sources ?? []).map((source) => {
          const el = source.node instanceof Element ? source.node : source.node?.parentElement;
          const box = (r: DOMRectReadOnly) => `${Math.round(r.x)},${Math.round(r.y)} ${Math.round(r.width)}x${Math.round(r.height)}`;
          return `${el?.tagName ?? '?'}.${el?.className ?? ''} ${box(source.previousRect)} → ${box(source.currentRect)}`;
        });
        shifts.push({ value: entry.value, at: entry.startTime, recentInput: entry.hadRecentInput, sources });
      }
    }).observe({ type: 'layout-shift', buffered: true });
  });
});

after(() => browser?.close());

interface SheetCount {
  /** Visible elements with role="dialog", through open shadow roots. */
  dialogs: number;
  /** Visible fixed overlays covering the viewport (a sheet's backdrop). */
  overlays: number;
  /** Visible "Close"/"Cancel"/"关闭"/"取消" buttons (the ×). */
  closeButtons: number;
  /** Names of the visible dialogs. */
  names: string[];
}

/** Counts what is visible, walking open shadow roots (the cashier renders in one). */
function countSheets(page: Page): Promise<SheetCount> {
  return page.evaluate(() => {
    const all: Element[] = [];
    const walk = (root: Document | ShadowRoot) => {
      for (const el of Array.from(root.querySelectorAll('*'))) {
        all.push(el);
        if (el.shadowRoot) walk(el.shadowRoot);
      }
    };
    walk(document);
    const visible = (el: Element) => {
      const box = el.getBoundingClientRect();
      const style = getComputedStyle(el);
      return box.width > 0 && box.height > 0 && style.visibility !== 'hidden' && style.display !== 'none' && Number(style.opacity) > 0;
    };
    const rootOf = (el: Element) => el.getRootNode() as Document | ShadowRoot;
    const nameOf = (el: Element) => {
      const ids = el.getAttribute('aria-labelledby');
      if (ids) return ids.split(/\s+/).map((id) => rootOf(el).getElementById?.(id)?.textContent ?? '').join(' ').trim();
      return el.getAttribute('aria-label') ?? '';
    };
    const dialogs = all.filter((el) => el.getAttribute('role') === 'dialog' && visible(el));
    const overlays = all.filter((el) => {
      if (!visible(el) || getComputedStyle(el).position !== 'fixed') return false;
      const box = el.getBoundingClientRect();
      return box.width >= window.innerWidth && box.height >= window.innerHeight;
    });
    const closeButtons = all.filter(
      (el) => el.tagName === 'BUTTON' && /^(Close|Cancel|关闭|取消)$/.test(el.getAttribute('aria-label') ?? el.textContent?.trim() ?? '') && visible(el),
    );
    return { dialogs: dialogs.length, overlays: overlays.length, closeButtons: closeButtons.length, names: dialogs.map(nameOf) };
  });
}

/** One sheet: vanilla (openCashier) always one dialog on one backdrop; react (CashierPage) no overlay, a dialog while a step shows. */
async function assertOneSheet(host: HostName, step: string, isDialogStep: boolean) {
  const count = await countSheets(tab.page);
  if (host === 'vanilla') {
    assert.equal(count.dialogs, 1, `${step}: exactly one visible dialog (got ${JSON.stringify(count.names)})`);
    assert.equal(count.overlays, 1, `${step}: exactly one backdrop`);
    assert.equal(count.closeButtons, 1, `${step}: one ×`);
  } else {
    assert.equal(count.dialogs, isDialogStep ? 1 : 0, `${step}: ${isDialogStep ? 'one' : 'no'} visible dialog (got ${JSON.stringify(count.names)})`);
    assert.equal(count.overlays, 0, `${step}: no overlay on the inline page`);
    assert.equal(count.closeButtons, isDialogStep ? 1 : 0, `${step}: ${isDialogStep ? 'one ×' : 'no ×'}`);
  }
  if (isDialogStep) assert.equal(await payButton(tab.page).count(), 0, `${step}: no Pay button behind the step`);
}

/** The focused element through shadow roots: its tag and text. */
const focused = (page: Page) =>
  page.evaluate(() => {
    let at: Element | null = document.activeElement;
    while (at?.shadowRoot?.activeElement) at = at.shadowRoot.activeElement;
    return { tag: at?.tagName ?? '', text: at?.textContent?.trim() ?? '' };
  });

async function assertFocusOnHeading(name: string) {
  // Focus moves in an effect after the step shows: poll briefly instead of a fixed wait.
  let at = await focused(tab.page);
  for (let i = 0; i < 40 && !(at.tag === 'H2' && at.text === name); i++) {
    await tab.page.waitForTimeout(25);
    at = await focused(tab.page);
  }
  assert.deepEqual(at, { tag: 'H2', text: name }, `focus is on the heading "${name}"`);
}

/** Layout shifts not caused by input since `since` (performance.now()), as CLS counts them, and what moved. */
async function shiftsSince(since: number): Promise<{ total: number; moved: string[] }> {
  const shifts = await tab.page.evaluate(
    () => (window as unknown as { __shifts: { value: number; at: number; recentInput: boolean; sources: string[] }[] }).__shifts,
  );
  // The inline surface moved as a whole (and nothing in it moved otherwise): the host page changed above it (the React
  // host prints its reminder above the cashier when the flow ends), not the cashier.
  const wholeSurface = (s: { sources: string[] }) => s.sources.length > 0 && s.sources.every((source) => source.startsWith('DIV.cashier-shell cashier-sheet cashier-sheet--inline '));
  const counted = shifts.filter((s) => s.at >= since && !s.recentInput && !wholeSurface(s));
  return { total: counted.reduce((sum, s) => sum + s.value, 0), moved: counted.flatMap((s) => s.sources) };
}

async function assertNoLayoutShift(since: number, what: string) {
  const { total, moved } = await shiftsSince(since);
  assert.equal(total, 0, `${what}: cumulative layout shift ${total.toFixed(4)}; moved: ${moved.join('; ')}`);
}

const now = () => tab.page.evaluate(() => performance.now());

for (const host of HOSTS) {
  describe(`${host} host (${host === 'vanilla' ? 'openCashier' : 'CashierPage'})`, () => {
    test('one sheet at every step of a password payment on a slow server; the Paying… step; no layout shift', async () => {
      await resetMock();
      tab.clear();
      // Resources, pre-verification and the payment each take long: every waiting state shows.
      await setScenario('slow', { delayMs: 3500, endpoints: ['page-resources', 'preverify', 'pay'] });
      const start = await now();
      await openCheckout(tab, host, { account: ALICE.account, amount: '100.00' });
      await assertOneSheet(host, 'summary', false);
      if (host === 'vanilla') await assertFocusOnHeading('Cashier');

      // The payee is a placeholder until the resources arrive, never the raw id.
      const sheetText = async () => (await tab.page.locator('[data-page-id="cashier"]').first().textContent()) ?? '';
      assert.doesNotMatch(await sheetText(), /merchant-001/, 'the raw payee id is never shown');
      await waitVisible(tab, tab.page.getByText('Merchant 001'), 'the payee display name', 15_000);

      // "Pay ¥100.00" to the eye, "Pay" by name; a spinner while pre-verifying, with readable contrast.
      const pay = payButton(tab.page);
      assert.match((await pay.textContent()) ?? '', /Pay\s*¥100\.00/);
      await pay.click();
      await tab.page.locator('button[aria-busy="true"]').waitFor();
      const busy = await tab.page.locator('button[aria-busy="true"]').evaluate((button) => {
        const spinner = button.querySelector('.cashier-spinner');
        const style = getComputedStyle(button);
        return { spinner: spinner ? getComputedStyle(spinner).visibility : 'none', color: style.color, background: style.backgroundColor, opacity: style.opacity };
      });
      assert.equal(busy.spinner, 'visible', 'a spinner inside Pay while pre-verifying');
      assert.equal(busy.opacity, '1', 'the busy Pay is not faded');
      assert.ok(contrast(busy.color, busy.background) >= 4.5, `busy Pay text contrast ${contrast(busy.color, busy.background).toFixed(2)} ≥ 4.5`);
      assert.equal(await payButton(tab.page).count(), 1, 'still named "Pay" while busy');

      const keyboard = passwordDialog(tab.page);
      await waitVisible(tab, keyboard, 'the password step', 15_000);
      await keyboard.getByRole('button', { name: '1', exact: true }).waitFor();
      await assertOneSheet(host, 'password', true);
      await assertFocusOnHeading('Enter payment password');
      // What is being paid, at the top of the password step.
      const passwordText = (await keyboard.textContent()) ?? '';
      for (const part of ['¥100.00', 'Merchant 001', '•••• 0018']) assert.ok(passwordText.includes(part), `the password step shows ${part}`);

      // The payment answers late enough that the "still checking" line stays up for seconds, not a sliver of one.
      await setScenario('slow', { delayMs: SLOW_PAY_MS, endpoints: ['pay'] });
      await clickKeys(tab.page, ALICE.password);
      const paying = dialogNamed(tab.page, 'Paying…');
      await waitVisible(tab, paying, 'the Paying… step');
      await assertOneSheet(host, 'paying', true);
      await waitVisible(tab, paying.getByText('Still checking with the bank…'), '"Still checking with the bank…" after 3 s', 10_000);

      const success = dialogNamed(tab.page, 'Payment successful');
      await waitVisible(tab, success, 'the result step', 20_000);
      await assertOneSheet(host, 'result', true);
      await assertFocusOnHeading('Payment successful');
      await assertNoLayoutShift(start, 'from opening to the result');
      assert.equal((await getCharges()).length, 1);
      await setScenario('normal');
      await success.getByRole('button', { name: 'Done' }).click();
      await readReminder(tab.page, 'succeeded');
    });

    test('verification failed is a step of the same sheet; Back returns to the summary; Escape cancels', async () => {
      await resetMock();
      tab.clear();
      await openCheckout(tab, host, { account: ALICE.account, amount: '2000.00' });
      await tab.page.getByText('Merchant 001').waitFor();
      const start = await now();
      await payButton(tab.page).click();
      const failed = dialogNamed(tab.page, 'Verification failed');
      await waitVisible(tab, failed, 'the verification-failed step');
      await assertOneSheet(host, 'verification failed', true);
      await assertFocusOnHeading('Verification failed');

      await failed.getByRole('button', { name: 'Back', exact: true }).click();
      await waitVisible(tab, payButton(tab.page), 'the summary again');
      await assertOneSheet(host, 'summary after Back', false);
      await assertFocusOnHeading('Cashier');

      await assertNoLayoutShift(start, 'through verification failed and Back');

      // Escape on the step closes the whole cashier: the host hears verification_failed.
      await payButton(tab.page).click();
      await waitVisible(tab, failed, 'the verification-failed step again');
      await tab.page.keyboard.press('Escape');
      await readReminder(tab.page, 'verification_failed');
    });

    test('Back from the password step returns to the summary; Escape there cancels the whole cashier', async () => {
      await resetMock();
      tab.clear();
      await openCheckout(tab, host, { account: ALICE.account, amount: '100.00' });
      await tab.page.getByText('Merchant 001').waitFor();
      const start = await now();
      await openPasswordStepFromSummary();
      await passwordDialog(tab.page).getByRole('button', { name: 'Back', exact: true }).click();
      await waitVisible(tab, payButton(tab.page), 'the summary after Back from the password step');
      await assertOneSheet(host, 'summary after Back', false);
      await assertFocusOnHeading('Cashier');
      await openPasswordStepFromSummary();
      await assertFocusOnHeading('Enter payment password');
      await assertNoLayoutShift(start, 'through the password step, Back and again');
      await tab.page.keyboard.press('Escape');
      assert.equal((await readReminder(tab.page, 'cancelled')).status, 'cancelled');
      assert.equal((await getCharges()).length, 0);
    });

    test('the one × cancels from the password step', async () => {
      await resetMock();
      tab.clear();
      await openCheckout(tab, host, { account: ALICE.account, amount: '100.00' });
      await openPasswordStepFromSummary();
      await passwordDialog(tab.page).getByRole('button', { name: 'Cancel', exact: true }).click();
      await readReminder(tab.page, 'cancelled');
      assert.equal(await passwordDialog(tab.page).count(), 0);
    });
  });
}

test('zh-CN: the Paying… step and its "still checking" line in Chinese', async () => {
  await resetMock();
  tab.clear();
  await setScenario('slow', { delayMs: SLOW_PAY_MS, endpoints: ['pay'] });
  await openCheckout(tab, 'vanilla', { account: ALICE.account, amount: '100.00', locale: 'zh-CN' }, '支付');
  await tab.page.getByRole('button', { name: '支付', exact: true }).click();
  const keyboard = dialogNamed(tab.page, '请输入支付密码');
  await waitVisible(tab, keyboard, 'the password step "请输入支付密码"');
  await clickKeys(tab.page, ALICE.password, keyboard);
  const paying = dialogNamed(tab.page, '支付中…');
  await waitVisible(tab, paying, 'the step "支付中…"');
  await waitVisible(tab, paying.getByText('正在向银行确认，请稍候…'), 'the Chinese "still checking" line', 10_000);
  await waitVisible(tab, dialogNamed(tab.page, '支付成功'), 'the result "支付成功"', 20_000);
  await setScenario('normal');
});

async function openPasswordStepFromSummary() {
  await payButton(tab.page).click();
  const keyboard = passwordDialog(tab.page);
  await waitVisible(tab, keyboard, 'the password step');
  await keyboard.getByRole('button', { name: '1', exact: true }).waitFor();
}

/** WCAG contrast ratio of two computed `rgb()`/`rgba()` colours (the background taken as opaque). */
function contrast(foreground: string, background: string): number {
  const channels = (color: string) => (color.match(/[\d.]+/g) ?? []).slice(0, 3).map(Number);
  const luminance = (color: string) => {
    const [r, g, b] = channels(color).map((v) => {
      const c = v / 255;
      return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * (r ?? 0) + 0.7152 * (g ?? 0) + 0.0722 * (b ?? 0);
  };
  const [light, dark] = [luminance(foreground), luminance(background)].sort((a, b) => b - a) as [number, number];
  return (light + 0.05) / (dark + 0.05);
}
