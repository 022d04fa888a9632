import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { startTestServer, type TestServer } from '../../../mocks/test-helpers';
import type { CashierOptions, PaymentReminder } from '../../core/types';
import { expectNoAxeViolations } from '../test-support';
import { openCashier } from './openCashier';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer({ log: () => undefined });
});
afterAll(() => server.close());
beforeEach(() => server.mock.state.reset());

let orderSeq = 0;
const options = (over: Partial<CashierOptions> = {}): CashierOptions => ({
  payment: {
    orderId: `order-modal-${++orderSeq}-${Date.now()}`,
    accountId: 'acct-alice',
    amount: { amount: 10_000, currency: 'CNY' },
    payerAccount: '6222020000000000018',
    payeeAccount: 'merchant-001',
  },
  clientId: 'modal-test',
  locale: 'en-US',
  apiBaseUrl: server.baseUrl,
  trackingEnabled: false,
  ...over,
});

/** Where the cashier renders: inside the modal container's shadow root (the default), or the container itself. */
function cashierScreen() {
  const container = document.querySelector('[data-cashier-modal]');
  const inner = container?.shadowRoot?.querySelector<HTMLElement>('[data-cashier-shadow]') ?? (container as HTMLElement | null);
  if (!inner) throw new Error('no cashier container');
  return within(inner);
}

/** Opens the cashier inside act (it renders into its own root) and waits for the modal. */
async function open(opts: CashierOptions) {
  let pending!: Promise<PaymentReminder>;
  await act(async () => {
    pending = openCashier(opts);
  });
  const modal = await cashierScreen().findByRole('dialog', { name: 'Cashier' });
  await cashierScreen().findByText('Merchant 001');
  return { pending, modal };
}

const containers = () => document.querySelectorAll('[data-cashier-modal]');

describe('openCashier', () => {
  it('renders one modal into document.body and refuses a second while it is open, with a clear error', async () => {
    const user = userEvent.setup();
    const first = options();
    const { pending, modal } = await open(first);
    expect(containers()).toHaveLength(1);
    expect(modal).toHaveAttribute('aria-modal', 'true');
    await expectNoAxeViolations(document.body);

    await expect(openCashier(options())).rejects.toThrow('openCashier: a cashier is already open; wait for its promise before opening another');
    expect(containers()).toHaveLength(1);

    await user.click(within(modal).getByRole('button', { name: 'Cancel' }));
    await expect(pending).resolves.toMatchObject({ status: 'cancelled', orderId: first.payment.orderId, amount: first.payment.amount });
    // Everything it added is gone, and the next one may open.
    expect(containers()).toHaveLength(0);
    expect(document.body.children).toHaveLength(0);
    const again = await open(options());
    await user.keyboard('{Escape}');
    await expect(again.pending).resolves.toMatchObject({ status: 'cancelled' });
    expect(containers()).toHaveLength(0);
  });

  it('resolves once with the reminder of a whole payment, when the person is done', async () => {
    const user = userEvent.setup();
    const onReminder = jest.fn<void, [PaymentReminder]>();
    const opts = options({ onReminder });
    const { pending } = await open(opts);
    await user.click(cashierScreen().getByRole('button', { name: 'Pay' }));
    const password = await cashierScreen().findByRole('dialog', { name: 'Enter payment password' });
    for (const digit of '123456') await user.click(within(password).getByRole('button', { name: digit }));
    const result = await cashierScreen().findByRole('dialog', { name: 'Payment successful' });
    // The host hears of success at once; the modal stays until the person closes it.
    await waitFor(() => expect(onReminder).toHaveBeenCalledTimes(1));
    expect(containers()).toHaveLength(1);
    await user.click(within(result).getByRole('button', { name: 'Done' }));
    const reminder = await pending;
    expect(reminder).toMatchObject({ status: 'succeeded', orderId: opts.payment.orderId, paymentId: server.mock.state.charges[0]!.paymentId });
    expect(onReminder).toHaveBeenCalledTimes(1);
    expect(containers()).toHaveLength(0);
  });

  it('renders inside an open shadow root by default, focus inside its dialog; isolation "none" renders in the page', async () => {
    const user = userEvent.setup();
    const { pending, modal } = await open(options());
    const container = containers()[0]!;
    expect(container.shadowRoot).not.toBeNull();
    expect(modal.getRootNode()).toBe(container.shadowRoot);
    expect(screen.queryByRole('dialog')).toBeNull(); // the page's own queries do not see inside
    expect(modal.contains(container.shadowRoot!.activeElement)).toBe(true);
    await user.click(within(modal).getByRole('button', { name: 'Cancel' }));
    await expect(pending).resolves.toMatchObject({ status: 'cancelled' });
    expect(document.body.children).toHaveLength(0);

    const light = await open(options({ isolation: 'none' }));
    expect(containers()[0]!.shadowRoot).toBeNull();
    expect(screen.getByRole('dialog', { name: 'Cashier' })).toBe(light.modal);
    await user.keyboard('{Escape}');
    await expect(light.pending).resolves.toMatchObject({ status: 'cancelled' });
    expect(containers()).toHaveLength(0);
  });

  it('rejects options without a payment, leaving nothing behind and not blocking the next call', async () => {
    await expect(openCashier({ clientId: 'x' } as unknown as CashierOptions)).rejects.toThrow(new TypeError('openCashier: options.payment is required'));
    await expect(openCashier(undefined as unknown as CashierOptions)).rejects.toThrow(TypeError);
    expect(containers()).toHaveLength(0);
    const { pending, modal } = await open(options());
    await userEvent.setup().click(within(modal).getByRole('button', { name: 'Cancel' }));
    await expect(pending).resolves.toMatchObject({ status: 'cancelled' });
  });
});
