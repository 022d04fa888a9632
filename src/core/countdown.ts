// A countdown to a moment (the password lock's end), framework-free so any view or host can show the same figures.

/** Whole seconds from `nowMs` until the ISO 8601 time `untilIso`, rounded up and never negative; 0 for an invalid time. */
export function secondsUntil(untilIso: string, nowMs: number): number {
  const until = Date.parse(untilIso);
  if (Number.isNaN(until) || !Number.isFinite(nowMs)) return 0;
  return Math.max(0, Math.ceil((until - nowMs) / 1000));
}

const two = (n: number) => String(n).padStart(2, '0');

/** "m:ss" under an hour, "h:mm:ss" from an hour on: 1799 → "29:59", 3723 → "1:02:03"; negatives count as 0. */
export function formatCountdown(totalSeconds: number): string {
  const s = Math.max(0, Math.floor(Number.isFinite(totalSeconds) ? totalSeconds : 0));
  const hours = Math.floor(s / 3600);
  const minutes = Math.floor((s % 3600) / 60);
  const seconds = s % 60;
  return hours > 0 ? `${hours}:${two(minutes)}:${two(seconds)}` : `${minutes}:${two(seconds)}`;
}
