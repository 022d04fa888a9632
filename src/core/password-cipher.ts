// The only way a payment password leaves the widget: RSA-OAEP (SHA-256) over UTF-8 JSON {"password","nonce"}.
import type { EncryptedPassword, PasswordChallenge } from './service-interfaces';

const OPEN = '{"password":"';
const MAX_PLAINTEXT = 190; // RSA-OAEP SHA-256 with a 2048-bit key seals at most 190 bytes

/** The JSON bytes, written straight into one buffer so the password never becomes a JS string. */
function plaintextOf(password: Uint8Array, nonce: string): Uint8Array<ArrayBuffer> {
  if (password.length === 0) throw new RangeError('Password is empty');
  for (const code of password) {
    // Printable ASCII without `"` and `\` needs no JSON escaping.
    if (code < 0x21 || code > 0x7e || code === 0x22 || code === 0x5c) {
      throw new RangeError('Password may hold printable ASCII only, without quotes or backslashes');
    }
  }
  const encoder = new TextEncoder();
  const head = encoder.encode(OPEN);
  const tail = encoder.encode(`","nonce":${JSON.stringify(nonce)}}`);
  const bytes = new Uint8Array(head.length + password.length + tail.length);
  if (bytes.length > MAX_PLAINTEXT) throw new RangeError('Password and nonce are too long to encrypt');
  bytes.set(head);
  bytes.set(password, head.length);
  bytes.set(tail, head.length + password.length);
  return bytes;
}

function assertChallenge(challenge: PasswordChallenge): void {
  const { keyId, nonce, publicKeyJwk } = challenge ?? {};
  if (typeof keyId !== 'string' || typeof nonce !== 'string' || !nonce || typeof publicKeyJwk !== 'object' || !publicKeyJwk) {
    throw new TypeError('Invalid password challenge: keyId, nonce and publicKeyJwk are required');
  }
}

export function toBase64Url(bytes: Uint8Array): string {
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/**
 * Encrypts `password` (character codes) for the server that issued `challenge`.
 * The password bytes are copied before the first await: the caller may zero them as soon as this returns.
 */
export async function encryptPassword(password: Uint8Array, challenge: PasswordChallenge): Promise<EncryptedPassword> {
  assertChallenge(challenge);
  const plaintext = plaintextOf(password, challenge.nonce);
  try {
    const key = await crypto.subtle.importKey(
      'jwk',
      challenge.publicKeyJwk,
      { name: 'RSA-OAEP', hash: 'SHA-256' },
      false,
      ['encrypt'],
    );
    const sealed = await crypto.subtle.encrypt({ name: 'RSA-OAEP' }, key, plaintext);
    return { keyId: challenge.keyId, nonce: challenge.nonce, ciphertext: toBase64Url(new Uint8Array(sealed)) };
  } finally {
    plaintext.fill(0);
  }
}
