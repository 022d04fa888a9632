import { ApiError } from '../api/api-error';
import { type CashierApi, cashierApiFor } from '../api/cashier-api';
import type { CashierEvent } from '../core/types';
import { createTracker, type Tracker, type TrackerOptions } from './tracker';

// Shared by the tracker's DOM tests; each test file calls jest.mock('../api/cashier-api', ...) itself (hoisting).
export const send = jest.fn<Promise<void>, [CashierEvent[]]>();
export const sendBeacon = jest.fn<boolean, [string, Blob]>();
export const fetchMock = jest.fn<Promise<unknown>, [string, RequestInit]>();
export const networkError = () => new ApiError('network', 'NETWORK', 'unreachable');
export const httpError = (status: number) => new ApiError('http', `HTTP_${status}`, 'refused', { status, refused: status < 500 });

const created: Tracker[] = [];
export const make = (options: Partial<TrackerOptions> = {}) => {
  const tracker = createTracker({ clientId: 'client-1', apiBaseUrl: '/api/cashier/', ...options });
  created.push(tracker);
  return tracker;
};
// Every test event carries its sequence number n.
export const seq = (event: CashierEvent) => (event as Record<string, unknown>).n;
export const sentBatches = () => send.mock.calls.map(([events]) => events.map(seq));
const blobText = (blob: Blob) =>
  new Promise<string>((resolve) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result));
    reader.readAsText(blob);
  });
export const beaconEvents = async () =>
  (await Promise.all(sendBeacon.mock.calls.map(async ([, blob]) => JSON.parse(await blobText(blob)).events as CashierEvent[]))).flat();

/** Fake timers, a mocked api client, sendBeacon and fetch; every tracker made is disposed after its test. */
export function installTrackerTestKit(): void {
  beforeEach(() => {
    jest.useFakeTimers();
    send.mockReset().mockResolvedValue(undefined);
    sendBeacon.mockReset().mockReturnValue(true);
    fetchMock.mockReset().mockResolvedValue({});
    jest.mocked(cashierApiFor).mockReturnValue({ track: send } as unknown as CashierApi);
    Object.defineProperty(navigator, 'sendBeacon', { value: sendBeacon, configurable: true, writable: true });
    Object.defineProperty(globalThis, 'fetch', { value: fetchMock, configurable: true, writable: true });
  });

  afterEach(() => {
    // Trackers left listening would answer later tests' pagehide events.
    for (const tracker of created.splice(0)) tracker.dispose();
    jest.restoreAllMocks();
    jest.useRealTimers();
  });
}
