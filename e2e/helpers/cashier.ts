// Driving the cashier through the host shells the way a person does: by role and accessible name
// (docs/api.md, What a person sees).
import assert from 'node:assert/strict';
import type { Locator, Page } from 'playwright-core';
import { reactHostUrl, type TrackedPage, urls, vanillaHostUrl, waitVisible } from '../browser';

export type HostName = 'react' | 'vanilla';
export const HOSTS: readonly HostName[] = ['react', 'vanilla'];
export const CLIENT_ID: Record<HostName, string> = { react: 'react-host', vanilla: 'vanilla-host' };

export const ALICE = { account: 'acct-alice', card: '6222020000000000018', secondCard: '6225880000000000044', password: '123456' };
export const BOB = { account: 'acct-bob', card: '6217000000000000020', password: '654321' };
export const CAROL = { account: 'acct-carol', card: '6228480000000000034', password: '111111' };

/** The reminder of docs/api.md, Options and results, as the host shells print it. */
export interface Reminder {
  status: 'succeeded' | 'failed' | 'verification_failed' | 'cancelled' | 'unknown';
  orderId: string;
  paymentId?: string;
  amount: { amount: number; currency: string };
  method?: string;
  code?: string;
  message: string;
  failedChecks?: { key: string; message: string; correctionUrl?: string }[];
  at: string;
}

export const payButton = (page: Page) => page.getByRole('button', { name: 'Pay', exact: true });
export const dialogNamed = (page: Page, name: string) => page.getByRole('dialog', { name, exact: true });
export const passwordDialog = (page: Page) => dialogNamed(page, 'Enter payment password');

const checkoutButton = (page: Page, host: HostName) =>
  host === 'react' ? page.getByRole('button', { name: /^Check out/ }) : page.getByRole('button', { name: 'Open cashier' });

/** Opens a host page for one order and starts the checkout; resolves once the cashier shows "Pay" (or `payName`). */
export async function openCheckout(tab: TrackedPage, host: HostName, params: Record<string, string> = {}, payName = 'Pay'): Promise<void> {
  const url = host === 'react' ? reactHostUrl(params) : vanillaHostUrl(params);
  await tab.page.goto(url);
  await checkoutButton(tab.page, host).click();
  await waitVisible(tab, tab.page.getByRole('button', { name: payName, exact: true }), `the cashier "${payName}" button`);
}

/** Clicks the on-screen keys of the open password keyboard (or the given dialog). */
export async function clickKeys(page: Page, keys: string, dialog: Locator = passwordDialog(page)): Promise<void> {
  for (const key of keys) await dialog.getByRole('button', { name: key, exact: true }).click();
}

/** Pay → password dialog → the password by clicks. */
export async function payWithPassword(tab: TrackedPage, password: string): Promise<void> {
  await payButton(tab.page).click();
  await waitVisible(tab, passwordDialog(tab.page), 'the password dialog');
  await clickKeys(tab.page, password);
}

/** The reminder the host printed in <pre data-testid="reminder"> (both shells print the JSON they got). */
export async function readReminder(page: Page, status?: Reminder['status']): Promise<Reminder> {
  const pre = page.getByTestId('reminder');
  const wanted = (text: string) => text.includes('"status"') && (!status || text.includes(`"status": "${status}"`));
  let text = '';
  const deadline = Date.now() + 10_000;
  while (!wanted(text) && Date.now() < deadline) {
    await page.waitForTimeout(50);
    text = (await pre.textContent()) ?? '';
  }
  assert.ok(wanted(text), `the host printed a ${status ?? ''} reminder (got ${JSON.stringify(text)})`);
  return JSON.parse(text) as Reminder;
}

const ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/;

/** docs/api.md, Options and results: the fields every reminder has, and the ones given here exactly. */
export function assertReminder(reminder: Reminder, expected: Partial<Reminder>, orderPrefix: string): void {
  assert.match(reminder.orderId, new RegExp(`^${orderPrefix}-`), 'orderId is the host order');
  assert.match(reminder.at, ISO, 'at is ISO 8601');
  assert.ok(Math.abs(Date.parse(reminder.at) - Date.now()) < 5 * 60_000, 'at is now');
  assert.equal(typeof reminder.message, 'string');
  assert.ok(reminder.message.length > 0, 'message is not empty');
  assert.ok(Number.isInteger(reminder.amount.amount), 'amount is integer minor units');
  const allowed = ['status', 'orderId', 'paymentId', 'amount', 'method', 'code', 'message', 'failedChecks', 'at'];
  assert.deepEqual(
    Object.keys(reminder).filter((k) => !allowed.includes(k)),
    [],
    'no field outside the PaymentReminder of docs/api.md',
  );
  for (const [key, value] of Object.entries(expected)) {
    assert.deepEqual(reminder[key as keyof Reminder], value, `reminder.${key}`);
  }
}

// --- network log ---

export const apiPath = (path: string) => `${urls.cashier}/api/cashier${path}`;
export const requestsTo = (tab: TrackedPage, path: string) => tab.requests.filter((r) => r.url.split('?')[0] === apiPath(path));

/** Files of the remote origin fetched so far, by file name. */
export const remoteFiles = (tab: TrackedPage) =>
  tab.requests.filter((r) => r.url.startsWith(urls.cashier) && !r.url.includes('/api/')).map((r) => new URL(r.url).pathname.slice(1));
