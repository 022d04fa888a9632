import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { PaymentResult } from '../../core/service-interfaces';
import type { Locale, PaymentData } from '../../core/types';
import { CashierContext } from '../cashier-page/cashier-context';
import { pageTranslator } from '../../i18n/page-messages';
import { expectNoAxeViolations } from '../test-support';
import { ResultDialog, type ResultDialogProps } from './ResultDialog';

const payment: PaymentData = {
  orderId: 'order-1',
  accountId: 'acct-alice',
  amount: { amount: 10_000, currency: 'CNY' },
  payerAccount: '6222020000000000018',
  payeeAccount: 'merchant-001',
};
const AT = '2025-06-01T08:30:00.000Z';
const UNLOCKS_AT = '2025-06-01T09:00:00.000Z';
const base = { orderId: 'order-1', amount: payment.amount, method: 'password' as const, at: AT };
const succeeded: PaymentResult = { ...base, status: 'succeeded', paymentId: 'pay-42', message: 'ok' };
const wrongPassword: PaymentResult = { ...base, status: 'failed', code: 'WRONG_PASSWORD', message: 'wrong', attemptsLeft: 3 };
const locked: PaymentResult = { ...base, status: 'failed', code: 'PASSWORD_LOCKED', message: 'locked', attemptsLeft: 0, unlocksAt: UNLOCKS_AT };

function renderResult(props: Partial<ResultDialogProps>, locale: Locale = 'en-US') {
  const handlers = { onClose: jest.fn(), onTryAgain: jest.fn(), onUseAnotherMethod: jest.fn(), onCheckAgain: jest.fn() };
  const all: ResultDialogProps = { kind: 'succeeded', payment, payeeName: 'Merchant 001', result: null, canUseAnotherMethod: true, ...handlers, ...props };
  const view = render(
    <CashierContext.Provider value={{ locale, t: pageTranslator(locale), apiBaseUrl: '/api/cashier' }}>
      <ResultDialog {...all} />
    </CashierContext.Provider>,
  );
  return { ...view, ...handlers, user: userEvent.setup() };
}

/** The names of the primary buttons: the result has exactly one. */
const primaryActions = (dialog: HTMLElement) =>
  [...dialog.querySelectorAll('.cashier-button--primary')].map((button) => button.textContent);

afterEach(() => jest.restoreAllMocks());

describe('ResultDialog (S51/S52)', () => {
  it('success shows the mark, amount, payee, masked card, payment id and time; Done is the one primary action', async () => {
    const { container, onClose, user } = renderResult({ kind: 'succeeded', result: succeeded, bankName: 'Bank A' });
    const dialog = screen.getByRole('dialog', { name: 'Payment successful' });
    expect(dialog.querySelector('.cashier-result--succeeded svg[aria-hidden="true"]')).not.toBeNull();
    expect(dialog.querySelector('.cashier-result__amount')).toHaveTextContent('¥100.00');
    expect(dialog).toHaveTextContent('Merchant 001');
    expect(dialog).toHaveTextContent('Bank A •••• 0018');
    expect(dialog).not.toHaveTextContent('6222020000000000018');
    // The whole id is in the text, however it is truncated on screen.
    expect(within(dialog).getByTestId('payment-id')).toHaveTextContent(/^pay-42$/);
    expect(within(dialog).getByText(new Date(AT).toLocaleString('en-US'))).toBeInTheDocument();
    expect(within(dialog).queryByRole('button', { name: 'Try again' })).toBeNull();
    expect(primaryActions(dialog)).toEqual(['Done']);
    await expectNoAxeViolations(container);
    await user.click(within(dialog).getByRole('button', { name: 'Done' }));
    expect(onClose).toHaveBeenCalledTimes(1);
  });

  it('a long payment id is kept whole for copying: the Copy button puts it on the clipboard and says so', async () => {
    const id = 'pay_7Qm2xWc9Lk4RtZ8vNp3sHd';
    const { user } = renderResult({ kind: 'succeeded', result: { ...succeeded, paymentId: id } });
    const writeText = jest.spyOn(navigator.clipboard, 'writeText').mockResolvedValue(undefined);
    const value = screen.getByTestId('payment-id');
    expect(value).toHaveTextContent(id);
    expect(value).toHaveAttribute('title', id);
    // The tail stays whole when the head is ellipsised.
    expect(value.querySelector('.cashier-id__tail')).toHaveTextContent(id.slice(-6));
    await user.click(screen.getByRole('button', { name: 'Copy payment ID' }));
    expect(writeText).toHaveBeenCalledWith(id);
    expect(screen.getByRole('status')).toHaveTextContent('Copied');
  });

  it('copies by selection where the Clipboard API refuses, and says when neither works', async () => {
    const { user } = renderResult({ kind: 'succeeded', result: succeeded });
    jest.spyOn(navigator.clipboard, 'writeText').mockRejectedValue(new DOMException('denied', 'NotAllowedError'));
    const execCommand = jest.fn().mockReturnValueOnce(true).mockReturnValueOnce(false);
    Object.defineProperty(document, 'execCommand', { value: execCommand, configurable: true });
    const copy = screen.getByRole('button', { name: 'Copy payment ID' });
    await user.click(copy);
    expect(execCommand).toHaveBeenCalledWith('copy');
    expect(screen.getByRole('status')).toHaveTextContent('Copied');
    expect(copy).toHaveFocus();
    await user.click(copy);
    expect(screen.getByRole('status')).toHaveTextContent('Could not copy');
    expect(window.getSelection()?.toString()).toBe('pay-42');
  });

  it('the enrolment offer sits below the primary action, as a secondary card', () => {
    renderResult({ kind: 'succeeded', result: succeeded, enrollOffer: <section aria-label="offer">Enable face payment</section> });
    const done = screen.getByRole('button', { name: 'Done' });
    const offer = screen.getByRole('region', { name: 'offer' });
    expect(done.compareDocumentPosition(offer) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
  });

  it('falls back to the payee account when the payee name is not known', () => {
    renderResult({ kind: 'succeeded', result: succeeded, payeeName: undefined });
    expect(screen.getByRole('dialog')).toHaveTextContent('merchant-001');
  });

  it('failure shows the reason and attempts left, with Try again first and Pay another way second', async () => {
    const { container, onTryAgain, onUseAnotherMethod, user } = renderResult({ kind: 'failed', result: wrongPassword });
    const dialog = screen.getByRole('dialog', { name: 'Payment failed' });
    expect(dialog.querySelector('.cashier-result--failed svg')).not.toBeNull();
    expect(primaryActions(dialog)).toEqual(['Try again']);
    expect(within(dialog).getByTestId('failure-reason')).toHaveTextContent('Wrong payment password');
    expect(dialog).toHaveTextContent('3 attempts left');
    // No payment id on a failure, and no Done: closing is the dialog's close button.
    expect(dialog).not.toHaveTextContent('Payment ID');
    expect(within(dialog).queryByRole('button', { name: 'Done' })).toBeNull();
    await expectNoAxeViolations(container);
    await user.click(within(dialog).getByRole('button', { name: 'Try again' }));
    await user.click(within(dialog).getByRole('button', { name: 'Pay another way' }));
    expect(onTryAgain).toHaveBeenCalledTimes(1);
    expect(onUseAnotherMethod).toHaveBeenCalledTimes(1);
  });

  it('offers no other method when there is none', () => {
    renderResult({ kind: 'failed', result: wrongPassword, canUseAnotherMethod: false });
    expect(screen.queryByRole('button', { name: 'Pay another way' })).toBeNull();
    expect(screen.getByRole('button', { name: 'Try again' })).toBeInTheDocument();
  });

  it("shows the server's message for a code it has no words for, and a generic one without a result", () => {
    const { unmount } = renderResult({ kind: 'failed', result: { ...wrongPassword, code: 'BANK_MAINTENANCE', message: 'Bank B is under maintenance' } });
    expect(screen.getByTestId('failure-reason')).toHaveTextContent('Bank B is under maintenance');
    unmount();
    renderResult({ kind: 'failed', result: null, errorMessage: undefined });
    expect(screen.getByTestId('failure-reason')).toHaveTextContent('Something went wrong. Please try again.');
  });

  it('locked shows when the password unlocks and no Try again', async () => {
    const { container } = renderResult({ kind: 'failed', result: locked });
    const dialog = screen.getByRole('dialog', { name: 'Payment failed' });
    expect(within(dialog).getByTestId('failure-reason')).toHaveTextContent('Payment password locked');
    expect(dialog).toHaveTextContent(`Password locked until ${new Date(UNLOCKS_AT).toLocaleString('en-US')}`);
    expect(dialog).not.toHaveTextContent('attempts left');
    expect(within(dialog).queryByRole('button', { name: 'Try again' })).toBeNull();
    // Pay another way leads; Done is the secondary.
    expect(primaryActions(dialog)).toEqual(['Pay another way']);
    expect(within(dialog).getByRole('button', { name: 'Done' })).toBeInTheDocument();
    await expectNoAxeViolations(container);
  });

  it('unknown says the payment is being confirmed (amber), offers Check again first and Done', async () => {
    const { container, onCheckAgain, onClose, user } = renderResult({ kind: 'unknown' });
    const dialog = screen.getByRole('dialog', { name: 'Payment result unknown' });
    expect(dialog.querySelector('.cashier-result--unknown svg')).not.toBeNull();
    expect(dialog).toHaveTextContent('We’re confirming your payment');
    expect(dialog).toHaveTextContent('You have not been charged twice');
    expect(primaryActions(dialog)).toEqual(['Check again']);
    await expectNoAxeViolations(container);
    await user.click(within(dialog).getByRole('button', { name: 'Check again' }));
    await user.click(within(dialog).getByRole('button', { name: 'Done' }));
    expect(onCheckAgain).toHaveBeenCalledTimes(1);
    expect(onClose).toHaveBeenCalledTimes(1);
  });

  it('speaks Chinese in zh-CN', () => {
    renderResult({ kind: 'failed', result: wrongPassword }, 'zh-CN');
    const dialog = screen.getByRole('dialog', { name: '支付失败' });
    expect(dialog).toHaveTextContent('支付密码错误');
    expect(dialog).toHaveTextContent('还可尝试 3 次');
    expect(within(dialog).getByRole('button', { name: '重试' })).toBeInTheDocument();
    expect(within(dialog).getByRole('button', { name: '换个方式付款' })).toBeInTheDocument();
  });

  it('says "confirming" and names the copy button in Chinese too', () => {
    const { unmount } = renderResult({ kind: 'unknown' }, 'zh-CN');
    expect(screen.getByRole('dialog', { name: '支付结果未知' })).toHaveTextContent('正在确认支付结果');
    unmount();
    renderResult({ kind: 'succeeded', result: succeeded }, 'zh-CN');
    expect(screen.getByRole('button', { name: '复制支付单号' })).toBeInTheDocument();
  });
});
