import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { FailedCheck, Locale, PaymentData } from '../../core/types';
import { verifyPaymentData } from '../../core/verification';
import { CashierContext } from '../cashier-page/cashier-context';
import { pageTranslator } from '../../i18n/page-messages';
import { expectNoAxeViolations } from '../test-support';
import { VerifyFailedDialog, type VerifyFailedDialogProps } from './VerifyFailedDialog';

const CARD_A = '6222020000000000018';
const CARD_B = '6225880000000000044';
const payment: PaymentData = {
  orderId: 'order-1',
  accountId: 'acct-alice',
  amount: { amount: 200_000, currency: 'CNY' },
  payerAccount: CARD_A,
  payeeAccount: 'merchant-001',
};
const cards = [
  { cardNumber: CARD_A, masked: '•••• 0018', bankName: 'Bank A' },
  { cardNumber: CARD_B, masked: '•••• 0044', bankName: 'Bank B' },
];
const limit: FailedCheck = {
  key: 'amount.amount#singleLimit',
  message: "The amount is over this card's single-payment limit.",
  correctionUrl: 'https://bank.example/help/single-payment-limit?lang=en-US',
};
const minimum: FailedCheck = { key: 'amount.amount#minimum', message: 'The amount is below the smallest payment accepted.' };
const limitWithFigures: FailedCheck = { key: 'amount.amount', message: "Exceeds this card's single limit of ¥1,000.00 (you're paying ¥2,000.00)" };
const frozen: FailedCheck = { key: 'accountId#status', message: 'Your account cannot pay right now.', correctionUrl: '/help/account-status' };

function renderDialog(props: Partial<VerifyFailedDialogProps> = {}, locale: Locale = 'en-US') {
  const onCorrect = jest.fn<void, [PaymentData]>();
  const onClose = jest.fn();
  const view = render(
    <CashierContext.Provider value={{ locale, t: pageTranslator(locale), apiBaseUrl: '/api/cashier' }}>
      <VerifyFailedDialog failedChecks={[limit]} payment={payment} cards={cards} onCorrect={onCorrect} onClose={onClose} {...props} />
    </CashierContext.Provider>,
  );
  return { ...view, onCorrect, onClose, user: userEvent.setup(), dialog: screen.getByRole('dialog', { name: 'Verification failed' }) };
}

describe('VerifyFailedDialog (S221/S222)', () => {
  it('lists every failed check, with an <a href> only where the check has a correction URL', async () => {
    const { container, dialog } = renderDialog({ failedChecks: [limit, minimum, frozen] });
    const items = within(dialog).getAllByRole('listitem');
    expect(items.map((item) => item.textContent)).toEqual([
      `${limit.message} How to fix this`,
      minimum.message,
      `${frozen.message} How to fix this`,
    ]);
    const links = within(dialog).getAllByRole('link', { name: 'How to fix this' });
    // The thunk sanitised the URLs (core/server-content); the dialog renders them as given and opens them apart.
    expect(links.map((a) => a.getAttribute('href'))).toEqual([limit.correctionUrl, frozen.correctionUrl]);
    for (const link of links) expect(link).toHaveAttribute('rel', 'noopener noreferrer');
    expect(within(items[1]!).queryByRole('link')).toBeNull();
    await expectNoAxeViolations(container);
  });

  it('shows server text as text, never as markup', () => {
    const { dialog } = renderDialog({ failedChecks: [{ key: 'payeeAccount', message: '<img src=x onerror="alert(1)"> blocked' }] });
    expect(dialog).toHaveTextContent('<img src=x onerror="alert(1)"> blocked');
    expect(dialog.querySelector('img')).toBeNull();
  });

  it('pays again with the other card, chosen in place', async () => {
    const { dialog, onCorrect, user } = renderDialog();
    const select = within(dialog).getByLabelText('Pay with another card');
    expect(within(select).getAllByRole('option').map((o) => o.textContent)).toEqual(['Bank A •••• 0018', 'Bank B •••• 0044']);
    await user.selectOptions(select, 'Bank B •••• 0044'); // by label: option values hold no card number
    await user.click(within(dialog).getByRole('button', { name: 'Pay again' }));
    expect(onCorrect).toHaveBeenCalledWith({ ...payment, payerAccount: CARD_B });
  });

  it('never preselects the card that failed while another exists, even with the amount editable', () => {
    const { dialog } = renderDialog({ amountEditable: true });
    expect(within(dialog).getByLabelText('Pay with another card')).toHaveDisplayValue('Bank B •••• 0044');
  });

  it('preselects the first card the rule base says passes the card checks', () => {
    const CARD_C = '6217000000000000020';
    const owned = verifyPaymentData({ ...payment, payerAccount: CARD_C }, [{ key: 'payerAccount#owned', value: [CARD_A, CARD_B] }]).results;
    const { dialog } = renderDialog({
      payment: { ...payment, payerAccount: CARD_C },
      cards: [{ cardNumber: CARD_C, masked: '•••• 0020', bankName: 'Bank C' }, { cardNumber: '6222020000000000000', masked: '•••• 0000', bankName: 'Bank X' }, ...cards],
      failedChecks: [{ key: 'payerAccount#owned', message: 'Not your card' }],
      checkResults: owned,
    });
    expect(within(dialog).getByLabelText('Pay with another card')).toHaveDisplayValue('Bank A •••• 0018');
  });

  it('marks the card that failed as invalid, described by the reason, when the person picks it again', async () => {
    const { dialog, user } = renderDialog({ failedChecks: [limitWithFigures] });
    const select = within(dialog).getByLabelText('Pay with another card');
    expect(select).toHaveAttribute('aria-invalid', 'false');
    await user.selectOptions(select, 'Bank A •••• 0018');
    expect(select).toHaveAttribute('aria-invalid', 'true');
    expect(select).toHaveAccessibleDescription(limitWithFigures.message);
  });

  it('shows the amount as money (sign, grouping), marks it invalid with the reason, and pays in minor units', async () => {
    const { container, dialog, onCorrect, user } = renderDialog({ amountEditable: true, failedChecks: [limitWithFigures] });
    expect(dialog).toHaveTextContent("Exceeds this card's single limit of ¥1,000.00 (you're paying ¥2,000.00)");
    const amount = within(dialog).getByLabelText('Amount (CNY)');
    expect(amount).toHaveValue('2,000.00');
    expect(amount.parentElement).toHaveTextContent('¥');
    expect(amount).toHaveAttribute('aria-invalid', 'true');
    expect(amount).toHaveAccessibleDescription(limitWithFigures.message);
    await user.clear(amount);
    await user.type(amount, '800.5');
    expect(amount).toHaveAttribute('aria-invalid', 'false');
    await user.tab(); // grouping on blur
    expect(amount).toHaveValue('800.50');
    await user.clear(amount);
    await user.type(amount, '1234.5');
    await user.tab();
    expect(amount).toHaveValue('1,234.50');
    await user.click(within(dialog).getByRole('button', { name: 'Pay again' }));
    expect(onCorrect).toHaveBeenCalledWith({ ...payment, payerAccount: CARD_B, amount: { amount: 123_450, currency: 'CNY' } });
    await expectNoAxeViolations(container);
  });

  it.each([
    ['abc', 'Enter an amount like 1,000.00'],
    ['0', 'Enter an amount greater than 0'],
    ['-5', 'Enter an amount like 1,000.00'],
    ['1.234', 'Use at most 2 decimal places'],
    ['', 'Enter an amount like 1,000.00'],
  ])('rejects the amount %j with a clear error, keeps what was typed and does not pay', async (text, reason) => {
    const { container, dialog, onCorrect, user } = renderDialog({ amountEditable: true });
    const amount = within(dialog).getByLabelText('Amount (CNY)');
    await user.clear(amount);
    if (text) await user.type(amount, text);
    await user.click(within(dialog).getByRole('button', { name: 'Pay again' }));
    expect(onCorrect).not.toHaveBeenCalled();
    expect(amount).toHaveValue(text);
    const error = within(dialog).getByRole('alert');
    expect(error).toHaveTextContent(reason);
    expect(amount).toHaveAttribute('aria-invalid', 'true');
    expect(amount).toHaveAccessibleDescription(reason);
    await expectNoAxeViolations(container);
    // Typing again clears the error.
    await user.type(amount, '1');
    expect(within(dialog).queryByRole('alert')).toBeNull();
  });

  it('says what is wrong on blur too, without reformatting what is not an amount', async () => {
    const { dialog, user } = renderDialog({ amountEditable: true });
    const amount = within(dialog).getByLabelText('Amount (CNY)');
    await user.clear(amount);
    await user.type(amount, '12,34');
    await user.tab();
    expect(amount).toHaveValue('12,34');
    expect(within(dialog).getByRole('alert')).toHaveTextContent('Enter an amount like 1,000.00');
  });

  it('has no amount field unless the host allows it, and no form when nothing can be corrected in place', () => {
    const { dialog, unmount } = renderDialog();
    expect(within(dialog).queryByLabelText('Amount (CNY)')).toBeNull();
    unmount();
    const frozenOnly = renderDialog({ failedChecks: [frozen], amountEditable: true });
    expect(within(frozenOnly.dialog).queryByRole('button', { name: 'Pay again' })).toBeNull();
    expect(within(frozenOnly.dialog).queryByRole('combobox')).toBeNull();
  });

  it('offers no card choice when the account has no other card', () => {
    const { dialog } = renderDialog({ cards: [cards[0]!] });
    expect(within(dialog).queryByLabelText('Pay with another card')).toBeNull();
  });

  it('closes with its close button and with Escape', async () => {
    const { dialog, onClose, user } = renderDialog();
    await user.click(within(dialog).getByRole('button', { name: 'Close' }));
    await user.keyboard('{Escape}');
    expect(onClose).toHaveBeenCalledTimes(2);
  });

  it('speaks Chinese in zh-CN', () => {
    render(
      <CashierContext.Provider value={{ locale: 'zh-CN', t: pageTranslator('zh-CN'), apiBaseUrl: '/api/cashier' }}>
        <VerifyFailedDialog failedChecks={[limit]} payment={payment} cards={cards} onCorrect={jest.fn()} onClose={jest.fn()} />
      </CashierContext.Provider>,
    );
    const dialog = screen.getByRole('dialog', { name: '校验未通过' });
    expect(within(dialog).getByRole('link', { name: '去修改' })).toBeInTheDocument();
    expect(within(dialog).getByRole('button', { name: '重新支付' })).toBeInTheDocument();
  });
});
