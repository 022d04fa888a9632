import type { CashierEvent } from '../core/types';

// Browsers refuse a beacon (and keepalive fetches in flight) past 64 KiB; stay under with room to spare.
export const MAX_BEACON_BYTES = 60_000;

function post(url: string, body: string): void {
  try {
    // text/plain is a CORS-safelisted type: no preflight, which an unloading page could not wait for.
    if (navigator.sendBeacon(url, new Blob([body], { type: 'text/plain' }))) return;
  } catch {
    // sendBeacon missing or refused: fall back to a keepalive fetch.
  }
  globalThis
    .fetch?.(url, { method: 'POST', keepalive: true, body, headers: { 'Content-Type': 'text/plain' } })
    ?.catch(() => undefined);
}

/** Sends events while the page goes away, as `{"events":[...]}` bodies of under 60 KB each. */
export function sendByBeacon(url: string, events: readonly CashierEvent[]): void {
  let parts: string[] = [];
  let bytes = 0;
  const send = () => post(url, `{"events":[${parts.join(',')}]}`);
  for (const event of events) {
    const part = JSON.stringify(event);
    const size = new Blob([part]).size + 1;
    if (parts.length && bytes + size > MAX_BEACON_BYTES - 16) {
      send();
      parts = [];
      bytes = 0;
    }
    parts.push(part);
    bytes += size;
  }
  if (parts.length) send();
}
