// A WebAuthn ceremony with our own deadline (a browser without an authenticator can wait forever), and what went wrong.
import { WebAuthnAbortService } from '@simplewebauthn/browser';
import { ApiError } from '../../api/api-error';

export const DEFAULT_TIMEOUT_MS = 60_000;

export type FingerprintProblem =
  | 'cancelled'
  | 'timeout'
  | 'notEnrolled'
  | 'locked'
  | 'unavailable'
  | 'network'
  | 'alreadyEnrolled'
  | 'enrollNotAllowed'
  | 'failed';

/** Problems that another attempt can fix; the others leave only the password (or closing). */
export const RETRYABLE: ReadonlySet<FingerprintProblem> = new Set(['cancelled', 'timeout', 'network', 'failed']);

export class CeremonyTimeout extends Error {
  constructor() {
    super('The authenticator did not answer in time');
    this.name = 'CeremonyTimeout';
  }
}

export class NoPlatformAuthenticator extends Error {
  constructor() {
    super('No user-verifying platform authenticator is available');
    this.name = 'NoPlatformAuthenticator';
  }
}

/**
 * Runs `ceremony` until it settles, `timeoutMs` passes or `signal` aborts; on a deadline or abort the pending
 * navigator.credentials call is aborted through simplewebauthn's AbortController (WebAuthnAbortService).
 */
export function withDeadline<T>(ceremony: () => Promise<T>, timeoutMs: number, signal: AbortSignal): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const stop = (error: Error) => {
      clearTimeout(timer);
      signal.removeEventListener('abort', onAbort);
      WebAuthnAbortService.cancelCeremony();
      reject(error);
    };
    const onAbort = () => stop(new DOMException('The ceremony was abandoned', 'AbortError'));
    const timer = setTimeout(() => stop(new CeremonyTimeout()), timeoutMs);
    signal.addEventListener('abort', onAbort);
    ceremony().then(
      (value) => {
        clearTimeout(timer);
        signal.removeEventListener('abort', onAbort);
        resolve(value);
      },
      (error: unknown) => {
        clearTimeout(timer);
        signal.removeEventListener('abort', onAbort);
        reject(error);
      },
    );
  });
}

const SERVER_PROBLEMS: Record<string, FingerprintProblem> = {
  METHOD_NOT_ENROLLED: 'notEnrolled',
  BIOMETRIC_LOCKED: 'locked',
  ENROLLMENT_NOT_ALLOWED: 'enrollNotAllowed',
  ENROLLMENT_TOKEN_USED: 'enrollNotAllowed',
  NETWORK: 'network',
};

/** Cancel and "not recognised" look the same to a page (NotAllowedError): both are 'cancelled'. */
export function problemOf(error: unknown): FingerprintProblem {
  if (error instanceof CeremonyTimeout) return 'timeout';
  if (error instanceof NoPlatformAuthenticator) return 'unavailable';
  if (error instanceof ApiError) return SERVER_PROBLEMS[error.code] ?? (error.transient ? 'network' : 'failed');
  const name = error instanceof Error ? error.name : '';
  if (name === 'NotAllowedError' || name === 'AbortError') return 'cancelled';
  if (name === 'InvalidStateError') return 'alreadyEnrolled';
  if (name === 'NotSupportedError' || name === 'SecurityError') return 'unavailable';
  return 'failed';
}
