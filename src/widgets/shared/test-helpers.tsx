// Test helpers: a real RSA-OAEP key pair standing in for the payment server, and a widget renderer.
import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { ComponentType } from 'react';
import type { PasswordChallenge } from '../../core/service-interfaces';
import type { SecurePasswordProps } from './useSecureEntry';

export interface TestServer {
  getChallenge: jest.Mock<Promise<PasswordChallenge>, []>;
  /** Opens a ciphertext the way the server does: {password, nonce}. */
  decrypt: (ciphertext: string) => Promise<{ password: string; nonce: string }>;
}

export async function createTestServer(): Promise<TestServer> {
  const keys = await crypto.subtle.generateKey(
    { name: 'RSA-OAEP', modulusLength: 2048, publicExponent: new Uint8Array([1, 0, 1]), hash: 'SHA-256' },
    true,
    ['encrypt', 'decrypt'],
  );
  const publicKeyJwk = await crypto.subtle.exportKey('jwk', keys.publicKey);
  let issued = 0;
  const getChallenge = jest.fn(async () => {
    issued += 1;
    return { keyId: 'key-1', publicKeyJwk, nonce: `nonce-${issued}`, expiresAt: '2999-01-01T00:00:00Z' };
  });
  const decrypt = async (ciphertext: string) => {
    const plain = await crypto.subtle.decrypt({ name: 'RSA-OAEP' }, keys.privateKey, Buffer.from(ciphertext, 'base64url'));
    return JSON.parse(new TextDecoder().decode(plain));
  };
  return { getChallenge, decrypt };
}

export type User = ReturnType<typeof userEvent.setup>;

/** Renders `Widget` in en-US against `server`; `rerender` merges new props into the first ones. */
export function renderWidget<P extends SecurePasswordProps>(Widget: ComponentType<P>, server: TestServer, props: Partial<P> = {}, user: User = userEvent.setup()) {
  const onEncrypted = jest.fn();
  const all = { locale: 'en-US', getChallenge: server.getChallenge, onEncrypted, ...props } as unknown as P;
  const view = render(<Widget {...all} />);
  const rerender = (more: Partial<P>) => view.rerender(<Widget {...all} {...more} />);
  return { ...view, user, onEncrypted, rerender };
}

export async function clickKeys(user: User, keys: string) {
  for (const key of keys) await user.click(screen.getByRole('button', { name: key }));
}

/** The first report, opened with the test server's private key. */
export async function firstReport(server: TestServer, onEncrypted: jest.Mock) {
  await waitFor(() => expect(onEncrypted).toHaveBeenCalled());
  const sealed = onEncrypted.mock.calls[0]?.[0];
  return { sealed, ...(await server.decrypt(sealed.ciphertext)) };
}

export const axeRules = { rules: { 'color-contrast': { enabled: false } } }; // jsdom does no layout
