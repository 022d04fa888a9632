// Work that may wait: run when the main thread is idle (requestIdleCallback), or after a short delay where it is missing.
const FALLBACK_DELAY_MS = 200;

/**
 * Runs `task` once the main thread is idle, at the latest after `timeoutMs`; returns a function that cancels it.
 * The task gets the idle period's deadline (none where requestIdleCallback is missing), to do more while time is left.
 */
export function whenIdle(task: (deadline?: IdleDeadline) => void, timeoutMs = 2000): () => void {
  if (typeof requestIdleCallback === 'function') {
    const id = requestIdleCallback((deadline) => task(deadline), { timeout: timeoutMs });
    return () => cancelIdleCallback(id);
  }
  const id = setTimeout(() => task(), FALLBACK_DELAY_MS);
  return () => clearTimeout(id);
}
