import { act, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { StrictMode } from 'react';
import { clickKeys, createTestServer, firstReport, renderWidget, type TestServer } from '../shared/test-helpers';
import { PasswordKeyboard, type PasswordKeyboardProps } from './PasswordKeyboard';

let server: TestServer;
beforeAll(async () => {
  server = await createTestServer();
});
beforeEach(() => server.getChallenge.mockClear());

const DIGITS = ['0', '1', '2', '3', '4', '5', '6', '7', '8', '9'];
const setup = (props: Partial<PasswordKeyboardProps> = {}) => renderWidget(PasswordKeyboard, server, props);
const status = () => screen.getByRole('status');
const settle = () => act(() => new Promise((resolve) => setTimeout(resolve, 20)));

describe('PasswordKeyboard', () => {
  it('is the payment password dialog: title, ten digit keys and Delete, no input element', async () => {
    const { container } = setup();
    const dialog = screen.getByRole('dialog', { name: 'Enter payment password' });
    expect(dialog).toHaveAttribute('aria-modal', 'true');
    for (const d of DIGITS) expect(within(dialog).getByRole('button', { name: d })).toHaveAttribute('type', 'button');
    expect(within(dialog).getByRole('button', { name: 'Delete' })).toBeInTheDocument();
    expect(container.querySelector('input, textarea, [contenteditable]')).toBeNull();
    expect(dialog).toHaveFocus();
    // The challenge is fetched on open, ahead of the sixth digit.
    await waitFor(() => expect(server.getChallenge).toHaveBeenCalledTimes(1));
  });

  it('refuses to render without getChallenge and onEncrypted', () => {
    jest.spyOn(console, 'error').mockImplementation(() => undefined);
    const broken = { getChallenge: undefined } as unknown as PasswordKeyboardProps;
    expect(() => render(<PasswordKeyboard {...broken} />)).toThrow(/needs getChallenge and onEncrypted/);
    jest.restoreAllMocks();
  });

  it('speaks Chinese in zh-CN, the default locale', () => {
    render(<PasswordKeyboard getChallenge={server.getChallenge} onEncrypted={jest.fn()} onCancel={jest.fn()} />);
    const dialog = screen.getByRole('dialog', { name: '请输入支付密码' });
    expect(within(dialog).getByRole('button', { name: '删除' })).toBeInTheDocument();
    expect(within(dialog).getByRole('button', { name: '取消' })).toBeInTheDocument();
    expect(status()).toHaveTextContent('已输入 0 位，共 6 位');
  });

  it('takes clicks, deletes, and reports once an encrypted password that opens to the typed digits', async () => {
    const { user, onEncrypted } = setup();
    await clickKeys(user, '135');
    expect(status()).toHaveTextContent('3 of 6 digits entered');
    await user.click(screen.getByRole('button', { name: 'Delete' }));
    expect(status()).toHaveTextContent('2 of 6 digits entered');
    await clickKeys(user, '7902');
    const { sealed, password, nonce } = await firstReport(server, onEncrypted);
    expect(password).toBe('137902');
    expect(nonce).toBe(sealed.nonce);
    expect(sealed.keyId).toBe('key-1');
    // A 7th key and a Delete after the 6th do nothing: no second report.
    await clickKeys(user, '4');
    await user.click(screen.getByRole('button', { name: 'Delete' }));
    await settle();
    expect(onEncrypted).toHaveBeenCalledTimes(1);
    expect(status()).toHaveTextContent('6 of 6 digits entered');
  });

  it('takes physical digit keys and Backspace while the dialog has focus; Escape cancels', async () => {
    const onCancel = jest.fn();
    const { user, onEncrypted } = setup({ onCancel });
    await user.keyboard('12a{Backspace}3');
    expect(status()).toHaveTextContent('2 of 6 digits entered');
    await user.keyboard('45678');
    expect((await firstReport(server, onEncrypted)).password).toBe('134567');
    await user.keyboard('{Escape}');
    expect(onCancel).toHaveBeenCalledTimes(1);
  });

  it('works under StrictMode and reports once', async () => {
    const user = userEvent.setup();
    const onEncrypted = jest.fn();
    render(
      <StrictMode>
        <PasswordKeyboard locale="en-US" getChallenge={server.getChallenge} onEncrypted={onEncrypted} />
      </StrictMode>,
    );
    await clickKeys(user, '111222');
    expect((await firstReport(server, onEncrypted)).password).toBe('111222');
    await settle();
    expect(onEncrypted).toHaveBeenCalledTimes(1);
  });

  it('a new error is shown, announced and starts a new entry with a new nonce', async () => {
    const { user, onEncrypted, rerender } = setup();
    await clickKeys(user, '000000');
    const first = await firstReport(server, onEncrypted);
    rerender({ error: 'Wrong password, 4 attempts left' });
    expect(screen.getByRole('alert')).toHaveTextContent('Wrong password, 4 attempts left');
    expect(status()).toHaveTextContent('0 of 6 digits entered');
    await clickKeys(user, '123456');
    await waitFor(() => expect(onEncrypted).toHaveBeenCalledTimes(2));
    const second = onEncrypted.mock.calls[1]?.[0];
    expect(second.nonce).not.toBe(first.nonce);
    expect(await server.decrypt(second.ciphertext)).toEqual({ password: '123456', nonce: second.nonce });
  });

  it('resetKey starts a new entry; an error going away does not', async () => {
    const { user, onEncrypted, rerender } = setup({ error: 'Network error' });
    await clickKeys(user, '999999');
    await firstReport(server, onEncrypted);
    rerender({ error: undefined });
    await clickKeys(user, '1');
    expect(status()).toHaveTextContent('6 of 6 digits entered');
    rerender({ error: undefined, resetKey: 2 });
    await clickKeys(user, '1');
    expect(status()).toHaveTextContent('1 of 6 digits entered');
  });

  it('when locked: says until when, keys do nothing, offers another method', async () => {
    const onUseAnotherMethod = jest.fn();
    const { user } = setup({ locked: { unlocksAt: '2031-05-06T07:08:00Z' }, onUseAnotherMethod });
    expect(screen.getByRole('alert')).toHaveTextContent(/Payment password locked\. Try again after .*2031/);
    expect(screen.getByRole('button', { name: '5' })).toHaveAttribute('aria-disabled', 'true');
    await clickKeys(user, '55');
    await user.keyboard('55');
    expect(status()).toHaveTextContent('0 of 6 digits entered');
    await user.click(screen.getByRole('button', { name: 'Use another method' }));
    expect(onUseAnotherMethod).toHaveBeenCalledTimes(1);
    expect(server.getChallenge).not.toHaveBeenCalled();
  });

  it('disabled keys do nothing', async () => {
    const { user } = setup({ disabled: true });
    await clickKeys(user, '12');
    await user.keyboard('3');
    expect(status()).toHaveTextContent('0 of 6 digits entered');
  });

  it('a failed challenge says so with Retry; after Retry the password goes through', async () => {
    server.getChallenge.mockRejectedValueOnce(new Error('503'));
    const { user, onEncrypted } = setup();
    expect(await screen.findByRole('alert')).toHaveTextContent('Could not prepare secure input');
    await user.click(screen.getByRole('button', { name: 'Retry' }));
    await waitFor(() => expect(screen.queryByRole('alert')).toBeNull());
    expect(screen.getByRole('dialog')).toHaveFocus();
    await clickKeys(user, '246810');
    expect((await firstReport(server, onEncrypted)).password).toBe('246810');
  });

  it('fetches a new challenge at the sixth digit when the prefetched one has expired', async () => {
    const fresh = await server.getChallenge();
    server.getChallenge.mockClear();
    server.getChallenge.mockResolvedValueOnce({ ...fresh, nonce: 'stale', expiresAt: '2000-01-01T00:00:00Z' });
    const { user, onEncrypted } = setup();
    await clickKeys(user, '314159');
    const { sealed, nonce } = await firstReport(server, onEncrypted);
    expect(server.getChallenge).toHaveBeenCalledTimes(2);
    expect(nonce).not.toBe('stale');
    expect(sealed.nonce).toBe(nonce);
  });

  it('a challenge failing at the sixth digit wipes the entry and offers Retry', async () => {
    server.getChallenge.mockRejectedValueOnce(new Error('503')).mockRejectedValueOnce(new Error('503'));
    const { user, onEncrypted } = setup();
    await screen.findByRole('alert');
    await clickKeys(user, '123456');
    await waitFor(() => expect(status()).toHaveTextContent('0 of 6 digits entered'));
    expect(screen.getByRole('alert')).toHaveTextContent('Could not prepare secure input');
    expect(onEncrypted).not.toHaveBeenCalled();
  });

  it('keeps no digit anywhere in the DOM: different digits give the same markup', async () => {
    const { user, container } = setup();
    await clickKeys(user, '90715');
    const typedOnce = container.innerHTML;
    await user.keyboard('{Backspace>5/}');
    expect(status()).toHaveTextContent('0 of 6 digits entered');
    await clickKeys(user, '22222');
    expect(container.innerHTML).toBe(typedOnce);
    expect(typedOnce).not.toMatch(/90715|value=/);
    expect(container.querySelector('.cashier-pk-cells')?.textContent).toBe('');
  });
});
