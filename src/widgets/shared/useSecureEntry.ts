// The secret side of a password widget: characters live in a ref'd byte buffer, React state holds only the count.
import { useCallback, useEffect, useRef, useState } from 'react';
import { encryptPassword } from '../../core/password-cipher';
import type { EncryptedPassword, PasswordChallenge } from '../../core/service-interfaces';
import type { Locale } from '../../core/types';
import { afterNextPaint } from './after-paint';

export interface PasswordLock {
  /** ISO 8601 time the password unlocks. */
  unlocksAt: string;
}

/** What every password SDK widget takes. */
export interface SecurePasswordProps {
  /** Default 'zh-CN'. */
  locale?: Locale;
  /** Fetches a fresh single-use challenge; called ahead, when the widget opens with keys on, after each new error and at the first key. */
  getChallenge: () => Promise<PasswordChallenge>;
  /** Called once per entry with the sealed password; the plain password is never reported. */
  onEncrypted: (password: EncryptedPassword) => void;
  /** Close button and Escape. */
  onCancel?: () => void;
  /** Default true. Closing wipes the entry and returns focus; each opening reshuffles. */
  open?: boolean;
  /** Random key order (crypto.getRandomValues), new on each opening, never per tap. Default false. */
  shuffle?: boolean;
  /** Shown and announced, e.g. a wrong password with attempts left; a new value starts a new entry. */
  error?: string;
  /** Password locked: says until when (and counts down to it), keys do nothing, "Use another method" is offered. */
  locked?: PasswordLock;
  /** The lock's countdown reached zero (the flow may then lift the lock). */
  onUnlocked?: () => void;
  /** A wrong password with this many attempts left: shown and announced as "Wrong password, N attempts left" (wins over `error`). */
  attemptsLeft?: number;
  /** A vetted https link (the cashier checks it under the correction links' rules), shown as "Forgot password?". */
  forgotPasswordUrl?: string;
  onUseAnotherMethod?: () => void;
  /** Keys do nothing, e.g. while the payment is being sent. */
  disabled?: boolean;
  /** Wipes what was typed after this long without a key press. Default 60000. */
  idleTimeoutMs?: number;
  /** Dialog title and accessible name; default "Enter payment password" in the locale. */
  title?: string;
  /** Changing it starts a new entry (e.g. a retry after an error with the same text). */
  resetKey?: string | number;
}

export interface SecureEntry {
  count: number;
  /** Disabled or locked: key presses do nothing. */
  inactive: boolean;
  prepareFailed: boolean;
  type: (charCode: number) => void;
  remove: () => void;
  submit: (minLength: number) => void;
  clear: () => void;
  retry: () => void;
}

// input: accepting keys; busy: sealing the password; done: reported, deaf until the next reset.
type Phase = 'input' | 'busy' | 'done';

/** `capacity`: most characters; `autoSubmit`: seal as soon as the buffer is full (the 6-digit password). */
export function useSecureEntry(props: SecurePasswordProps, capacity: number, autoSubmit: boolean): SecureEntry {
  if (typeof props.getChallenge !== 'function' || typeof props.onEncrypted !== 'function') {
    throw new TypeError('A password widget needs getChallenge and onEncrypted functions');
  }
  const inactive = Boolean(props.disabled || props.locked);
  const options = { ...props, capacity, autoSubmit, inactive, idleTimeoutMs: props.idleTimeoutMs ?? 60_000 };
  const latest = useRef(options);
  latest.current = options;
  const bytes = useRef(new Uint8Array(0));
  const length = useRef(0);
  const phase = useRef<Phase>('input');
  const session = useRef(0); // bumped by every wipe, so a sealing that outlived its entry is dropped
  const challenge = useRef<Promise<PasswordChallenge> | null>(null);
  const deferred = useRef(false); // the entry started with keys off: its challenge waits for the first key
  const requestSoon = useRef<(() => void) | null>(null); // cancels a challenge request waiting for the next paint
  const idle = useRef<ReturnType<typeof setTimeout>>(undefined);
  const [count, setCount] = useState(0);
  const [prepareFailed, setPrepareFailed] = useState(false);

  // `restart` also leaves the done phase; a plain clear keeps a reported entry reported.
  const wipe = useCallback((restart: boolean) => {
    bytes.current.fill(0);
    clearTimeout(idle.current);
    session.current++;
    if (restart || phase.current !== 'done') {
      phase.current = 'input';
      length.current = 0;
      setCount(0);
    }
  }, []);
  const clear = useCallback(() => wipe(false), [wipe]);

  // Fetched ahead of the last key, so the sealing starts at once.
  const prepare = useCallback((): Promise<PasswordChallenge> => {
    requestSoon.current?.();
    requestSoon.current = null;
    if (!challenge.current) {
      const pending = Promise.resolve().then(() => latest.current.getChallenge());
      challenge.current = pending;
      setPrepareFailed(false);
      pending.catch(() => {
        if (challenge.current !== pending) return; // superseded by a retry
        challenge.current = null;
        setPrepareFailed(true);
      });
    }
    return challenge.current;
  }, []);

  const retry = useCallback(() => {
    challenge.current = null;
    prepare().catch(() => undefined);
  }, [prepare]);

  const submit = useCallback(
    async (minLength: number) => {
      if (phase.current !== 'input' || latest.current.inactive || length.current < Math.max(1, minLength)) return;
      phase.current = 'busy';
      const mine = session.current;
      let sealed: EncryptedPassword;
      try {
        let next = await prepare();
        if (Date.parse(next.expiresAt) <= Date.now()) {
          challenge.current = null;
          next = await prepare();
        }
        if (mine !== session.current) return;
        challenge.current = null; // a nonce is good for one password only
        const sealing = encryptPassword(bytes.current.subarray(0, length.current), next);
        bytes.current.fill(0); // encryptPassword has copied the bytes already
        sealed = await sealing;
      } catch {
        if (mine === session.current) {
          wipe(true);
          setPrepareFailed(true);
        }
        return;
      }
      if (mine !== session.current) return;
      phase.current = 'done';
      latest.current.onEncrypted(sealed);
    },
    [prepare, wipe],
  );

  const touched = useCallback(
    (n: number) => {
      setCount(n);
      clearTimeout(idle.current);
      idle.current = setTimeout(clear, latest.current.idleTimeoutMs);
    },
    [clear],
  );

  const type = useCallback(
    (charCode: number) => {
      const { capacity, inactive, autoSubmit } = latest.current;
      if (phase.current !== 'input' || inactive) return;
      if (length.current === 0 && bytes.current.length !== capacity) bytes.current = new Uint8Array(capacity);
      if (length.current >= bytes.current.length) return;
      bytes.current[length.current++] = charCode;
      // An entry started while keys were off has no challenge yet: the first key asks, well ahead of the last.
      if (deferred.current) {
        deferred.current = false;
        prepare().catch(() => undefined);
      }
      touched(length.current);
      if (autoSubmit && length.current === capacity) submit(capacity);
    },
    [prepare, submit, touched],
  );

  const remove = useCallback(() => {
    if (phase.current !== 'input' || latest.current.inactive || length.current === 0) return;
    bytes.current[--length.current] = 0;
    touched(length.current);
  }, [touched]);

  // A fresh entry, with its challenge on the way unless keys are off (locked, or a payment being sent: the nonce would go unused).
  const start = useCallback(() => {
    wipe(true);
    deferred.current = latest.current.inactive && !latest.current.locked;
    requestSoon.current?.();
    // Asked once the keys are painted: sending it inside the commit that shows them would delay that frame.
    requestSoon.current = latest.current.inactive ? null : afterNextPaint(() => prepare().catch(() => undefined));
  }, [wipe, prepare]);

  const { open = true, error, resetKey } = props;
  const lockedUntil = props.locked?.unlocksAt;
  // biome-ignore lint/correctness/useExhaustiveDependencies: a new resetKey or lock is the trigger
  useEffect(() => {
    if (open) start();
    else wipe(true);
  }, [open, resetKey, lockedUntil, start, wipe]);
  // Only a new error restarts; an error going away must not reopen a reported entry.
  useEffect(() => {
    if (error) start();
  }, [error, start]);

  useEffect(() => {
    const onVisibility = () => {
      if (document.visibilityState === 'hidden') clear();
    };
    document.addEventListener('visibilitychange', onVisibility);
    return () => {
      document.removeEventListener('visibilitychange', onVisibility);
      requestSoon.current?.();
      clear();
    };
  }, [clear]);

  return { count, inactive, prepareFailed, type, remove, submit, clear, retry };
}
