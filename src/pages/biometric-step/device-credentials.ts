// The local half of "fingerprint enrolled on this device": the ids of the WebAuthn credentials this browser registered.
// A credential id is an opaque, public identifier (the server lists it in every authentication request); no secret here.
import { CREDENTIAL_ID } from '../../core/wire-validation';

const KEY = 'cashier.webauthn.credentials';
/** Enough for a few accounts on one shared device; the oldest are forgotten first. */
const MAX_IDS = 20;

function storage(): Storage | null {
  try {
    // Reading the property itself throws where storage is blocked (sandboxed frames, some privacy modes).
    return typeof window === 'undefined' ? null : window.localStorage;
  } catch {
    return null;
  }
}

/** The credential ids this device registered, or null when the browser gives no storage to ask (then nothing is known). */
export function deviceCredentialIds(): string[] | null {
  const store = storage();
  if (!store) return null;
  try {
    const value: unknown = JSON.parse(store.getItem(KEY) ?? '[]');
    return Array.isArray(value) ? value.filter((id): id is string => typeof id === 'string' && CREDENTIAL_ID.test(id)) : [];
  } catch {
    return [];
  }
}

/** Remembers that this device holds `ids` (after a registration, or when the authenticator says it already has one). */
export function rememberDeviceCredentials(ids: readonly string[]): void {
  const store = storage();
  const known = deviceCredentialIds();
  if (!store || !known) return;
  const fresh = ids.filter((id) => CREDENTIAL_ID.test(id));
  const next = [...known.filter((id) => !fresh.includes(id)), ...fresh].slice(-MAX_IDS);
  try {
    store.setItem(KEY, JSON.stringify(next));
  } catch {
    // Quota or a blocked write: the fingerprint stays "set up after this payment" here, which is safe.
  }
}
