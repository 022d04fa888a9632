// Work that must not delay the frame in progress: run it once that frame is painted.

/**
 * Runs `task` after the next frame is painted (a frame callback, then a task queued from it), or after `timeoutMs`
 * when no frame comes first (a hidden page paints none); returns a function that cancels it.
 */
export function afterNextPaint(task: () => void, timeoutMs = 100): () => void {
  let done = false;
  let queued: ReturnType<typeof setTimeout> | undefined;
  const fallback = setTimeout(() => run(), timeoutMs);
  const frame = typeof requestAnimationFrame === 'function' ? requestAnimationFrame(() => (queued = setTimeout(() => run(), 0))) : undefined;
  function cancel(): void {
    done = true;
    clearTimeout(fallback);
    clearTimeout(queued);
    if (frame !== undefined) cancelAnimationFrame(frame);
  }
  function run(): void {
    if (done) return;
    cancel();
    task();
  }
  return cancel;
}
