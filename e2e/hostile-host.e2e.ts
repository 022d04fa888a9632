// A host page with hostile global CSS (a preflight reset, `button{all:unset}`, `input,select{all:unset}`, a big serif
// font, `div{line-height:3}`): for openCashier, mountCashier and CashierPage in the React host, the keypad, the Pay
// button and the dialogs look as they do on a plain host, the payment completes with one charge, and the host's own
// button is styled the same after the cashier opened and closed.
import assert from 'node:assert/strict';
import path from 'node:path';
import { after, before, test } from 'node:test';
import type { Locator, Page } from 'playwright-core';
import { type E2EBrowser, getCharges, launchBrowser, reactHostUrl, resetMock, type TrackedPage, vanillaHostUrl, waitVisible } from './browser';
import { ALICE, dialogNamed, passwordDialog, payButton, readReminder } from './helpers/cashier';

/** What a shop's global CSS does to every element it can reach. */
export const HOSTILE_CSS = `
*, ::before, ::after { box-sizing: border-box; border-width: 0; border-style: solid; margin: 0; padding: 0; }
html { font-size: 20px; line-height: 1.5; -webkit-text-size-adjust: 100%; tab-size: 4; }
body { font-family: Georgia, 'Times New Roman', serif; font-size: 22px; line-height: 2; letter-spacing: 0.08em; color: #5a3210; text-align: justify; }
h1, h2, h3, h4, h5, h6 { font-size: inherit; font-weight: inherit; }
ol, ul { list-style: none; }
img, svg, video, canvas { display: block; vertical-align: middle; max-width: 100%; height: auto; }
button, input, select, textarea { font: inherit; color: inherit; background: transparent; border-radius: 0; }
button, [type='button'], [type='submit'] { -webkit-appearance: button; background-color: transparent; background-image: none; }
button { all: unset; }
input, select { all: unset; }
div { line-height: 3; }
p { text-align: left; }
`;

type Style = 'openCashier' | 'mountCashier' | 'CashierPage';

interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

interface Key extends Box {
  name: string;
  /** How far the label's centre is from the key's centre. */
  dx: number;
  dy: number;
}

interface Look {
  page: Box;
  pay: Box & { contrast: number; color: string; background: string };
  password: Box;
  keys: Key[];
  success: Box;
  hostButtonBefore: Record<string, string>;
  hostButtonAfter: Record<string, string>;
  inShadowRoot: boolean;
  /** axe-core's violations with the password dialog open. */
  axe: string[];
}

const VIEWPORT = { width: 375, height: 812 };
/** Geometry of the same flow on the two hosts may differ by this much (sub-pixel rounding), no more. */
const SAME_PX = 1;
const CENTRED_PX = 6;

let browser: E2EBrowser;

before(async () => {
  // Reduced motion: the sheet's entrance would otherwise be measured mid-transform (looks, not motion, are compared here).
  browser = await launchBrowser({ context: { viewport: VIEWPORT, reducedMotion: 'reduce' } });
});

after(async () => {
  await browser?.close();
});

const hostButton = (page: Page, style: Style) =>
  style === 'CashierPage' ? page.getByRole('button', { name: /^Check out/ }) : page.getByRole('button', { name: 'Open cashier' });

/** Every computed property of an element, to compare before and after the cashier was there. */
function computedStyle(locator: Locator): Promise<Record<string, string>> {
  return locator.evaluate((el) => {
    const style = getComputedStyle(el);
    const all: Record<string, string> = {};
    for (const name of Array.from(style)) all[name] = style.getPropertyValue(name);
    return all;
  });
}

/** Waits until every stylesheet, also those mirrored into shadow roots, has loaded, and two frames were drawn. */
async function settled(page: Page): Promise<void> {
  await page.waitForFunction(() => {
    const roots: ParentNode[] = [document];
    for (let i = 0; i < roots.length; i++) for (const el of roots[i]!.querySelectorAll('*')) if (el.shadowRoot) roots.push(el.shadowRoot);
    const links = roots.flatMap((root) => Array.from(root.querySelectorAll<HTMLLinkElement>('link[rel="stylesheet"]')));
    const shadowed = roots.slice(1).flatMap((root) => Array.from(root.querySelectorAll<HTMLElement>('[data-cashier-shadow]')));
    return links.every((link) => link.sheet) && shadowed.every((el) => el.style.opacity === '');
  });
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
}

const box = (locator: Locator): Promise<Box> =>
  locator.evaluate((el) => {
    const r = el.getBoundingClientRect();
    return { x: r.x, y: r.y, width: r.width, height: r.height };
  });

/** The cashier's outermost element in the page (the shadow host, or CashierPage's root in the host's tree). */
const CASHIER_ELEMENT: Record<Style, string> = { openCashier: '[data-cashier-modal]', mountCashier: 'section[aria-label="Checkout"]', CashierPage: '.cashier-root' };

/** axe-core on the cashier's part of the page (it walks open shadow roots). Returns the violations as "rule: targets". */
async function axeViolations(page: Page, selector: string): Promise<string[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ path: path.join(require.resolve('axe-core'), '../axe.min.js') });
  return page.evaluate(async (include) => {
    type Result = { violations: { id: string; nodes: { target: unknown }[] }[] };
    const axe = (window as unknown as { axe: { run(context: { include: string[] }): Promise<Result> } }).axe;
    const { violations } = await axe.run({ include: [include] });
    return violations.map((v) => `${v.id}: ${JSON.stringify(v.nodes.map((n) => n.target))}`);
  }, selector);
}

/** WCAG relative luminance of an `rgb(…)` colour. */
function luminance(value: string): number {
  const [r = 0, g = 0, b = 0] = (value.match(/[\d.]+/g) ?? []).slice(0, 3).map(Number);
  const lin = (c: number) => (c / 255 <= 0.03928 ? c / 255 / 12.92 : ((c / 255 + 0.055) / 1.055) ** 2.4);
  return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
}

async function measurePay(locator: Locator): Promise<Look['pay']> {
  // No named functions inside evaluate: tsx would wrap them in a helper the page does not have.
  const measured = await locator.evaluate((el) => {
    const r = el.getBoundingClientRect();
    const style = getComputedStyle(el);
    return { x: r.x, y: r.y, width: r.width, height: r.height, color: style.color, background: style.backgroundColor };
  });
  const [hi, lo] = [luminance(measured.color), luminance(measured.background)].sort((a, b) => b - a) as [number, number];
  return { ...measured, contrast: (hi + 0.05) / (lo + 0.05) };
}

/** The keypad's keys (digits and Delete), each with its box and how far its label sits from its centre. */
async function measureKeys(dialog: Locator): Promise<Key[]> {
  const keys = dialog.getByRole('button', { name: /^(\d|Delete)$/ });
  return keys.evaluateAll((buttons) =>
    buttons.map((button) => {
      const r = button.getBoundingClientRect();
      const range = document.createRange();
      range.selectNodeContents(button);
      const label = range.getBoundingClientRect();
      return {
        name: button.getAttribute('aria-label') ?? button.textContent ?? '',
        x: r.x,
        y: r.y,
        width: r.width,
        height: r.height,
        dx: label.x + label.width / 2 - (r.x + r.width / 2),
        dy: label.y + label.height / 2 - (r.y + r.height / 2),
      };
    }),
  );
}

/** Starts the cashier the way the host style does; resolves when "Pay" shows. */
async function start(tab: TrackedPage, style: Style, orderId: string): Promise<void> {
  const { page } = tab;
  if (style === 'mountCashier') {
    // Through the vanilla host's own federation instance: the module its openCashier comes from.
    await page.evaluate(
      async ({ orderId, account, card }) => {
        type Mounted = { unmount(): void };
        type Instance = { name: string; loadRemote<T>(id: string): Promise<T> };
        const instances = (globalThis as unknown as { __FEDERATION__: { __INSTANCES__: Instance[] } }).__FEDERATION__.__INSTANCES__;
        const host = instances.find((instance) => instance.name === 'vanilla_host');
        if (!host) throw new Error('the vanilla host has no federation instance');
        const { mountCashier } = await host.loadRemote<{ mountCashier(el: Element, options: unknown): Mounted }>('cashier/openCashier');
        const element = document.createElement('section');
        element.setAttribute('aria-label', 'Checkout');
        document.querySelector('main')?.appendChild(element);
        const w = window as unknown as { __mounted: Mounted; __reminder?: unknown };
        w.__mounted = mountCashier(element, {
          payment: { orderId, accountId: account, amount: { amount: 10_000, currency: 'CNY' }, payerAccount: card, payeeAccount: 'merchant-001' },
          clientId: 'hostile-host',
          locale: 'en-US',
          // A method, not an arrow function in a property: tsx would name that with a helper the page does not have.
          onReminder(reminder: unknown) {
            w.__reminder = reminder;
          },
        });
      },
      { orderId, account: ALICE.account, card: ALICE.card },
    );
  } else {
    await hostButton(page, style).click();
  }
  await waitVisible(tab, payButton(page), `${style}: the cashier's Pay button`);
}

/** The cashier's page: the modal dialog for openCashier, the inline page otherwise. */
const cashierPage = (page: Page, style: Style) => (style === 'openCashier' ? dialogNamed(page, 'Cashier') : page.locator('.cashier-sheet'));

/** One password payment on one host, hostile or plain, measuring what the person sees on the way. */
async function payAndMeasure(style: Style, hostile: boolean): Promise<Look> {
  const tab = await browser.newPage();
  const { page } = tab;
  try {
    await resetMock();
    await page.goto(style === 'CashierPage' ? reactHostUrl() : vanillaHostUrl());
    if (hostile) await page.addStyleTag({ content: HOSTILE_CSS });
    const opener = hostButton(page, style);
    await opener.waitFor();
    const hostButtonBefore = await computedStyle(opener);

    const orderId = `hostile-${style}-${hostile ? 'hostile' : 'plain'}-${Date.now()}`;
    await start(tab, style, orderId);
    await settled(page);
    const inShadowRoot = await payButton(page).evaluate((el) => el.getRootNode() instanceof ShadowRoot);
    const pageBox = await box(cashierPage(page, style));
    const pay = await measurePay(payButton(page));

    await payButton(page).click();
    const keyboard = passwordDialog(page);
    await waitVisible(tab, keyboard, `${style}: the password dialog`);
    await settled(page);
    const password = await box(keyboard);
    const keys = await measureKeys(keyboard);
    const axe = await axeViolations(page, CASHIER_ELEMENT[style]);
    for (const digit of ALICE.password) await keyboard.getByRole('button', { name: digit, exact: true }).click();

    const success = dialogNamed(page, 'Payment successful');
    await waitVisible(tab, success, `${style}: the success dialog`, 20_000);
    await settled(page);
    const successBox = await box(success);
    await success.getByRole('button', { name: 'Done' }).click();

    if (style === 'mountCashier') {
      await page.waitForFunction(() => (window as unknown as { __reminder?: { status: string } }).__reminder?.status === 'succeeded');
      await page.evaluate(() => (window as unknown as { __mounted: { unmount(): void } }).__mounted.unmount());
    } else {
      await readReminder(page, 'succeeded');
    }
    if (style === 'openCashier') await dialogNamed(page, 'Cashier').waitFor({ state: 'detached' });
    const charges = await getCharges();
    assert.equal(charges.length, 1, `${style} (${hostile ? 'hostile' : 'plain'} host): one charge`);
    assert.deepEqual(tab.errors, [], 'no page errors');
    const hostButtonAfter = await computedStyle(opener);
    return { page: pageBox, pay, password, keys, success: successBox, hostButtonBefore, hostButtonAfter, inShadowRoot, axe };
  } finally {
    await page.close();
  }
}

/** The keypad is a 3×4 grid: 10 digits and Delete, three columns, four rows, the last row in columns 2 and 3. */
function assertKeypad(keys: Key[], where: string): void {
  assert.equal(keys.length, 11, `${where}: ten digits and Delete`);
  const cx = (k: Key) => Math.round(k.x + k.width / 2);
  const cy = (k: Key) => Math.round(k.y + k.height / 2);
  const columns = [...new Set(keys.map(cx))].sort((a, b) => a - b);
  const rows = [...new Set(keys.map(cy))].sort((a, b) => a - b);
  assert.equal(columns.length, 3, `${where}: three columns (${columns.join(', ')})`);
  assert.equal(rows.length, 4, `${where}: four rows (${rows.join(', ')})`);
  assert.deepEqual(
    rows.map((row) => keys.filter((k) => cy(k) === row).length),
    [3, 3, 3, 2],
    `${where}: three keys a row, two in the last`,
  );
  const last = keys.filter((k) => cy(k) === rows[3]).map(cx);
  assert.deepEqual(last.sort((a, b) => a - b), columns.slice(1), `${where}: the last row sits in columns 2 and 3`);
  for (const key of keys) {
    assert.ok(Math.abs(key.dx) <= CENTRED_PX && Math.abs(key.dy) <= CENTRED_PX, `${where}: "${key.name}" is centred (off by ${key.dx.toFixed(1)}, ${key.dy.toFixed(1)} px)`);
    assert.ok(key.height >= 44 && key.width >= 44, `${where}: "${key.name}" is at least 44 px (${key.width}×${key.height})`);
  }
}

type Delta = Record<string, number>;

function boxDelta(a: Box, b: Box, fields: (keyof Box)[] = ['x', 'y', 'width', 'height']): number {
  return Math.max(...fields.map((f) => Math.abs(a[f] - b[f])));
}

/** How far the hostile host's cashier is from the plain host's, part by part, in px. */
function deltas(style: Style, plain: Look, hostile: Look): Delta {
  // The inline page sits where the host's own layout puts it: compare its size, not its place.
  const inline = style !== 'openCashier';
  // Inline, the one sheet is every step's dialog too: its steps sit, and its keys spread, where the host's element is.
  const sized: (keyof Box)[] | undefined = inline ? ['height'] : undefined;
  const byName = (keys: Key[]) => new Map(keys.map((k) => [k.name, k]));
  const hostileKeys = byName(hostile.keys);
  // Shuffling is off by default, but compare key by key so a reordered keypad would show.
  const keyDelta = Math.max(...plain.keys.map((k) => boxDelta(k, hostileKeys.get(k.name) ?? { x: Infinity, y: 0, width: 0, height: Infinity }, sized)));
  const labelDelta = Math.max(...plain.keys.map((k) => Math.max(Math.abs(k.dx - (hostileKeys.get(k.name)?.dx ?? Infinity)), Math.abs(k.dy - (hostileKeys.get(k.name)?.dy ?? Infinity)))));
  return {
    page: inline ? Math.abs(plain.page.height - hostile.page.height) : boxDelta(plain.page, hostile.page),
    pay: boxDelta(plain.pay, hostile.pay, inline ? ['height'] : undefined),
    payInset: Math.abs(plain.page.width - plain.pay.width - (hostile.page.width - hostile.pay.width)),
    passwordDialog: boxDelta(plain.password, hostile.password, sized),
    keys: keyDelta,
    labels: labelDelta,
    successDialog: boxDelta(plain.success, hostile.success, sized),
  };
}

for (const style of ['openCashier', 'mountCashier', 'CashierPage'] as const) {
  test(`${style}: on a hostile host the keypad, Pay and the dialogs look as on a plain host, and the host's button is untouched`, async (t) => {
    const plain = await payAndMeasure(style, false);
    const hostile = await payAndMeasure(style, true);
    // The figures first, so a failing run still shows how far off it is.
    const delta = deltas(style, plain, hostile);
    t.diagnostic(`${style}: hostile − plain, max px: ${JSON.stringify(Object.fromEntries(Object.entries(delta).map(([k, v]) => [k, Number(v.toFixed(2))])))}`);
    t.diagnostic(`${style}: Pay ${hostile.pay.width.toFixed(0)}×${hostile.pay.height.toFixed(0)}, contrast ${hostile.pay.contrast.toFixed(2)}; key labels off centre ≤ ${Math.max(...hostile.keys.map((k) => Math.max(Math.abs(k.dx), Math.abs(k.dy)))).toFixed(2)} px`);
    assert.equal(hostile.inShadowRoot, style !== 'CashierPage', `${style}: ${style === 'CashierPage' ? 'in the host tree' : 'in a shadow root'}`);

    for (const [look, where] of [
      [plain, 'plain host'],
      [hostile, 'hostile host'],
    ] as const) {
      assertKeypad(look.keys, `${style}, ${where}`);
      assert.deepEqual(look.axe, [], `${style}, ${where}: axe finds nothing in the cashier`);
      assert.ok(look.pay.contrast >= 4.5, `${style}, ${where}: Pay's contrast ${look.pay.contrast.toFixed(2)} (${look.pay.color} on ${look.pay.background})`);
      assert.ok(look.pay.height >= 44, `${style}, ${where}: Pay is at least 44 px high (${look.pay.height})`);
      assert.deepEqual(look.hostButtonAfter, look.hostButtonBefore, `${style}, ${where}: the host's button has the same computed style after the cashier`);
    }
    assert.equal(hostile.pay.color, plain.pay.color, `${style}: Pay's text colour`);
    assert.equal(hostile.pay.background, plain.pay.background, `${style}: Pay's background`);

    for (const [part, px] of Object.entries(delta)) assert.ok(px <= SAME_PX, `${style}: ${part} differs from the plain host by ${px.toFixed(2)} px`);
  });
}
