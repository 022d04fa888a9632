// A wrong password inline (red cells, the attempts left announced, a fresh entry), the lock's countdown, "Forgot password?",
// and the ⌫ Delete key.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { act, render, screen, waitFor } from '@testing-library/react';
import { clickKeys, createTestServer, firstReport, renderWidget, type TestServer } from '../shared/test-helpers';
import { PasswordKeyboard, type PasswordKeyboardProps, WRONG_FLASH_MS } from './PasswordKeyboard';

let server: TestServer;
beforeAll(async () => {
  server = await createTestServer();
});
beforeEach(() => server.getChallenge.mockClear());

const setup = (props: Partial<PasswordKeyboardProps> = {}) => renderWidget(PasswordKeyboard, server, props);
const cells = () => document.querySelector('.cashier-pk-cells') as HTMLElement;
const filled = () => document.querySelectorAll('.cashier-pk-filled').length;

describe('PasswordKeyboard: wrong password inline', () => {
  it('says how many attempts are left in an alert, flashes the cells red, then clears them for a fresh entry', async () => {
    const { user, onEncrypted, rerender } = setup();
    await clickKeys(user, '135790');
    await firstReport(server, onEncrypted);
    const challengesBefore = server.getChallenge.mock.calls.length;
    rerender({ attemptsLeft: 4, error: 'Wrong payment password' });
    // The attempts message wins over the plain error, in an alert (a live region).
    expect(screen.getByRole('alert')).toHaveTextContent('Wrong password, 4 attempts left');
    expect(screen.queryByText('Wrong payment password')).toBeNull();
    expect(cells()).toHaveClass('cashier-pk-cells--error');
    expect(cells()).toHaveClass('cashier-pk-cells--shake');
    expect(filled()).toBe(6);
    await waitFor(() => expect(cells()).not.toHaveClass('cashier-pk-cells--shake'), { timeout: WRONG_FLASH_MS * 3 });
    expect(filled()).toBe(0);
    expect(screen.getByRole('status')).toHaveTextContent('0 of 6 digits entered');
    // A fresh challenge for the next entry, and the keys work again.
    await waitFor(() => expect(server.getChallenge.mock.calls.length).toBeGreaterThan(challengesBefore));
    await clickKeys(user, '12');
    expect(screen.getByRole('status')).toHaveTextContent('2 of 6 digits entered');
    expect(cells()).not.toHaveClass('cashier-pk-cells--error');
  }, 20_000); // RSA-OAEP sealing on a busy machine

  it('typing during the flash ends it at once and shows only the typed digits', async () => {
    const { user, rerender } = setup();
    rerender({ attemptsLeft: 3 });
    expect(filled()).toBe(6);
    await clickKeys(user, '1');
    expect(filled()).toBe(1);
    expect(cells()).not.toHaveClass('cashier-pk-cells--shake');
  });

  it('says "1 attempt left" and the zh-CN words', () => {
    const { rerender } = setup({ attemptsLeft: 1 });
    expect(screen.getByRole('alert')).toHaveTextContent('Wrong password, 1 attempt left');
    rerender({ locale: 'zh-CN', attemptsLeft: 2 });
    expect(screen.getByRole('alert')).toHaveTextContent('密码错误，还可尝试 2 次');
  });

  it('shakes only where motion is welcome: the animation sits under prefers-reduced-motion: no-preference', () => {
    const css = readFileSync(join(__dirname, 'password-keyboard.css'), 'utf8');
    const media = /@media \(prefers-reduced-motion: no-preference\) \{([\s\S]*?)\n\}/.exec(css)?.[1] ?? '';
    expect(media).toMatch(/\.cashier-pk-cells--shake \{\s*animation:/);
    expect(css.replace(media, '')).not.toMatch(/animation:/);
  });
});

describe('PasswordKeyboard: lock countdown', () => {
  afterEach(() => jest.useRealTimers());

  it('counts down to the unlock time each second, keys inactive, then says it is unlocked and calls onUnlocked once', () => {
    jest.useFakeTimers({ now: Date.parse('2031-05-06T07:06:58.500Z') });
    const onUnlocked = jest.fn();
    render(
      <PasswordKeyboard
        locale="en-US"
        getChallenge={server.getChallenge}
        onEncrypted={jest.fn()}
        locked={{ unlocksAt: '2031-05-06T07:08:00Z' }}
        onUnlocked={onUnlocked}
      />,
    );
    const timer = () => screen.getByRole('timer');
    expect(timer()).toHaveTextContent('Unlocks in 1:02');
    expect(screen.getByRole('button', { name: '1' })).toHaveAttribute('aria-disabled', 'true');
    act(() => jest.advanceTimersByTime(500));
    expect(timer()).toHaveTextContent('Unlocks in 1:01');
    act(() => jest.advanceTimersByTime(1000));
    expect(timer()).toHaveTextContent('Unlocks in 1:00');
    act(() => jest.advanceTimersByTime(59_000));
    expect(timer()).toHaveTextContent('Unlocks in 0:01');
    expect(onUnlocked).not.toHaveBeenCalled();
    act(() => jest.advanceTimersByTime(1000));
    expect(screen.queryByRole('timer')).toBeNull();
    expect(screen.getByText('Unlocked. You can pay with your password again.')).toBeInTheDocument();
    act(() => jest.advanceTimersByTime(5000));
    expect(onUnlocked).toHaveBeenCalledTimes(1);
  });

  it('counts in zh-CN too', () => {
    jest.useFakeTimers({ now: Date.parse('2031-05-06T06:38:00Z') });
    render(<PasswordKeyboard getChallenge={server.getChallenge} onEncrypted={jest.fn()} locked={{ unlocksAt: '2031-05-06T07:08:00Z' }} />);
    expect(screen.getByRole('timer')).toHaveTextContent('30:00 后解锁');
  });
});

describe('PasswordKeyboard: Forgot password? and Delete', () => {
  it('links "Forgot password?" to the given https URL in a new tab, and never renders another scheme', () => {
    const { rerender } = setup({ forgotPasswordUrl: 'https://help.example/reset' });
    const link = screen.getByRole('link', { name: 'Forgot password?' });
    expect(link).toHaveAttribute('href', 'https://help.example/reset');
    expect(link).toHaveAttribute('rel', 'noopener noreferrer');
    rerender({ forgotPasswordUrl: 'javascript:alert(1)' });
    expect(screen.queryByRole('link')).toBeNull();
    rerender({ locale: 'zh-CN', forgotPasswordUrl: 'https://help.example/reset' });
    expect(screen.getByRole('link', { name: '忘记密码？' })).toBeInTheDocument();
  });

  it('draws Delete as a hidden ⌫ icon while its name stays "Delete" / 删除', () => {
    const { rerender } = setup();
    const del = screen.getByRole('button', { name: 'Delete' });
    expect(del).toHaveTextContent('');
    expect(del.querySelector('svg')).toHaveAttribute('aria-hidden', 'true');
    rerender({ locale: 'zh-CN' });
    expect(screen.getByRole('button', { name: '删除' })).toBe(del);
  });
});
