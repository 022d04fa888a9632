import type { ApiError } from '../api/api-error';
import { cashierApiFor } from '../api/cashier-api';
import type { CashierEvent } from '../core/types';
import { sendByBeacon } from './beacon';
import { scrubEventData } from './scrub';

export interface TrackerOptions {
  clientId: string;
  apiBaseUrl: string;
  /** Host mirror of every buried point; a throwing callback must not break the cashier. */
  onEvent?: (event: CashierEvent) => void;
  /** Host consent to send buried points to the server; default true. onEvent gets them either way. */
  sendEnabled?: boolean;
  /** Default 20. */
  batchSize?: number;
  /** Default 5000. */
  flushIntervalMs?: number;
  /** Default 500; past it the oldest events are dropped and counted. */
  maxQueue?: number;
}

export interface Tracker {
  /** Records `{ ...data, type, clientId, at }`, data scrubbed. */
  track(type: string, data?: Record<string, unknown>): void;
  pageView(pageId: string): void;
  elementClick(pageId: string, elementId: string): void;
  /** One delegated click listener for `[data-element-id]` inside `[data-page-id]` (default 'cashier'); returns the remover. */
  observeClicks(root: HTMLElement): () => void;
  /** Sends everything queued; never rejects (a failed batch waits for its backoff retry). */
  flush(): Promise<void>;
  /** Final flush by beacon; clears timers and listeners. Idempotent; later events are beaconed at once. */
  dispose(): void;
  readonly stats: { sent: number; dropped: number; pending: number };
}

const MAX_BACKOFF_MS = 30_000;

// A 4xx other than timeout and rate limit means resending the batch cannot help.
const isRejected = (error: unknown) => {
  const status = (error as ApiError | undefined)?.status ?? 0;
  return status >= 400 && status < 500 && status !== 408 && status !== 429;
};

/** S21: collects buried points, mirrors them to the host and sends them in batches to the receiving end. */
export function createTracker(options: TrackerOptions): Tracker {
  const { clientId, apiBaseUrl, onEvent, sendEnabled = true, batchSize = 20, flushIntervalMs = 5000, maxQueue = 500 } = options;
  if (!clientId || typeof apiBaseUrl !== 'string' || !(batchSize >= 1 && maxQueue >= 1 && flushIntervalMs >= 0)) {
    throw new TypeError('createTracker: needs clientId, apiBaseUrl, batchSize/maxQueue >= 1, flushIntervalMs >= 0');
  }
  const url = `${apiBaseUrl.replace(/\/+$/, '')}/track`;
  const counts = { sent: 0, dropped: 0 };
  const observers = new Set<() => void>();
  let queue: CashierEvent[] = [];
  let sending: CashierEvent[] | undefined;
  let pumping: Promise<void> | undefined;
  let drainAll = false;
  let failures = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let listening = false;
  let disposed = false;

  const beacon = (events: CashierEvent[]) => {
    if (!events.length) return;
    sendByBeacon(url, events);
    counts.sent += events.length;
  };
  const stopTimer = () => {
    clearTimeout(timer);
    timer = undefined;
  };
  const bound = () => {
    const over = queue.length - maxQueue;
    if (over > 0) counts.dropped += queue.splice(0, over).length;
  };

  // One timer at most, and only while something is queued: no idle timers left behind.
  const schedule = () => {
    if (timer || pumping || !queue.length) return;
    const backoff = Math.min(MAX_BACKOFF_MS, 1000 * 2 ** (failures - 1));
    const wait = failures ? backoff / 2 + (Math.random() * backoff) / 2 : flushIntervalMs;
    timer = setTimeout(() => {
      timer = undefined;
      void pump(true);
    }, wait);
  };

  async function drain() {
    stopTimer();
    while (queue.length >= (drainAll ? 1 : batchSize)) {
      const batch = queue.splice(0, batchSize);
      sending = batch;
      try {
        await cashierApiFor(apiBaseUrl).track(batch);
        if (sending === batch) counts.sent += batch.length;
        failures = 0;
      } catch (error) {
        // Not ours any more: the page was hidden and the batch went out by beacon.
        if (sending !== batch) continue;
        if (isRejected(error)) counts.dropped += batch.length;
        else if (disposed) beacon(batch);
        else {
          queue.unshift(...batch);
          bound();
          failures++;
          break;
        }
      } finally {
        sending = undefined;
      }
    }
  }

  function pump(all: boolean): Promise<void> {
    drainAll ||= all;
    pumping ??= drain().finally(() => {
      pumping = undefined;
      drainAll = false;
      schedule();
    });
    return pumping;
  }

  async function flush() {
    do await pump(true);
    while (queue.length && !failures);
  }

  // The page may never come back: everything queued (and on pagehide, in flight) leaves by beacon.
  const hide = (withInFlight: boolean) => {
    stopTimer();
    const events = withInFlight && sending ? [...sending, ...queue] : queue;
    if (withInFlight) sending = undefined;
    queue = [];
    beacon(events);
  };
  const onPageHide = () => hide(true);
  const onVisibility = () => {
    if (document.visibilityState === 'hidden') hide(false);
  };
  const listen = (on: boolean) => {
    if (listening === on || typeof window === 'undefined') return;
    listening = on;
    const method = on ? 'addEventListener' : 'removeEventListener';
    window[method]('pagehide', onPageHide);
    document[method]('visibilitychange', onVisibility);
  };

  function track(type: string, data?: Record<string, unknown>) {
    const event = Object.freeze({ ...scrubEventData(data), type, clientId, at: new Date().toISOString() }) as CashierEvent;
    try {
      onEvent?.(event);
    } catch {
      // The host's mirror failing must not stop the cashier or the sending.
    }
    if (!sendEnabled) return;
    if (disposed) return beacon([event]);
    queue.push(event);
    bound();
    listen(true);
    if (queue.length >= batchSize && !failures) void pump(false);
    else schedule();
  }

  const elementClick = (pageId: string, elementId: string) => track('element_click', { pageId, elementId });

  function observeClicks(root: HTMLElement) {
    // Capture phase: a handler that stops propagation still gets its click counted.
    const onClick = (event: Event) => {
      const element = (event.target as Element | null)?.closest?.<HTMLElement>('[data-element-id]');
      if (!element || !root.contains(element)) return;
      elementClick(element.closest<HTMLElement>('[data-page-id]')?.dataset.pageId || 'cashier', element.dataset.elementId!);
    };
    root.addEventListener('click', onClick, true);
    const remove = () => {
      root.removeEventListener('click', onClick, true);
      observers.delete(remove);
    };
    observers.add(remove);
    return remove;
  }

  function dispose() {
    if (disposed) return;
    disposed = true;
    // A batch still in flight stays with its request; if that fails, drain beacons it.
    hide(false);
    listen(false);
    for (const remove of observers) remove();
  }

  return {
    track,
    pageView: (pageId) => track('page_view', { pageId }),
    elementClick,
    observeClicks,
    flush,
    dispose,
    get stats() {
      return { ...counts, pending: queue.length + (sending?.length ?? 0) };
    },
  };
}
