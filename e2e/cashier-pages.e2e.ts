// The cashier pages through both host shells (en-US): success, verification failed with correction (link,
// card, amount), declined, frozen account, wrong password, cancel; the reminders the hosts receive
// (docs/api.md, Options and results); zh-CN names; one /preverify per double click; focus kept in dialogs and
// given back.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Locator, Page } from 'playwright-core';
import { type E2EBrowser, getCharges, launchBrowser, resetMock, type TrackedPage, waitVisible } from './browser';
import {
  ALICE,
  assertReminder,
  BOB,
  CAROL,
  CLIENT_ID,
  clickKeys,
  dialogNamed,
  HOSTS,
  type HostName,
  openCheckout,
  passwordDialog,
  payButton,
  payWithPassword,
  readReminder,
  requestsTo,
} from './helpers/cashier';

// The reason names the card's single limit and the amount, from the rule's parameters.
const LIMIT_MESSAGE = "Exceeds this card's single limit of ¥1,000.00 (you're paying ¥2,000.00)";
const LIMIT_URL = 'https://bank.example/help/single-payment-limit?lang=en-US';
const FROZEN_MESSAGE = 'Your account cannot pay right now (it may be frozen). Contact customer service to restore it.';
const FROZEN_URL = 'https://bank.example/help/account-status?lang=en-US';

let browser: E2EBrowser;
let tab: TrackedPage;

before(async () => {
  browser = await launchBrowser();
  tab = await browser.newPage();
  // The correction pages are example URLs: answer them here so a click can open one.
  await browser.context.route(/^https:\/\/bank\.example\//, (route) =>
    route.fulfill({ contentType: 'text/html', body: '<!doctype html><title>Bank help</title><h1>Bank help</h1>' }),
  );
});

after(() => browser?.close());

const success = (page: Page) => dialogNamed(page, 'Payment successful');
const failed = (page: Page) => dialogNamed(page, 'Payment failed');
const verificationFailed = (page: Page) => dialogNamed(page, 'Verification failed');

/** What has focus, as "inside <dialog name>" or the focused element's accessible text. */
const focusIsIn = (dialog: Locator) => dialog.evaluate((d) => d.contains(((a: Element | null) => { while (a?.shadowRoot?.activeElement) a = a.shadowRoot.activeElement; return a; })(document.activeElement)));

/** Closing a result or verification dialog ends the flow (vanilla: the modal closes and openCashier resolves). */
async function closeAndReadReminder(host: HostName, dialog: Locator, status: Parameters<typeof readReminder>[1]) {
  const { page } = tab;
  await dialog.getByRole('button', { name: 'Close', exact: true }).click();
  const reminder = await readReminder(page, status);
  if (host === 'vanilla') await page.getByRole('dialog', { name: 'Cashier' }).waitFor({ state: 'detached' });
  return reminder;
}

/** The dialog is gone after Close and focus is back on the opener (or, `within`, somewhere inside it). */
async function assertClosedWithFocusOn(dialog: Locator, opener: Locator, what: string, within = false) {
  await dialog.waitFor({ state: 'detached', timeout: 3000 }).catch(() => {
    throw new Error(`${what}: the dialog is still open after Close (the reminder was sent, the person still sees the dialog)`);
  });
  const focused = await opener.evaluate((el, inside) => (inside ? el.contains(((a: Element | null) => { while (a?.shadowRoot?.activeElement) a = a.shadowRoot.activeElement; return a; })(document.activeElement)) : el === ((a: Element | null) => { while (a?.shadowRoot?.activeElement) a = a.shadowRoot.activeElement; return a; })(document.activeElement)), within);
  const active = await tab.page.evaluate(() => ((a: Element | null) => { while (a?.shadowRoot?.activeElement) a = a.shadowRoot.activeElement; return a; })(document.activeElement)?.outerHTML.slice(0, 80));
  assert.ok(focused, `${what}: focus went back to the opener (it is on ${active})`);
}

/** Chooses the second card of the account in the "Pay with another card" list, by its masked label. */
async function chooseCardEnding(dialog: Locator, lastFour: string) {
  const select = dialog.getByLabel('Pay with another card');
  const labels = await select.locator('option').allTextContents();
  const label = labels.find((text) => text.trim().endsWith(lastFour));
  assert.ok(label, `a card ending ${lastFour} among ${labels.join(' | ')}`);
  await select.selectOption({ label });
}

for (const host of HOSTS) {
  const prefix = CLIENT_ID[host];
  describe(`${host}-host`, () => {
    test('acct-alice ¥100.00 succeeds: amount, payee and payment id shown; a succeeded reminder', async () => {
      await resetMock();
      tab.clear();
      await openCheckout(tab, host, { account: ALICE.account, amount: '100.00' });
      await payWithPassword(tab, ALICE.password);
      const dialog = success(tab.page);
      await waitVisible(tab, dialog, 'the success dialog');
      const charges = await getCharges();
      assert.equal(charges.length, 1);
      const text = (await dialog.textContent()) ?? '';
      for (const shown of ['¥100.00', 'Merchant 001', 'Payment ID', charges[0]!.paymentId]) assert.ok(text.includes(shown), `the dialog shows ${shown}`);
      // A verified password brings an enrollment token: face payment (the fake camera makes it available) is offered.
      await dialog
        .getByRole('button', { name: 'Enable face payment' })
        .waitFor({ timeout: 3000 })
        .catch(() => assert.fail('no "Enable face payment" offer: the pushed success (without the token) won the race with the pay answer'));

      if (host === 'vanilla') await dialog.getByRole('button', { name: 'Done' }).click();
      const reminder = await readReminder(tab.page, 'succeeded');
      assertReminder(
        reminder,
        { status: 'succeeded', paymentId: charges[0]!.paymentId, amount: { amount: 10000, currency: 'CNY' }, method: 'password', message: 'Payment successful', code: undefined, failedChecks: undefined },
        prefix,
      );
      assert.equal(reminder.orderId, charges[0]!.orderId);
      if (host === 'react') {
        await dialog.getByRole('button', { name: 'Done' }).click();
        // The order is paid, so "Pay" may be disabled: focus goes to the cashier page, not to <body>.
        await assertClosedWithFocusOn(dialog, payButton(tab.page).locator('xpath=..'), 'Done on "Payment successful"', true);
      }
    });

    test('acct-alice ¥2,000.00: "Verification failed" with a safe correction link; another card in place pays', async () => {
      await resetMock();
      tab.clear();
      await openCheckout(tab, host, { account: ALICE.account, amount: '2000.00' });
      await payButton(tab.page).click();
      const dialog = verificationFailed(tab.page);
      await waitVisible(tab, dialog, 'the "Verification failed" dialog');
      await dialog.getByText(LIMIT_MESSAGE).waitFor();

      const link = dialog.getByRole('link', { name: 'How to fix this' });
      const href = await link.getAttribute('href');
      assert.equal(href, LIMIT_URL);
      assert.equal(new URL(href!).protocol, 'https:', 'an absolute https URL');
      assert.equal(await link.getAttribute('target'), '_blank');
      assert.match((await link.getAttribute('rel')) ?? '', /\bnoopener\b/);
      const cashierUrl = tab.page.url();
      const [popup] = await Promise.all([tab.page.waitForEvent('popup'), link.click()]);
      await popup.waitForLoadState();
      assert.equal(popup.url(), LIMIT_URL, 'the correction page opened in a new tab');
      assert.equal(await popup.evaluate(() => window.opener), null, 'the new tab cannot reach the cashier (noopener)');
      assert.equal(await popup.title(), 'Bank help');
      await popup.close();
      assert.equal(tab.page.url(), cashierUrl, 'the cashier page did not navigate away');
      await dialog.waitFor();

      // The card that failed is not preselected: the second card is.
      const cardSelect = dialog.getByLabel('Pay with another card');
      assert.match((await cardSelect.locator('option:checked').textContent()) ?? '', /0044$/);
      assert.equal(await cardSelect.getAttribute('aria-invalid'), 'false');
      await chooseCardEnding(dialog, '0044');
      await dialog.getByRole('button', { name: 'Pay again' }).click();
      await waitVisible(tab, passwordDialog(tab.page), 'the password dialog after the card change');
      await clickKeys(tab.page, ALICE.password);
      await waitVisible(tab, success(tab.page), 'the success dialog');
      const charges = await getCharges();
      assert.equal(charges.length, 1);
      assert.deepEqual(charges[0]!.amount, { amount: 200000, currency: 'CNY' });
      const pay = JSON.parse(requestsTo(tab, '/pay')[0]?.postData ?? '{}') as { payment?: { payerAccount?: string } };
      assert.equal(pay.payment?.payerAccount, ALICE.secondCard, 'paid with the second card');
      if (host === 'vanilla') await success(tab.page).getByRole('button', { name: 'Done' }).click();
      assertReminder(await readReminder(tab.page, 'succeeded'), { status: 'succeeded', amount: { amount: 200000, currency: 'CNY' }, method: 'password' }, prefix);
    });

    test('acct-bob ¥200.00 is declined: "Insufficient balance"; a failed reminder with the code', async () => {
      await resetMock();
      tab.clear();
      await openCheckout(tab, host, { account: BOB.account, card: BOB.card, amount: '200.00' });
      await payWithPassword(tab, BOB.password);
      const dialog = failed(tab.page);
      await waitVisible(tab, dialog, 'the "Payment failed" dialog');
      assert.equal((await dialog.getByTestId('failure-reason').textContent())?.trim(), 'Insufficient balance');
      assert.equal((await getCharges()).length, 0, 'nothing charged');
      const reminder = await closeAndReadReminder(host, dialog, 'failed');
      assertReminder(
        reminder,
        { status: 'failed', amount: { amount: 20000, currency: 'CNY' }, method: 'password', code: 'INSUFFICIENT_FUNDS', message: 'Insufficient balance', paymentId: undefined },
        prefix,
      );
      if (host === 'react') await assertClosedWithFocusOn(dialog, payButton(tab.page), 'Close on "Payment failed"');
    });

    test('acct-carol is stopped at verification; Tab stays in the dialog; Close reports verification_failed', async () => {
      await resetMock();
      tab.clear();
      await openCheckout(tab, host, { account: CAROL.account, card: CAROL.card, amount: '100.00' });
      await payButton(tab.page).click();
      const dialog = verificationFailed(tab.page);
      await waitVisible(tab, dialog, 'the "Verification failed" dialog');
      await dialog.getByText(FROZEN_MESSAGE).waitFor();
      assert.equal(await dialog.getByRole('link', { name: 'How to fix this' }).getAttribute('href'), FROZEN_URL);
      assert.ok(await focusIsIn(dialog), 'focus moved into the dialog');
      for (let i = 0; i < 5; i++) {
        await tab.page.keyboard.press('Tab');
        assert.ok(await focusIsIn(dialog), `focus is still inside after Tab ×${i + 1}`);
      }
      for (let i = 0; i < 3; i++) {
        await tab.page.keyboard.press('Shift+Tab');
        assert.ok(await focusIsIn(dialog), `focus is still inside after Shift+Tab ×${i + 1}`);
      }
      assert.equal(requestsTo(tab, '/preorder').length, 0, 'no pre-order for a payment that failed pre-verification');

      const reminder = await closeAndReadReminder(host, dialog, 'verification_failed');
      assertReminder(
        reminder,
        {
          status: 'verification_failed',
          amount: { amount: 10000, currency: 'CNY' },
          code: 'ACCOUNT_NOT_ACTIVE',
          message: 'Verification failed',
          paymentId: undefined,
        },
        prefix,
      );
      assert.equal(reminder.failedChecks?.length, 1);
      assert.equal(reminder.failedChecks?.[0]?.message, FROZEN_MESSAGE);
      assert.equal(reminder.failedChecks?.[0]?.correctionUrl, FROZEN_URL);
      assert.match(reminder.failedChecks?.[0]?.key ?? '', /^accountId/);
      if (host === 'vanilla') {
        assert.ok(
          await tab.page.getByRole('button', { name: 'Open cashier' }).evaluate((el) => el === ((a: Element | null) => { while (a?.shadowRoot?.activeElement) a = a.shadowRoot.activeElement; return a; })(document.activeElement)),
          'focus is back on "Open cashier"',
        );
      } else {
        await assertClosedWithFocusOn(dialog, payButton(tab.page), 'Close on "Verification failed"');
      }
    });

    test('Escape in the password dialog cancels: a cancelled reminder, nothing charged', async () => {
      await resetMock();
      tab.clear();
      await openCheckout(tab, host, { account: ALICE.account, amount: '100.00' });
      await payButton(tab.page).click();
      const keyboard = passwordDialog(tab.page);
      await waitVisible(tab, keyboard, 'the password dialog');
      await clickKeys(tab.page, '12');
      await tab.page.keyboard.press('Escape');
      await keyboard.waitFor({ state: 'detached' });
      const reminder = await readReminder(tab.page, 'cancelled');
      assertReminder(reminder, { status: 'cancelled', amount: { amount: 10000, currency: 'CNY' }, message: 'Payment cancelled', code: undefined }, prefix);
      assert.equal(requestsTo(tab, '/pay').length, 0);
      assert.equal((await getCharges()).length, 0);
    });
  });
}

describe('vanilla-host only', () => {
  test('Escape on the cashier dialog resolves openCashier with "cancelled"; focus returns to "Open cashier"', async () => {
    await resetMock();
    tab.clear();
    await openCheckout(tab, 'vanilla');
    const modal = tab.page.getByRole('dialog', { name: 'Cashier' });
    assert.ok(await focusIsIn(modal), 'focus is inside the cashier dialog');
    for (let i = 0; i < 6; i++) {
      await tab.page.keyboard.press('Tab');
      assert.ok(await focusIsIn(modal), `focus is still inside after Tab ×${i + 1}`);
    }
    await tab.page.keyboard.press('Escape');
    await modal.waitFor({ state: 'detached' });
    assertReminder(await readReminder(tab.page, 'cancelled'), { status: 'cancelled', amount: { amount: 10000, currency: 'CNY' } }, 'vanilla-host');
    assert.ok(await tab.page.getByRole('button', { name: 'Open cashier' }).evaluate((el) => el === ((a: Element | null) => { while (a?.shadowRoot?.activeElement) a = a.shadowRoot.activeElement; return a; })(document.activeElement)));
  });

  test('a wrong password, then the right one, succeeds; Tab cycles inside the password dialog', async () => {
    await resetMock();
    tab.clear();
    await openCheckout(tab, 'vanilla');
    await payButton(tab.page).click();
    const keyboard = passwordDialog(tab.page);
    await waitVisible(tab, keyboard, 'the password dialog');
    for (let i = 0; i < 14; i++) {
      await tab.page.keyboard.press('Tab');
      assert.ok(await focusIsIn(keyboard), `focus is still inside the keyboard after Tab ×${i + 1}`);
    }
    await clickKeys(tab.page, '111111');
    // The keypad stays with the reason inline; the next entry goes on the same step.
    await keyboard.getByRole('alert').filter({ hasText: 'Wrong password, 4 attempts left' }).waitFor();
    await keyboard.getByRole('status').filter({ hasText: '0 of 6 digits entered' }).waitFor();
    await clickKeys(tab.page, ALICE.password);
    await waitUntilPaid();
    await waitVisible(tab, success(tab.page), 'the success dialog', 5000);
    await success(tab.page).getByRole('button', { name: 'Done' }).click();
    assertReminder(await readReminder(tab.page, 'succeeded'), { status: 'succeeded', method: 'password' }, 'vanilla-host');
  });
});

describe('react-host only', () => {
  test('acct-alice ¥2,000.00: lowering the amount in place pays (the host allows amountEditable)', async () => {
    await resetMock();
    tab.clear();
    await openCheckout(tab, 'react', { account: ALICE.account, amount: '2000.00' });
    await payButton(tab.page).click();
    const dialog = verificationFailed(tab.page);
    await waitVisible(tab, dialog, 'the "Verification failed" dialog');
    const amount = dialog.getByLabel('Amount (CNY)');
    await waitVisible(tab, amount, 'the amount field (react-host passes amountEditable)', 3000);
    // Shown as money and marked invalid, tied to the reason with both figures.
    assert.equal(await amount.inputValue(), '2,000.00');
    assert.equal(await amount.getAttribute('aria-invalid'), 'true');
    const describedBy = (await amount.getAttribute('aria-describedby')) ?? '';
    assert.ok(describedBy, 'the amount field is described by the failed check');
    assert.equal(await dialog.locator(`[id="${describedBy.split(' ')[0]}"]`).textContent(), LIMIT_MESSAGE);
    await amount.fill('500.00');
    await dialog.getByRole('button', { name: 'Pay again' }).click();
    await waitVisible(tab, passwordDialog(tab.page), 'the password dialog after lowering the amount');
    await clickKeys(tab.page, ALICE.password);
    await waitVisible(tab, success(tab.page), 'the success dialog');
    assert.deepEqual((await getCharges())[0]?.amount, { amount: 50000, currency: 'CNY' });
    assertReminder(await readReminder(tab.page, 'succeeded'), { status: 'succeeded', amount: { amount: 50000, currency: 'CNY' } }, 'react-host');
  });

  test('zh-CN: the same flow with Chinese names ("支付成功")', async () => {
    await resetMock();
    tab.clear();
    await openCheckout(tab, 'react', { locale: 'zh-CN' }, '支付');
    await tab.page.getByRole('radio', { name: '密码' }).waitFor();
    await payButton(tab.page).count().then((n) => assert.equal(n, 0, 'no English "Pay" button'));
    await tab.page.getByRole('button', { name: '支付', exact: true }).click();
    const keyboard = dialogNamed(tab.page, '请输入支付密码');
    await waitVisible(tab, keyboard, 'the password dialog "请输入支付密码"');
    await keyboard.getByRole('button', { name: '删除' }).waitFor();
    await clickKeys(tab.page, ALICE.password, keyboard);
    const done = dialogNamed(tab.page, '支付成功');
    await waitVisible(tab, done, 'the dialog "支付成功"');
    assert.ok((await done.textContent())?.includes('¥100.00'));
    const reminder = await readReminder(tab.page, 'succeeded');
    assert.equal(reminder.message, '支付成功');
  });

  test('after a cancel, no money is taken without the host being told: paying again sends a new reminder', async () => {
    await resetMock();
    tab.clear();
    await openCheckout(tab, 'react');
    await payButton(tab.page).click();
    await waitVisible(tab, passwordDialog(tab.page), 'the password dialog');
    await tab.page.keyboard.press('Escape');
    await readReminder(tab.page, 'cancelled');
    if (!(await payButton(tab.page).isEnabled())) {
      // A page that ends with its flow is fine too: then nothing can be charged.
      assert.equal((await getCharges()).length, 0);
      return;
    }
    await payWithPassword(tab, ALICE.password);
    await waitVisible(tab, success(tab.page), 'the success dialog');
    assert.equal((await getCharges()).length, 1);
    const reminder = await readReminder(tab.page, 'succeeded').catch(() => null);
    assert.ok(reminder, 'the host got a succeeded reminder for the payment taken after its "cancelled" one');
  });

  test('a double click on "Pay" sends exactly one /preverify', async () => {
    await resetMock();
    tab.clear();
    await openCheckout(tab, 'react');
    await payButton(tab.page).dblclick();
    await waitVisible(tab, passwordDialog(tab.page), 'the password dialog');
    assert.equal(requestsTo(tab, '/preverify').length, 1, 'one /preverify');
    assert.equal(requestsTo(tab, '/preorder').length, 1, 'one /preorder');
  });
});

/** Waits until the server took the payment, so a later wrong dialog is told apart from a payment never sent. */
async function waitUntilPaid() {
  const deadline = Date.now() + 10_000;
  while ((await getCharges()).length === 0) {
    if (Date.now() > deadline) throw new Error('the right password was not charged');
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
