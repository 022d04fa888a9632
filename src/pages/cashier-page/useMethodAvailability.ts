import { useEffect, useState } from 'react';
import { METHODS, type Method } from '../../core/types';

/** Which methods this device can do: password always; fingerprint needs a user-verifying platform authenticator; face needs a camera API. */
export function useMethodAvailability(requested: readonly Method[] = METHODS): Method[] {
  const [available, setAvailable] = useState<Method[]>(() => requested.filter((m) => m === 'password'));
  const key = requested.join(',');
  useEffect(() => {
    let active = true;
    const wanted = key.split(',') as Method[];
    const checks = wanted.map(async (method): Promise<Method | null> => {
      if (method === 'password') return method;
      if (method === 'face') return typeof navigator !== 'undefined' && typeof navigator.mediaDevices?.getUserMedia === 'function' ? method : null;
      if (method === 'fingerprint') {
        try {
          const pkc = typeof window === 'undefined' ? undefined : window.PublicKeyCredential;
          return pkc && (await pkc.isUserVerifyingPlatformAuthenticatorAvailable()) ? method : null;
        } catch {
          return null;
        }
      }
      return null;
    });
    Promise.all(checks).then((list) => {
      if (active) setAvailable(list.filter((m): m is Method => m !== null));
    });
    return () => {
      active = false;
    };
  }, [key]);
  return available;
}
