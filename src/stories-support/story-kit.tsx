// What stories share: an offline password challenge and simulated key presses.
import { type ReactNode, useEffect, useRef } from 'react';
import type { PasswordChallenge } from '../core/service-interfaces';

let publicKey: Promise<JsonWebKey> | null = null;
let issued = 0;

/**
 * A `getChallenge` that needs no server: a fresh RSA-OAEP key made in the browser. Its private key is
 * dropped at once, so not even Storybook can open what a widget seals.
 */
export const offlineChallenge = async (): Promise<PasswordChallenge> => {
  publicKey ??= crypto.subtle
    // Browsers refuse a key pair whose private half has no usage, hence 'decrypt'; that half is never kept.
    .generateKey({ name: 'RSA-OAEP', modulusLength: 2048, publicExponent: new Uint8Array([1, 0, 1]), hash: 'SHA-256' }, true, [
      'encrypt',
      'decrypt',
    ])
    .then((keys) => crypto.subtle.exportKey('jwk', keys.publicKey));
  issued += 1;
  return {
    keyId: 'story-key',
    publicKeyJwk: await publicKey,
    nonce: `story-nonce-${issued}`,
    expiresAt: new Date(Date.now() + 5 * 60_000).toISOString(),
  };
};

/** A challenge that never comes: the widget's "could not prepare secure input" state. */
export const unreachableChallenge = (): Promise<PasswordChallenge> => Promise.reject(new Error('The payment server is unreachable'));

/**
 * Presses on-screen keys after mount by clicking the buttons whose text is each character. The widgets take no
 * digits as props (the password never enters props, state or the DOM), so "partly filled" is only reachable the
 * way a person gets there. Runs after a zero timeout, so StrictMode's second effect pass presses once.
 */
export function PressKeys({ keys, children }: { keys: string; children: ReactNode }) {
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const timer = setTimeout(() => {
      const buttons = Array.from(box.current?.querySelectorAll('button') ?? []);
      for (const key of keys) buttons.find((button) => button.textContent === key)?.click();
    }, 0);
    return () => clearTimeout(timer);
  }, [keys]);
  return <div ref={box}>{children}</div>;
}
