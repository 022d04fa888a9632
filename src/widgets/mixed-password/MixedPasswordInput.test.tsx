import { act, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import axe from 'axe-core';
import { axeRules, clickKeys as press, createTestServer, firstReport, renderWidget, type TestServer, type User } from '../shared/test-helpers';
import { MixedPasswordInput, type MixedPasswordInputProps } from './MixedPasswordInput';

let server: TestServer;
beforeAll(async () => {
  server = await createTestServer();
});

const setup = (props: Partial<MixedPasswordInputProps> = {}, user?: User) => renderWidget(MixedPasswordInput, server, props, user);
const status = () => screen.getByRole('status');
const button = (name: string) => screen.getByRole('button', { name });
const reported = async (onEncrypted: jest.Mock) => (await firstReport(server, onEncrypted)).password;

describe('MixedPasswordInput', () => {
  it('is a payment password dialog with letter, digit, Shift, Delete and Confirm buttons', () => {
    const { container } = setup();
    const dialog = screen.getByRole('dialog', { name: 'Enter payment password' });
    for (const name of ['q', 'm', '0', '9', 'Shift', 'Delete', 'Confirm']) expect(within(dialog).getByRole('button', { name })).toBeInTheDocument();
    expect(container.querySelector('input')).toBeNull();
    expect(screen.getByText('Use 6 to 20 letters or digits')).toBeInTheDocument();
  });

  it('speaks Chinese in zh-CN', () => {
    render(<MixedPasswordInput getChallenge={server.getChallenge} onEncrypted={jest.fn()} />);
    const dialog = screen.getByRole('dialog', { name: '请输入支付密码' });
    expect(within(dialog).getByRole('button', { name: '确认' })).toBeInTheDocument();
    expect(within(dialog).getByRole('button', { name: '删除' })).toBeInTheDocument();
  });

  it('types letters, Shift capitals and digits by click; Confirm waits for minLength and reports once', async () => {
    const { user, onEncrypted } = setup();
    await press(user, 'pay');
    await user.click(button('Shift'));
    expect(button('Shift')).toHaveAttribute('aria-pressed', 'true');
    await press(user, 'X');
    await user.click(button('Shift'));
    await press(user, '7');
    expect(status()).toHaveTextContent('5 characters entered');
    expect(button('Confirm')).toHaveAttribute('aria-disabled', 'true');
    await user.click(button('Confirm'));
    expect(onEncrypted).not.toHaveBeenCalled();
    await press(user, 'q');
    await user.click(button('Delete'));
    await press(user, '1');
    expect(button('Confirm')).not.toHaveAttribute('aria-disabled');
    await user.click(button('Confirm'));
    expect(await reported(onEncrypted)).toBe('payX71');
    await user.click(button('Confirm'));
    await press(user, 'a');
    await act(() => new Promise((r) => setTimeout(r, 20)));
    expect(onEncrypted).toHaveBeenCalledTimes(1);
  });

  it('takes physical keys: letters in either case, digits, Backspace, Enter to confirm', async () => {
    const { user, onEncrypted } = setup({ minLength: 4 });
    await user.keyboard('Ab3{Backspace}9z!Q');
    expect(status()).toHaveTextContent('5 characters entered');
    await user.keyboard('{Enter}');
    expect(await reported(onEncrypted)).toBe('Ab9zQ');
  });

  it('stops taking characters at maxLength', async () => {
    const { user, onEncrypted } = setup({ minLength: 2, maxLength: 4 });
    await user.keyboard('abcdef');
    expect(status()).toHaveTextContent('4 characters entered');
    await user.keyboard('{Enter}');
    expect(await reported(onEncrypted)).toBe('abcd');
  });

  it('rejects impossible length bounds with a clear error', () => {
    jest.spyOn(console, 'error').mockImplementation(() => undefined);
    expect(() => setup({ minLength: 8, maxLength: 6 })).toThrow(/minLength <= maxLength/);
    expect(() => setup({ maxLength: 65 })).toThrow(RangeError);
    jest.restoreAllMocks();
  });

  it('wipes the entry on blur, on a hidden page and on reopening', async () => {
    const { user, rerender } = setup();
    await user.keyboard('abc');
    act(() => screen.getByRole('dialog').blur());
    expect(status()).toHaveTextContent('0 characters entered');
    screen.getByRole('dialog').focus();
    await user.keyboard('abc');
    const visibility = jest.spyOn(document, 'visibilityState', 'get').mockReturnValue('hidden');
    act(() => {
      document.dispatchEvent(new Event('visibilitychange'));
    });
    visibility.mockRestore();
    expect(status()).toHaveTextContent('0 characters entered');
    await user.keyboard('abc');
    rerender({ open: false });
    rerender({ open: true });
    expect(status()).toHaveTextContent('0 characters entered');
  });

  it('keeps no character in the DOM', async () => {
    const { user, container } = setup();
    await user.keyboard('Secret7');
    const once = container.innerHTML;
    await user.keyboard('{Backspace>7/}ZZZZZZZ');
    expect(container.innerHTML).toBe(once);
    expect(once).not.toMatch(/Secret|value=/);
  });

  it('shuffles the digit row per opening when asked', () => {
    // Plain DOM reads: role queries over 40 keys, 20 times, would be slow.
    const digitsShown = () =>
      Array.from(document.querySelectorAll('button'), (b) => b.textContent ?? '').filter((text) => /^[0-9]$/.test(text));
    const { rerender } = setup({ shuffle: true });
    const orders = new Set<string>();
    for (let i = 0; i < 20; i++) {
      const order = digitsShown();
      expect([...order].sort().join('')).toBe('0123456789');
      orders.add(order.join(''));
      rerender({ open: false });
      rerender({ open: true });
    }
    expect(orders.size).toBeGreaterThanOrEqual(2);
  });

  it('shows a lock and an error, announced, with no axe violations', async () => {
    const { user, container, rerender } = setup({ onCancel: jest.fn() });
    await user.keyboard('abc');
    expect((await axe.run(container, axeRules)).violations).toEqual([]);
    rerender({ error: 'Wrong password, 3 attempts left' });
    expect(screen.getByRole('alert')).toHaveTextContent('Wrong password, 3 attempts left');
    rerender({ error: undefined, locked: { unlocksAt: '2031-05-06T07:08:00Z' }, onUseAnotherMethod: jest.fn() });
    expect(screen.getByRole('alert')).toHaveTextContent(/locked/);
    await user.keyboard('abc');
    expect(status()).toHaveTextContent('0 characters entered');
    expect((await axe.run(container, axeRules)).violations).toEqual([]);
  });

  it('wipes the entry after the idle timeout', async () => {
    jest.useFakeTimers();
    try {
      const user = userEvent.setup({ advanceTimers: jest.advanceTimersByTime });
      setup({ idleTimeoutMs: 2000 }, user);
      await user.keyboard('abc');
      act(() => jest.advanceTimersByTime(2000));
      expect(status()).toHaveTextContent('0 characters entered');
    } finally {
      jest.useRealTimers();
    }
  });
});
