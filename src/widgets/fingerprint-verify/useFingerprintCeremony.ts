// The fingerprint step as states: preparing → ready → waiting → completing → done, or failed with a problem.
import { platformAuthenticatorIsAvailable } from '@simplewebauthn/browser';
import { useCallback, useEffect, useRef, useState } from 'react';
import { type FingerprintProblem, NoPlatformAuthenticator, problemOf, RETRYABLE, withDeadline } from './ceremony';

export type CeremonyPhase = 'preparing' | 'ready' | 'waiting' | 'completing' | 'done' | 'failed';

export interface CeremonyState {
  phase: CeremonyPhase;
  problem?: FingerprintProblem;
}

export interface CeremonySteps<P, R> {
  /** Server options (a fresh single-use challenge). */
  prepare: (signal: AbortSignal) => Promise<P>;
  /** The browser ceremony: startAuthentication or startRegistration. */
  ceremony: (prepared: P) => Promise<R>;
  /** What follows a successful ceremony: report the assertion, or have the server verify the new credential. */
  complete: (prepared: P, result: R, signal: AbortSignal) => Promise<void> | void;
  timeoutMs: number;
  /** Start without a press: only where the page is sure it is still inside a user gesture. */
  autoStart?: boolean;
}

export function useFingerprintCeremony<P, R>(steps: CeremonySteps<P, R>): CeremonyState & { start: () => void } {
  const [state, setState] = useState<CeremonyState>({ phase: 'preparing' });
  const latest = useRef(steps);
  latest.current = steps;
  const prepared = useRef<Promise<P> | null>(null);
  const lifetime = useRef<AbortController | null>(null);

  const prepare = useCallback((signal: AbortSignal) => {
    const promise = platformAuthenticatorIsAvailable().then((available) => {
      if (!available) throw new NoPlatformAuthenticator();
      return latest.current.prepare(signal);
    });
    prepared.current = promise;
    // A failed preparation is not kept: the next attempt asks again.
    promise.catch(() => {
      if (prepared.current === promise) prepared.current = null;
    });
    return promise;
  }, []);

  const start = useCallback(async () => {
    const signal = lifetime.current?.signal;
    if (!signal || signal.aborted) return;
    setState({ phase: 'waiting' });
    try {
      // Usually ready already, so the browser prompt follows the press at once (Safari wants a user gesture).
      const options = await (prepared.current ?? prepare(signal));
      prepared.current = null;
      const result = await withDeadline(() => latest.current.ceremony(options), latest.current.timeoutMs, signal);
      if (signal.aborted) return;
      setState({ phase: 'completing' });
      await latest.current.complete(options, result, signal);
      if (!signal.aborted) setState({ phase: 'done' });
    } catch (error) {
      if (signal.aborted) return;
      const problem = problemOf(error);
      setState({ phase: 'failed', problem });
      // The next challenge is fetched now, so that "Try again" goes straight to the prompt.
      if (RETRYABLE.has(problem) && problem !== 'network') prepare(signal).catch(() => undefined);
    }
  }, [prepare]);

  useEffect(() => {
    const controller = new AbortController();
    lifetime.current = controller;
    setState({ phase: 'preparing' });
    prepare(controller.signal).then(
      () => {
        if (!controller.signal.aborted) setState((s) => (s.phase === 'preparing' ? { phase: 'ready' } : s));
      },
      (error: unknown) => {
        if (!controller.signal.aborted) setState((s) => (s.phase === 'preparing' ? { phase: 'failed', problem: problemOf(error) } : s));
      },
    );
    if (latest.current.autoStart) start();
    return () => {
      controller.abort();
      prepared.current = null;
    };
  }, [prepare, start]);

  return { ...state, start };
}
