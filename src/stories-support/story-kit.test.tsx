import { render, screen } from '@testing-library/react';
import { act, StrictMode } from 'react';
import { encryptPassword } from '../core/password-cipher';
import { offlineChallenge, PressKeys, unreachableChallenge } from './story-kit';

describe('story kit', () => {
  it('offlineChallenge gives fresh single-use nonces and a key the password cipher can seal with', async () => {
    const first = await offlineChallenge();
    const second = await offlineChallenge();
    expect(first.nonce).not.toBe(second.nonce);
    expect(first.publicKeyJwk).toEqual(second.publicKeyJwk);
    expect(Date.parse(first.expiresAt)).toBeGreaterThan(Date.now());
    const sealed = await encryptPassword(Uint8Array.from('123456', (c) => c.charCodeAt(0)), first);
    expect(sealed).toMatchObject({ keyId: 'story-key', nonce: first.nonce });
    expect(sealed.ciphertext).not.toContain('123456');
  });

  it('unreachableChallenge rejects, as a server that cannot be reached', async () => {
    await expect(unreachableChallenge()).rejects.toThrow('unreachable');
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
