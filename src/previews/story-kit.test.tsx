import { render, screen } from '@testing-library/react';
import { act, StrictMode } from 'react';
import { encryptPassword } from '../core/password-cipher';
import { ACTION_EVENT, action, isLocalized, localized, offlineChallenge, PressKeys, resolveLocalized, unreachableChallenge } from './story-kit';

describe('story kit', () => {
  it('offlineChallenge gives fresh single-use nonces and a key the password cipher can seal with', async () => {
    const first = await offlineChallenge();
    const second = await offlineChallenge();
    expect(first.nonce).not.toBe(second.nonce);
    expect(first.publicKeyJwk).toEqual(second.publicKeyJwk);
    expect(Date.parse(first.expiresAt)).toBeGreaterThan(Date.now());
    const sealed = await encryptPassword(Uint8Array.from('123456', (c) => c.charCodeAt(0)), first);
    expect(sealed).toMatchObject({ keyId: 'preview-key', nonce: first.nonce });
    expect(sealed.ciphertext).not.toContain('123456');
  });

  it('unreachableChallenge rejects, as a server that cannot be reached', async () => {
    await expect(unreachableChallenge()).rejects.toThrow('unreachable');
  });

  it('action reports each call to the previews as an event with a short summary', () => {
    const seen: unknown[] = [];
    const listener = (event: Event) => seen.push((event as CustomEvent).detail);
    window.addEventListener(ACTION_EVENT, listener);
    action('onEncrypted')({ keyId: 'k', ciphertext: 'x'.repeat(1000) });
    const circular: Record<string, unknown> = {};
    circular.self = circular;
    action('onEvent')(circular);
    window.removeEventListener(ACTION_EVENT, listener);
    expect(seen).toEqual([
      { name: 'onEncrypted', summary: expect.stringMatching(/^\[\{"keyId":"k"/) },
      { name: 'onEvent', summary: '(not serialisable)' },
    ]);
    expect((seen[0] as { summary: string }).summary).toHaveLength(300);
  });

  it('localized args follow the locale; other values pass through', () => {
    const args = { error: localized('Wrong', '错误'), shuffle: true, locked: { unlocksAt: 'x' } };
    expect(isLocalized(args.error)).toBe(true);
    expect(isLocalized(args.locked)).toBe(false);
    expect(resolveLocalized(args, 'zh-CN')).toEqual({ error: '错误', shuffle: true, locked: { unlocksAt: 'x' } });
    expect(resolveLocalized(args, 'en-US').error).toBe('Wrong');
  });

  it('PressKeys clicks the buttons whose text is each character, once, after mount', async () => {
    const pressed: string[] = [];
    render(
      <StrictMode>
        <PressKeys keys="12a">
        {['1', '2', '3', 'a'].map((key) => (
          <button key={key} type="button" onClick={() => pressed.push(key)}>
            {key}
          </button>
        ))}
        </PressKeys>
      </StrictMode>,
    );
    expect(pressed).toEqual([]);
    await act(() => new Promise((resolve) => setTimeout(resolve, 10)));
    expect(pressed).toEqual(['1', '2', 'a']);
    expect(screen.getAllByRole('button')).toHaveLength(4);
  });
});
