import fc from 'fast-check';
import { encryptPassword, toBase64Url } from './password-cipher';
import type { PasswordChallenge } from './service-interfaces';

const codes = (text: string) => Uint8Array.from(text, (ch) => ch.charCodeAt(0));
const fromBase64Url = (text: string) => Uint8Array.from(Buffer.from(text, 'base64url'));

let keys: CryptoKeyPair;
let challenge: PasswordChallenge;

beforeAll(async () => {
  keys = await crypto.subtle.generateKey(
    { name: 'RSA-OAEP', modulusLength: 2048, publicExponent: new Uint8Array([1, 0, 1]), hash: 'SHA-256' },
    true,
    ['encrypt', 'decrypt'],
  );
  challenge = {
    keyId: 'key-1',
    publicKeyJwk: await crypto.subtle.exportKey('jwk', keys.publicKey),
    nonce: 'nonce-abc',
    expiresAt: '2999-01-01T00:00:00Z',
  };
});

async function decrypt(ciphertext: string): Promise<unknown> {
  const plain = await crypto.subtle.decrypt({ name: 'RSA-OAEP' }, keys.privateKey, fromBase64Url(ciphertext));
  return JSON.parse(new TextDecoder().decode(plain));
}

describe('encryptPassword', () => {
  it('seals {"password","nonce"} so that the private key opens it', async () => {
    const sealed = await encryptPassword(codes('123456'), challenge);
    expect(sealed.keyId).toBe('key-1');
    expect(sealed.nonce).toBe('nonce-abc');
    expect(sealed.ciphertext).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(await decrypt(sealed.ciphertext)).toEqual({ password: '123456', nonce: 'nonce-abc' });
  });

  it('uses randomized padding: the same password never gives the same ciphertext', async () => {
    const a = await encryptPassword(codes('123456'), challenge);
    const b = await encryptPassword(codes('123456'), challenge);
    expect(a.ciphertext).not.toBe(b.ciphertext);
  });

  it('copies the password before its first await, so the caller may zero it at once', async () => {
    const digits = codes('654321');
    const pending = encryptPassword(digits, challenge);
    digits.fill(0);
    expect(await decrypt((await pending).ciphertext)).toEqual({ password: '654321', nonce: 'nonce-abc' });
  });

  it('round-trips any mixed password of letters and digits', async () => {
    await fc.assert(
      fc.asyncProperty(fc.stringMatching(/^[A-Za-z0-9]{1,20}$/), async (password) => {
        const sealed = await encryptPassword(codes(password), challenge);
        expect(await decrypt(sealed.ciphertext)).toEqual({ password, nonce: 'nonce-abc' });
      }),
      { numRuns: 15 },
    );
  });

  it('rejects characters that would need JSON escaping, and empty passwords', async () => {
    await expect(encryptPassword(codes('12"456'), challenge)).rejects.toThrow(/printable ASCII/);
    await expect(encryptPassword(codes('12\\456'), challenge)).rejects.toThrow(/printable ASCII/);
    await expect(encryptPassword(codes('12 456'), challenge)).rejects.toThrow(/printable ASCII/);
    await expect(encryptPassword(new Uint8Array(0), challenge)).rejects.toThrow(/empty/);
  });

  it('rejects an incomplete challenge and a plaintext too long for RSA-OAEP', async () => {
    const broken = { ...challenge, nonce: '' };
    await expect(encryptPassword(codes('123456'), broken)).rejects.toThrow(/Invalid password challenge/);
    await expect(encryptPassword(codes('1'.repeat(170)), challenge)).rejects.toThrow(/too long/);
  });

  it('fails on a key that is not an RSA-OAEP public key', async () => {
    const wrong = { ...challenge, publicKeyJwk: { kty: 'oct', k: 'AAAA' } };
    await expect(encryptPassword(codes('123456'), wrong)).rejects.toThrow();
  });
});

describe('toBase64Url', () => {
  it('matches Node base64url for any bytes', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), (bytes) => {
        expect(toBase64Url(bytes)).toBe(Buffer.from(bytes).toString('base64url'));
      }),
    );
  });
});
