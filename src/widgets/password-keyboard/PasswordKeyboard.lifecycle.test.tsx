// When the entry is wiped, how keys are ordered, focus, accessibility and the long-press Delete.
import { act, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import axe from 'axe-core';
import { axeRules, clickKeys, createTestServer, firstReport, renderWidget, type TestServer } from '../shared/test-helpers';
import { PasswordKeyboard, type PasswordKeyboardProps } from './PasswordKeyboard';

let server: TestServer;
beforeAll(async () => {
  server = await createTestServer();
});

const DIGITS = ['0', '1', '2', '3', '4', '5', '6', '7', '8', '9'];
const setup = (props: Partial<PasswordKeyboardProps> = {}, user?: ReturnType<typeof userEvent.setup>) =>
  renderWidget(PasswordKeyboard, server, props, user);
const status = () => screen.getByRole('status');
const keyOrderShown = () =>
  within(screen.getByRole('dialog'))
    .getAllByRole('button')
    .map((b) => b.textContent)
    .filter((text) => DIGITS.includes(text ?? ''));

describe('PasswordKeyboard wipes the entry', () => {
  it('when focus leaves the dialog', async () => {
    const user = userEvent.setup();
    const onEncrypted = jest.fn();
    render(
      <>
        <button type="button">outside</button>
        <PasswordKeyboard locale="en-US" getChallenge={server.getChallenge} onEncrypted={onEncrypted} />
      </>,
    );
    await clickKeys(user, '987');
    await user.click(screen.getByRole('button', { name: 'outside' }));
    expect(status()).toHaveTextContent('0 of 6 digits entered');
    screen.getByRole('dialog').focus();
    await clickKeys(user, '123456');
    expect((await firstReport(server, onEncrypted)).password).toBe('123456');
  });

  it('when the page is hidden', async () => {
    const { user } = setup();
    await clickKeys(user, '4444');
    const visibility = jest.spyOn(document, 'visibilityState', 'get').mockReturnValue('hidden');
    act(() => {
      document.dispatchEvent(new Event('visibilitychange'));
    });
    visibility.mockRestore();
    expect(status()).toHaveTextContent('0 of 6 digits entered');
  });
});

describe('PasswordKeyboard key order, focus and accessibility', () => {
  it('orders keys 1–9, 0 by default and reshuffles on each opening only', async () => {
    const { user, rerender } = setup();
    expect(keyOrderShown()).toEqual(['1', '2', '3', '4', '5', '6', '7', '8', '9', '0']);
    rerender({ shuffle: true, open: false });
    const orders = new Set<string>();
    for (let i = 0; i < 20; i++) {
      rerender({ shuffle: true, open: true });
      const order = keyOrderShown();
      expect([...order].sort()).toEqual(DIGITS);
      orders.add(order.join(''));
      rerender({ shuffle: true, open: false });
    }
    expect(orders.size).toBeGreaterThanOrEqual(2);
    rerender({ shuffle: true, open: true });
    const before = keyOrderShown();
    await clickKeys(user, '12');
    expect(keyOrderShown()).toEqual(before);
  });

  it('traps Tab inside the dialog and gives focus back on close', async () => {
    const user = userEvent.setup();
    const props = { locale: 'en-US' as const, getChallenge: server.getChallenge, onEncrypted: jest.fn(), onCancel: jest.fn() };
    const page = (open: boolean) => (
      <>
        <button type="button">pay</button>
        <PasswordKeyboard {...props} open={open} />
      </>
    );
    const { rerender } = render(page(false));
    const pay = screen.getByRole('button', { name: 'pay' });
    pay.focus();
    rerender(page(true));
    const dialog = screen.getByRole('dialog');
    expect(dialog).toHaveFocus();
    await user.tab();
    expect(screen.getByRole('button', { name: 'Cancel' })).toHaveFocus();
    await user.tab({ shift: true });
    expect(screen.getByRole('button', { name: 'Delete' })).toHaveFocus();
    await user.tab();
    expect(screen.getByRole('button', { name: 'Cancel' })).toHaveFocus();
    for (let i = 0; i < 15; i++) {
      await user.tab();
      expect(dialog).toContainElement(document.activeElement as HTMLElement);
    }
    rerender(page(false));
    expect(pay).toHaveFocus();
  });

  it('has no axe violations: fresh, with an error, locked, and after a failed challenge', async () => {
    const { user, container, rerender, unmount } = setup({ onCancel: jest.fn(), onUseAnotherMethod: jest.fn() });
    await clickKeys(user, '12');
    expect((await axe.run(container, axeRules)).violations).toEqual([]);
    rerender({ error: 'Wrong password, 2 attempts left' });
    expect((await axe.run(container, axeRules)).violations).toEqual([]);
    rerender({ locked: { unlocksAt: '2031-05-06T07:08:00Z' } });
    expect((await axe.run(container, axeRules)).violations).toEqual([]);
    unmount();
    server.getChallenge.mockRejectedValueOnce(new Error('503'));
    const failed = setup();
    await screen.findByRole('button', { name: 'Retry' });
    expect((await axe.run(failed.container, axeRules)).violations).toEqual([]);
  });
});

describe('PasswordKeyboard timers', () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());
  const fiveTyped = async (props: Partial<PasswordKeyboardProps> = {}) => {
    const user = userEvent.setup({ advanceTimers: jest.advanceTimersByTime });
    setup(props, user);
    await user.keyboard('12345');
    return { user, del: screen.getByRole('button', { name: 'Delete' }) };
  };
  const wait = (ms: number) => act(() => jest.advanceTimersByTime(ms));

  it('Delete held down repeats after 500 ms, every 100 ms, and stops on release', async () => {
    const { user, del } = await fiveTyped();
    await user.pointer({ keys: '[MouseLeft>]', target: del });
    wait(499);
    expect(status()).toHaveTextContent('5 of 6 digits entered');
    wait(1);
    expect(status()).toHaveTextContent('4 of 6 digits entered');
    wait(200);
    expect(status()).toHaveTextContent('2 of 6 digits entered');
    await user.pointer({ keys: '[/MouseLeft]', target: del });
    wait(1000);
    // The click that ends a long press deletes nothing more.
    expect(status()).toHaveTextContent('2 of 6 digits entered');
    await user.click(del);
    expect(status()).toHaveTextContent('1 of 6 digits entered');
  });

  it('a pointer leaving Delete stops the repeat', async () => {
    const { user, del } = await fiveTyped();
    await user.pointer({ keys: '[MouseLeft>]', target: del });
    wait(600);
    await user.pointer({ target: screen.getByRole('button', { name: '1' }) });
    wait(1000);
    expect(status()).toHaveTextContent('3 of 6 digits entered');
  });

  it('wipes the entry after the idle timeout, counted from the last key', async () => {
    const { user } = await fiveTyped({ idleTimeoutMs: 5000 });
    wait(4000);
    await user.keyboard('{Backspace}');
    wait(4000);
    expect(status()).toHaveTextContent('4 of 6 digits entered');
    wait(1000);
    expect(status()).toHaveTextContent('0 of 6 digits entered');
  });
});
