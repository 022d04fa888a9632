// Work that may wait: run when the main thread is idle (requestIdleCallback), or after a short delay where it is missing.
const FALLBACK_DELAY_MS = 200;

/** Runs `task` once the main thread is idle, at the latest after `timeoutMs`; returns a function that cancels it. */
export function whenIdle(task: () => void, timeoutMs = 2000): () => void {
  if (typeof requestIdleCallback === 'function') {
    const id = requestIdleCallback(() => task(), { timeout: timeoutMs });
    return () => cancelIdleCallback(id);
  }
  const id = setTimeout(task, FALLBACK_DELAY_MS);
  return () => clearTimeout(id);
}
