import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { BOB_CARD, startTestServer, type TestServer } from '../../../mocks/test-helpers';
import type { CashierOptions, PaymentData, PaymentReminder } from '../../core/types';
import { expectNoAxeViolations } from '../test-support';
import { combineSlices, configureStore } from '@reduxjs/toolkit';
import { createCashierServices } from '../../store/cashier-services';
import { flowDispatchFor } from '../../store/createCashierStore';
import { paymentSlice } from '../../store/paymentSlice';
import * as stories from './CashierPage.stories';
import CashierPage from './CashierPage';

// The page against the real mock payment server, in-process: the preloaded phases (the stories) and whole flows.
let server: TestServer;
beforeAll(async () => {
  server = await startTestServer({ log: () => undefined });
});
afterAll(() => server.close());
beforeEach(() => server.mock.state.reset());

type PageStory = (typeof stories)['Succeeded'];

/** Renders a CashierPage story in en-US against the test server, with a spy for the reminder. */
function renderStory(story: PageStory, more: Record<string, unknown> = {}) {
  const onReminder = jest.fn<void, [PaymentReminder]>();
  const args = { ...stories.default.args, ...story.args, locale: 'en-US', apiBaseUrl: server.baseUrl, onReminder, ...more } as CashierOptions;
  // The part of Storybook's story context the stories read: the toolbar globals.
  const context = { globals: { locale: 'en-US', theme: 'default' } } as unknown as Parameters<NonNullable<PageStory['render']>>[1];
  const view = render(story.render!(args, context));
  return { ...view, onReminder, user: userEvent.setup() };
}

const expectAccessible = expectNoAxeViolations;

describe('CashierPage in each phase of the flow (preloaded store)', () => {
  it('loading: a busy skeleton and nothing to press', async () => {
    const { container } = renderStory(stories.Loading);
    await waitFor(() => expect(container.querySelector('[aria-busy="true"]')).not.toBeNull());
    expect(screen.queryByRole('button')).toBeNull();
    await expectAccessible(container);
  });

  it('ready: amount, payee, masked card, the method radio group and Pay', async () => {
    const { container } = renderStory(stories.Ready);
    expect(await screen.findByText('Merchant 001')).toBeInTheDocument();
    expect(screen.getByTestId('amount')).toHaveTextContent('¥100.00');
    expect(screen.getByText('•••• 0018')).toBeInTheDocument();
    const methods = screen.getByRole('group', { name: 'Payment method' });
    expect(within(methods).getByRole('radio', { name: 'Password' })).toBeChecked();
    expect(screen.getByRole('button', { name: 'Pay' })).toBeEnabled();
    expect(screen.queryByRole('dialog')).toBeNull();
    await expectAccessible(container);
  });

  it('verification failed: the dialog lists the check with its correction link; closing ends the flow', async () => {
    const { container, onReminder, user } = renderStory(stories.VerificationFailed);
    const dialog = await screen.findByRole('dialog', { name: 'Verification failed' });
    expect(dialog).toHaveTextContent("Exceeds this card's single limit of ¥1,000.00 (you're paying ¥2,000.00)");
    expect(within(dialog).getByRole('link', { name: 'How to fix this' })).toHaveAttribute(
      'href',
      'https://bank.example/help/single-payment-limit?lang=en-US',
    );
    await expectAccessible(container);
    await user.click(within(dialog).getByRole('button', { name: 'Close' }));
    expect(onReminder).toHaveBeenCalledTimes(1);
    expect(onReminder.mock.calls[0]![0]).toMatchObject({
      status: 'verification_failed',
      failedChecks: [{ key: 'amount.amount#singleLimit' }],
    });
  });

  it('awaiting authentication: the password dialog with the ten digit keys and Delete', async () => {
    const { container } = renderStory(stories.EnterPassword);
    const dialog = await screen.findByRole('dialog', { name: 'Enter payment password' });
    for (const digit of '0123456789') expect(within(dialog).getByRole('button', { name: digit })).toBeInTheDocument();
    expect(within(dialog).getByRole('button', { name: 'Delete' })).toBeInTheDocument();
    await expectAccessible(container);
  });

  it('as a modal (openCashier), Tab stays inside the password dialog instead of reaching the page behind it', async () => {
    const { user } = renderStory(stories.EnterPassword, { modal: true });
    const password = await screen.findByRole('dialog', { name: 'Enter payment password' });
    // One sheet: the cashier dialog is now the password step, not a second dialog stacked on it.
    expect(screen.getAllByRole('dialog')).toEqual([password]);
    expect(password).toHaveAttribute('aria-modal', 'true');
    (await within(password).findByRole('button', { name: 'Delete' })).focus();
    for (let i = 0; i < 14; i++) {
      await user.tab();
      expect(password).toContainElement(document.activeElement as HTMLElement);
    }
  });

  it('succeeded: "Payment successful" with the payment id; the host hears it once', async () => {
    const { container, onReminder } = renderStory(stories.Succeeded);
    const dialog = await screen.findByRole('dialog', { name: 'Payment successful' });
    expect(dialog).toHaveTextContent('pay-preview-0001');
    await waitFor(() => expect(onReminder).toHaveBeenCalledTimes(1));
    expect(onReminder.mock.calls[0]![0]).toMatchObject({ status: 'succeeded', paymentId: 'pay-preview-0001', method: 'password' });
    await expectAccessible(container);
  });

  it('failed: "Payment failed" with the reason and attempts left; Try again goes back to the password', async () => {
    const { container, user } = renderStory(stories.Failed);
    const dialog = await screen.findByRole('dialog', { name: 'Payment failed' });
    expect(dialog).toHaveTextContent('Wrong payment password');
    expect(dialog).toHaveTextContent('4 attempts left');
    await expectAccessible(container);
    await user.click(within(dialog).getByRole('button', { name: 'Try again' }));
    expect(await screen.findByRole('dialog', { name: 'Enter payment password' })).toBeInTheDocument();
    expect(screen.queryByRole('dialog', { name: 'Payment failed' })).toBeNull();
  });

  it('password locked: the unlock time and no Try again', async () => {
    const { container } = renderStory(stories.Locked);
    const dialog = await screen.findByRole('dialog', { name: 'Payment failed' });
    expect(dialog).toHaveTextContent('Payment password locked');
    expect(dialog).toHaveTextContent(/Password locked until/);
    expect(within(dialog).queryByRole('button', { name: 'Try again' })).toBeNull();
    await expectAccessible(container);
  });

  it('unknown: says the outcome is not known and offers Check again', async () => {
    const { container } = renderStory(stories.Unknown);
    const dialog = await screen.findByRole('dialog', { name: 'Payment result unknown' });
    expect(within(dialog).getByRole('button', { name: 'Check again' })).toBeInTheDocument();
    await expectAccessible(container);
  });
});

let orderSeq = 0;
const payment = (over: Partial<PaymentData> = {}): PaymentData => ({
  orderId: `order-page-${++orderSeq}-${Date.now()}`,
  accountId: 'acct-alice',
  amount: { amount: 10_000, currency: 'CNY' },
  payerAccount: '6222020000000000018',
  payeeAccount: 'merchant-001',
  ...over,
});

function renderPage(data: PaymentData) {
  const onReminder = jest.fn<void, [PaymentReminder]>();
  const view = render(
    <CashierPage payment={data} clientId="page-test" locale="en-US" apiBaseUrl={server.baseUrl} trackingEnabled={false} onReminder={onReminder} />,
  );
  return { ...view, onReminder, user: userEvent.setup() };
}

async function enterPassword(user: ReturnType<typeof userEvent.setup>, password: string) {
  const dialog = await screen.findByRole('dialog', { name: 'Enter payment password' });
  for (const digit of password) await user.click(within(dialog).getByRole('button', { name: digit }));
}

describe('CashierPage through whole flows against the mock server', () => {
  it('Pay, password, "Payment successful": one charge, the reminder carries the payment id', async () => {
    const data = payment();
    const { user, onReminder } = renderPage(data);
    await screen.findByText('Merchant 001');
    await user.click(screen.getByRole('button', { name: 'Pay' }));
    await enterPassword(user, '123456');
    const dialog = await screen.findByRole('dialog', { name: 'Payment successful' });
    expect(server.mock.state.charges).toHaveLength(1);
    const paymentId = server.mock.state.charges[0]!.paymentId;
    expect(dialog).toHaveTextContent(paymentId);
    await waitFor(() => expect(onReminder).toHaveBeenCalledTimes(1));
    expect(onReminder.mock.calls[0]![0]).toMatchObject({ status: 'succeeded', orderId: data.orderId, paymentId });
  });

  it('¥2,000.00 fails pre-verification on the first card; choosing the second card in place pays', async () => {
    const { user } = renderPage(payment({ amount: { amount: 200_000, currency: 'CNY' } }));
    await screen.findByText('Merchant 001');
    await user.click(screen.getByRole('button', { name: 'Pay' }));
    const dialog = await screen.findByRole('dialog', { name: 'Verification failed' });
    expect(within(dialog).getByRole('link', { name: 'How to fix this' }).getAttribute('href')).toMatch(/^https:\/\//);
    await user.selectOptions(within(dialog).getByLabelText('Pay with another card'), 'Bank B •••• 0044'); // by label: option values hold no card number
    await user.click(within(dialog).getByRole('button', { name: 'Pay again' }));
    await enterPassword(user, '123456');
    // Two pre-verifications and a payment against the in-process server: more than the default second on a busy machine.
    await screen.findByRole('dialog', { name: 'Payment successful' }, { timeout: 5000 });
    expect(server.mock.state.charges).toHaveLength(1);
  });

  it('bob over his balance: "Payment failed" with the reason; closing reports failed with the code', async () => {
    const { user, onReminder } = renderPage(payment({ accountId: 'acct-bob', payerAccount: BOB_CARD, amount: { amount: 20_000, currency: 'CNY' } }));
    await screen.findByText('Merchant 001');
    await user.click(screen.getByRole('button', { name: 'Pay' }));
    await enterPassword(user, '654321');
    const dialog = await screen.findByRole('dialog', { name: 'Payment failed' });
    expect(dialog).toHaveTextContent('Insufficient balance');
    expect(server.mock.state.charges).toHaveLength(0);
    await user.click(within(dialog).getByRole('button', { name: 'Close' }));
    expect(onReminder).toHaveBeenCalledWith(expect.objectContaining({ status: 'failed', code: 'INSUFFICIENT_FUNDS' }));
  });
});

describe('CashierPage over a host store', () => {
  it('"Check again" works after a remount: the flow, its attempt key and its request survive in the host store', async () => {
    const rootReducer = combineSlices({ reducerPath: 'host', reducer: (s: { ok: boolean } = { ok: true }) => s });
    paymentSlice.injectInto(rootReducer);
    const store = configureStore({ reducer: rootReducer });
    // The host binds the flow once, with a short recovery deadline; every CashierPage over this store reuses it.
    flowDispatchFor(store as never, () => createCashierServices({ apiBaseUrl: server.baseUrl, recoveryDeadlineMs: 0 }));
    const data = payment();
    const options = { payment: data, clientId: 'test', locale: 'en-US' as const, apiBaseUrl: server.baseUrl, store, trackingEnabled: false };
    const first = render(<CashierPage {...options} />);
    const user = userEvent.setup();
    await screen.findByText('Merchant 001');
    await user.click(screen.getByRole('button', { name: 'Pay' }));
    await screen.findByRole('dialog', { name: 'Enter payment password' });
    // The payment is taken but its answer is lost; with no time to recover (deadline 0) the outcome is unknown.
    server.mock.state.scenario = { name: 'drop-pay-response', delayMs: 0, endpoints: ['pay'], remaining: 1 };
    await enterPassword(user, '123456');
    await screen.findByRole('dialog', { name: 'Payment result unknown' }, { timeout: 10_000 });
    expect(server.mock.state.charges).toHaveLength(1);
    first.unmount();
    render(<CashierPage {...options} />);
    const unknown = await screen.findByRole('dialog', { name: 'Payment result unknown' });
    await user.click(within(unknown).getByRole('button', { name: 'Check again' }));
    await screen.findByRole('dialog', { name: 'Payment successful' }, { timeout: 10_000 });
    expect(server.mock.state.charges).toHaveLength(1);
  }, 30_000);
});
