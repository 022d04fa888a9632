// Wraps the mock server's password verifier: counts every evaluation for the lockout invariant, keeps its answers.

type Verify = (password: string, stored: string) => Promise<boolean>;

/** Told when the server starts evaluating a password against an account's stored hash; returns who hears the answer. */
export type VerifierObserver = (stored: string) => (right: boolean) => void;

let observer: VerifierObserver | undefined;

export function observeVerifier(next: VerifierObserver | undefined): void {
  observer = next;
}

const memo = new Map<string, Promise<boolean>>();
const later = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * The real scrypt comparison runs once per (password, hash) pair and is remembered: the answers are the verifier's
 * own, only the 50 ms of key stretching is not paid a thousand times. Each call still resolves on a later timer turn,
 * so concurrent requests interleave around the comparison as they do with the real cost.
 */
export function watchedVerifier(actual: Verify): Verify {
  return async (password, stored) => {
    const heard = observer?.(stored);
    const key = `${stored}\u0000${password}`;
    let answer = memo.get(key);
    if (!answer) {
      answer = actual(password, stored);
      memo.set(key, answer);
    }
    const right = await answer;
    await later(2);
    heard?.(right);
    return right;
  };
}
