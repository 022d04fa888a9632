import { useEffect, useMemo, useState } from 'react';
import type { BiometricEnrolment, CashierResources } from '../../core/service-interfaces';
import { METHODS, type Method } from '../../core/types';
import { deviceCredentialIds } from '../biometric-step/device-credentials';

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

/** Is `method` enrolled where it would be used? Face is the account's; a fingerprint is the account's AND this device's. */
export function isEnrolled(method: Method, enrolled: BiometricEnrolment | undefined, deviceIds: readonly string[] | null): boolean {
  if (method === 'password') return true;
  if (!enrolled) return false;
  if (method === 'face') return enrolled.face;
  // No storage to ask (blocked): the server's word alone, rather than never offering the fingerprint in that browser.
  if (deviceIds === null) return enrolled.fingerprint;
  return enrolled.fingerprint && enrolled.credentialIds.some((id) => deviceIds.includes(id));
}

export interface MethodOffer {
  /** Every method the device can do, in order: the radio group shows all of them. */
  capable: Method[];
  /** Those that can pay now (enrolled); the others are shown disabled. */
  usable: Method[];
  /** Capable but not enrolled, once the page resources have said so: "Set up after this payment" (and the offer after it). */
  needsSetup: Method[];
}

/** The methods to offer: device capability (useMethodAvailability) narrowed by the page resources' enrolment facts. */
export function useMethodOffer(requested: readonly Method[] | undefined, resources: CashierResources | null): MethodOffer {
  const capable = useMethodAvailability(requested);
  const enrolled = resources?.enrolled;
  // Read once per answer of the page resources (an enrolment in this session writes it before the next payment's answer).
  // biome-ignore lint/correctness/useExhaustiveDependencies: the answer is the trigger to read the device's list again
  const deviceIds = useMemo(() => deviceCredentialIds(), [resources]);
  return useMemo(() => {
    const usable = capable.filter((method) => method === 'password' || (resources !== null && isEnrolled(method, enrolled, deviceIds)));
    // Until the page resources answer, biometrics are disabled without a hint (not yet known, and nothing shifts later).
    const needsSetup = resources === null ? [] : capable.filter((method) => !usable.includes(method));
    return { capable, usable, needsSetup };
  }, [capable, enrolled, deviceIds, resources]);
}
