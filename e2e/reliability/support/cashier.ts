// The cashier steps the browser reliability tests repeat, in either host shell, against a given remote.
import type { BrowserContext, Locator, Page } from 'playwright-core';
import { type E2EBrowser, launchBrowser, type LaunchOptions, type TrackedPage, track, urls, waitVisible } from '../../browser';
import { allowCompiledFunctions } from './observe';

export type Host = 'react' | 'vanilla';
export type FinalKind = 'succeeded' | 'failed' | 'unknown';

export const PASSWORDS: Record<string, string> = { 'acct-alice': '123456', 'acct-bob': '654321', 'acct-carol': '111111' };
export const CARDS: Record<string, string> = {
  'acct-alice': '6222020000000000018',
  'acct-bob': '6217000000000000020',
  'acct-carol': '6228480000000000034',
};

/** launchBrowser plus the helper compiled test functions need in the page (see allowCompiledFunctions). */
export async function launchReliabilityBrowser(options: LaunchOptions = {}): Promise<E2EBrowser> {
  const browser = await launchBrowser(options);
  await allowCompiledFunctions(browser.context);
  return browser;
}

/**
 * A page in a context of its own: its own cache, storage and offline switch, and its own window, so it is never a
 * background tab (which gets no animation frames, and Playwright waits for those before clicking).
 */
export async function isolatedPage(browser: E2EBrowser): Promise<{ tab: TrackedPage; context: BrowserContext }> {
  const context = await browser.browser.newContext({ locale: 'en-US' });
  context.setDefaultTimeout(Number(process.env.E2E_TIMEOUT_MS ?? 15_000));
  await allowCompiledFunctions(context);
  return { tab: track(await context.newPage()), context };
}

export function hostPageUrl(host: Host, manifest: string, params: Record<string, string> = {}, base?: string): string {
  const url = new URL('/', base ?? (host === 'react' ? urls.reactHost : urls.vanillaHost));
  for (const [key, value] of Object.entries({ remote: manifest, locale: 'en-US', ...params })) url.searchParams.set(key, value);
  return url.href;
}

export const payButton = (page: Page) => page.getByRole('button', { name: 'Pay', exact: true });
export const passwordDialog = (page: Page) => page.getByRole('dialog', { name: 'Enter payment password' });
const TITLES: Record<FinalKind, string> = { succeeded: 'Payment successful', failed: 'Payment failed', unknown: 'Payment result unknown' };
export const resultDialog = (page: Page, kind: FinalKind) => page.getByRole('dialog', { name: TITLES[kind] });

export interface Order {
  account: string;
  /** Yuan, as typed in the host form: '100.00'. */
  amount: string;
  card?: string;
}

/** Fills the host's order form and opens the cashier; resolves when "Pay" shows. */
export async function checkOut(tab: TrackedPage, host: Host, order: Order): Promise<void> {
  const { page } = tab;
  await page.getByLabel('Payer account ID').fill(order.account);
  await page.getByLabel('Payer card').fill(order.card ?? CARDS[order.account] ?? '');
  await page.getByLabel('Order amount (CNY)').fill(order.amount);
  await page.getByRole('button', { name: host === 'react' ? /^Check out/ : 'Open cashier' }).click();
  await waitVisible(tab, payButton(page), 'the cashier "Pay" button');
}

/** Types the password on the cashier's keyboard: with the physical keys or by clicking its buttons. */
export async function enterPassword(tab: TrackedPage, password: string, via: 'keys' | 'clicks' = 'keys'): Promise<void> {
  const dialog = passwordDialog(tab.page);
  await waitVisible(tab, dialog, 'the password dialog');
  if (via === 'keys') {
    await dialog.focus();
    await tab.page.keyboard.type(password);
  } else {
    for (const digit of password) await dialog.getByRole('button', { name: digit, exact: true }).click();
  }
}

/** Waits for the result dialog, whichever it is. */
export async function finalKind(tab: TrackedPage, timeoutMs = 20_000): Promise<FinalKind> {
  const kinds: FinalKind[] = ['succeeded', 'failed', 'unknown'];
  const any = resultDialog(tab.page, 'succeeded').or(resultDialog(tab.page, 'failed')).or(resultDialog(tab.page, 'unknown'));
  await waitVisible(tab, any.first(), 'a payment result dialog', timeoutMs);
  for (const kind of kinds) if (await resultDialog(tab.page, kind).isVisible()) return kind;
  throw new Error('a result dialog showed and vanished');
}

/**
 * Closes the result dialog ("Done", or "Close" on a failure), which ends the flow and hands the reminder over.
 * `waitGone`: wait for the dialog to leave (openCashier removes it; see double-actions.e2e.ts for CashierPage).
 */
export async function closeResult(tab: TrackedPage, kind: FinalKind, waitGone = true): Promise<void> {
  const dialog = resultDialog(tab.page, kind);
  await dialog.getByRole('button', { name: kind === 'failed' ? 'Close' : 'Done', exact: true }).click();
  if (waitGone) await dialog.waitFor({ state: 'detached' });
}

export interface ShownReminder {
  status: string;
  orderId: string;
  paymentId?: string;
  code?: string;
  message: string;
}

/** The reminder the host printed (both shells print it in <pre data-testid="reminder">). */
export async function shownReminder(tab: TrackedPage, orderId: string): Promise<ShownReminder> {
  const pre = tab.page.getByTestId('reminder').filter({ hasText: orderId });
  await waitVisible(tab, pre, `the reminder of ${orderId}`);
  return JSON.parse((await pre.textContent()) ?? '{}') as ShownReminder;
}

/** The order id the cashier sent in its first pre-verification since the last clear(). */
export function sentOrderId(tab: TrackedPage): string | undefined {
  const preverify = tab.requests.find((r) => r.method === 'POST' && r.url.endsWith('/api/cashier/preverify') && r.postData);
  return preverify ? (JSON.parse(preverify.postData ?? '{}') as { payment?: { orderId?: string } }).payment?.orderId : undefined;
}

/** POST /pay requests since clear(), with their Idempotency-Key. */
export function payRequests(tab: TrackedPage): { key: string | undefined; body: string | null }[] {
  return tab.requests
    .filter((r) => r.method === 'POST' && r.url.endsWith('/api/cashier/pay'))
    .map((r) => ({ key: r.headers['idempotency-key'], body: r.postData }));
}

/** Status queries since clear(), with the idempotency key each carried. */
export function statusQueries(tab: TrackedPage): (string | null)[] {
  return tab.requests.filter((r) => r.url.includes('/api/cashier/payments/status')).map((r) => new URL(r.url).searchParams.get('idempotencyKey'));
}

export async function visibleText(locator: Locator): Promise<string> {
  return ((await locator.textContent()) ?? '').replace(/\s+/g, ' ').trim();
}
