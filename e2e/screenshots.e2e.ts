// A PNG of each cashier screen at 360 px and 1280 px, both locales, for a person to look at:
// e2e/artifacts/screens/<locale>-<width>-<screen>.png (git-ignored).
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { Locator } from 'playwright-core';
import { ARTIFACTS, type E2EBrowser, launchBrowser, resetMock, type TrackedPage, waitVisible } from './browser';
import { ALICE, BOB, clickKeys, type HostName, openCheckout } from './helpers/cashier';

const SCREENS = path.join(ARTIFACTS, 'screens');
const VIEWPORTS = [
  { width: 360, height: 740 },
  { width: 1280, height: 800 },
] as const;

const NAMES = {
  'en-US': {
    pay: 'Pay',
    verificationFailed: 'Verification failed',
    password: 'Enter payment password',
    failed: 'Payment failed',
    succeeded: 'Payment successful',
    anotherCard: 'Pay with another card',
    payAgain: 'Pay again',
  },
  'zh-CN': {
    pay: '支付',
    verificationFailed: '校验未通过',
    password: '请输入支付密码',
    failed: '支付失败',
    succeeded: '支付成功',
    anotherCard: '换一张卡支付',
    payAgain: '重新支付',
  },
} as const;
type Locale = keyof typeof NAMES;

let browser: E2EBrowser;
let tab: TrackedPage;

before(async () => {
  mkdirSync(SCREENS, { recursive: true });
  browser = await launchBrowser();
  tab = await browser.newPage();
});

after(() => browser?.close());

const saved: string[] = [];
async function shoot(name: string, fullPage = false): Promise<void> {
  // Let the dialog's entrance settle (fonts, transitions) before the picture.
  await tab.page.evaluate(() => document.fonts.ready.then(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)))));
  const file = path.join(SCREENS, `${name}.png`);
  await tab.page.screenshot({ path: file, fullPage, animations: 'disabled' });
  saved.push(file);
}

for (const locale of Object.keys(NAMES) as Locale[]) {
  const n = NAMES[locale];
  const dialog = (name: string): Locator => tab.page.getByRole('dialog', { name, exact: true });
  const open = async (host: HostName, params: Record<string, string>) => {
    await resetMock();
    await openCheckout(tab, host, { locale, ...params }, n.pay);
  };
  const pay = () => tab.page.getByRole('button', { name: n.pay, exact: true }).click();

  for (const { width, height } of VIEWPORTS) {
    const prefix = `${locale}-${width}`;
    describe(prefix, () => {
      before(() => tab.page.setViewportSize({ width, height }));

      test('cashier page, verification failed, password, wrong-password failure', async () => {
        await open('react', { account: ALICE.account, amount: '2000.00' });
        await shoot(`${prefix}-cashier`, true);
        await pay();
        const failedCheck = dialog(n.verificationFailed);
        await waitVisible(tab, failedCheck, n.verificationFailed);
        await shoot(`${prefix}-verification-failed`);
        const select = failedCheck.getByLabel(n.anotherCard);
        const label = (await select.locator('option').allTextContents()).find((text) => text.trim().endsWith('0044'));
        assert.ok(label);
        await select.selectOption({ label });
        await failedCheck.getByRole('button', { name: n.payAgain }).click();
        await waitVisible(tab, dialog(n.password), n.password);
        await clickKeys(tab.page, '12', dialog(n.password));
        await shoot(`${prefix}-password`);
        await clickKeys(tab.page, '0000', dialog(n.password));
        // A wrong password stays on the password step, with the attempts left said inline.
        await waitVisible(tab, dialog(n.password).getByRole('alert'), `${n.password}: the wrong-password alert`);
        await shoot(`${prefix}-wrong-password`);
      });

      test('success', async () => {
        await open('react', { account: ALICE.account, amount: '100.00' });
        await pay();
        await waitVisible(tab, dialog(n.password), n.password);
        await clickKeys(tab.page, ALICE.password, dialog(n.password));
        await waitVisible(tab, dialog(n.succeeded), n.succeeded);
        await shoot(`${prefix}-success`);
      });

      test('declined', async () => {
        await open('react', { account: BOB.account, card: BOB.card, amount: '200.00' });
        await pay();
        await waitVisible(tab, dialog(n.password), n.password);
        await clickKeys(tab.page, BOB.password, dialog(n.password));
        await waitVisible(tab, dialog(n.failed), n.failed);
        await shoot(`${prefix}-declined`);
      });

      test('vanilla host: the cashier modal and verification failed inside it', async () => {
        await open('vanilla', { account: ALICE.account, amount: '2000.00' });
        await shoot(`${prefix}-modal-cashier`);
        await pay();
        await waitVisible(tab, dialog(n.verificationFailed), n.verificationFailed);
        await shoot(`${prefix}-modal-verification-failed`);
      });
    });
  }
}

test('every screen was saved', () => {
  assert.equal(saved.length, 2 * 2 * 8, `${saved.length} screenshots in ${SCREENS}`);
});
