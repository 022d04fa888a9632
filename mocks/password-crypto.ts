// Cryptography of the password protocol: the server's RSA-OAEP-2048 key pair and scrypt password hashes.
import {
  createHash,
  constants,
  generateKeyPairSync,
  type KeyObject,
  privateDecrypt,
  randomBytes,
  scrypt,
  scryptSync,
  timingSafeEqual,
} from 'node:crypto';

export interface ServerKeyPair {
  keyId: string;
  publicKeyJwk: JsonWebKey;
  privateKey: KeyObject;
}

let keyPair: ServerKeyPair | undefined;

/** Generated once per process at server start: RSA key generation is slow. */
export function serverKeyPair(): ServerKeyPair {
  if (keyPair) return keyPair;
  const { publicKey, privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048, publicExponent: 0x10001 });
  const { n, e } = publicKey.export({ format: 'jwk' });
  // RFC 7638 thumbprint: a stable id derived from the key itself.
  const thumbprint = createHash('sha256').update(JSON.stringify({ e, kty: 'RSA', n })).digest('base64url');
  const keyId = `rsa-${thumbprint.slice(0, 16)}`;
  const publicKeyJwk: JsonWebKey = { kty: 'RSA', n, e, alg: 'RSA-OAEP-256', use: 'enc', key_ops: ['encrypt'], ext: true };
  keyPair = { keyId, publicKeyJwk: { ...publicKeyJwk, kid: keyId } as JsonWebKey, privateKey };
  return keyPair;
}

/** RSA-OAEP with SHA-256 (and MGF1-SHA-256), as WebCrypto's {name:'RSA-OAEP', hash:'SHA-256'} produces. */
export function decryptCiphertext(ciphertext: string): Buffer | undefined {
  if (!/^[A-Za-z0-9_-]+$/.test(ciphertext)) return undefined;
  try {
    return privateDecrypt(
      { key: serverKeyPair().privateKey, padding: constants.RSA_PKCS1_OAEP_PADDING, oaepHash: 'sha256' },
      Buffer.from(ciphertext, 'base64url'),
    );
  } catch {
    return undefined;
  }
}

const SCRYPT = { N: 16_384, r: 8, p: 1, keyLength: 32 };

/** `scrypt$N$r$p$salt$hash`, base64url parts. */
export function hashPassword(password: string): string {
  const salt = randomBytes(16);
  const hash = scryptSync(password.normalize('NFC'), salt, SCRYPT.keyLength, SCRYPT);
  return ['scrypt', SCRYPT.N, SCRYPT.r, SCRYPT.p, salt.toString('base64url'), hash.toString('base64url')].join('$');
}

export function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [scheme, n, r, p, salt, hash] = stored.split('$');
  if (scheme !== 'scrypt' || !salt || !hash) return Promise.resolve(false);
  const expected = Buffer.from(hash, 'base64url');
  const params = { N: Number(n), r: Number(r), p: Number(p) };
  return new Promise((resolve, reject) => {
    scrypt(password.normalize('NFC'), Buffer.from(salt, 'base64url'), expected.length, params, (err, derived) => {
      if (err) reject(err);
      else resolve(timingSafeEqual(derived, expected));
    });
  });
}

export function randomToken(bytes = 16): string {
  return randomBytes(bytes).toString('base64url');
}
