import type { CashierEvent } from '../core/types';
import { httpError, make, networkError, send, sendBeacon, sentBatches, installTrackerTestKit } from './tracker-test-kit';

jest.mock('../api/cashier-api', () => ({ cashierApiFor: jest.fn() }));

installTrackerTestKit();

describe('event shapes', () => {
  test('page_view, element_click and flow events carry clientId and an ISO time, data scrubbed', () => {
    const seen: CashierEvent[] = [];
    const tracker = make({ onEvent: (event) => seen.push(event), sendEnabled: false });
    tracker.pageView('cashier');
    tracker.elementClick('verify-failed', 'retry');
    tracker.track('preverify_result', { passed: false, failedKeys: ['single_limit'], password: '123456', card: '6222020000000000018' });
    expect(seen).toEqual([
      { type: 'page_view', clientId: 'client-1', pageId: 'cashier', at: expect.any(String) },
      { type: 'element_click', clientId: 'client-1', pageId: 'verify-failed', elementId: 'retry', at: expect.any(String) },
      { type: 'preverify_result', clientId: 'client-1', passed: false, failedKeys: ['single_limit'], card: '****0018', at: expect.any(String) },
    ]);
    for (const event of seen) expect(new Date(event.at).toISOString()).toBe(event.at);
  });

  test('data cannot override type, clientId or at', () => {
    const seen: CashierEvent[] = [];
    make({ onEvent: (event) => seen.push(event), sendEnabled: false }).track('method_chosen', { type: 'x', clientId: 'y', at: 'z' });
    expect(seen[0]).toMatchObject({ type: 'method_chosen', clientId: 'client-1' });
    expect(seen[0]!.at).not.toBe('z');
  });

  test('bad options get a clear error', () => {
    expect(() => make({ clientId: '' })).toThrow(/clientId/);
    expect(() => make({ batchSize: 0 })).toThrow(/batchSize/);
    expect(() => make({ apiBaseUrl: undefined as unknown as string })).toThrow(/apiBaseUrl/);
  });
});

describe('batching', () => {
  test('a full batch goes at once; the rest waits for the interval; no timer stays behind', async () => {
    const tracker = make({ batchSize: 3, flushIntervalMs: 5000 });
    for (let n = 0; n < 5; n++) tracker.track('e', { n });
    await jest.advanceTimersByTimeAsync(0);
    expect(sentBatches()).toEqual([[0, 1, 2]]);
    expect(tracker.stats).toEqual({ sent: 3, dropped: 0, pending: 2 });
    await jest.advanceTimersByTimeAsync(4999);
    expect(send).toHaveBeenCalledTimes(1);
    await jest.advanceTimersByTimeAsync(1);
    expect(sentBatches()).toEqual([[0, 1, 2], [3, 4]]);
    expect(tracker.stats).toEqual({ sent: 5, dropped: 0, pending: 0 });
    expect(jest.getTimerCount()).toBe(0);
  });

  test('the interval timer starts with the first queued event, not at creation', async () => {
    const tracker = make({ flushIntervalMs: 1000 });
    expect(jest.getTimerCount()).toBe(0);
    tracker.track('e', { n: 0 });
    expect(jest.getTimerCount()).toBe(1);
    await jest.advanceTimersByTimeAsync(1000);
    expect(sentBatches()).toEqual([[0]]);
    expect(jest.getTimerCount()).toBe(0);
  });

  test('flush sends everything queued in batches and clears the timer', async () => {
    const tracker = make({ batchSize: 2 });
    for (let n = 0; n < 5; n++) tracker.track('e', { n });
    await tracker.flush();
    expect(sentBatches()).toEqual([[0, 1], [2, 3], [4]]);
    expect(jest.getTimerCount()).toBe(0);
  });

  test('flush waits for a batch already in flight', async () => {
    let release: () => void = () => undefined;
    send.mockImplementationOnce(() => new Promise<void>((resolve) => (release = resolve)));
    const tracker = make({ batchSize: 1 });
    tracker.track('e', { n: 0 });
    const flushed = tracker.flush();
    expect(tracker.stats.pending).toBe(1);
    release();
    await flushed;
    expect(tracker.stats).toEqual({ sent: 1, dropped: 0, pending: 0 });
  });
});

describe('retry and drop', () => {
  test('a network error is retried with exponential backoff up to 30 s, then succeeds', async () => {
    jest.spyOn(Math, 'random').mockReturnValue(1);
    const times: number[] = [];
    send.mockImplementation(async () => {
      times.push(Date.now());
      if (times.length <= 7) throw times.length % 2 ? networkError() : httpError(503);
    });
    const tracker = make();
    tracker.track('e', { n: 0 });
    await tracker.flush();
    await jest.advanceTimersByTimeAsync(100_000);
    expect(times.slice(1).map((time, i) => time - times[i]!)).toEqual([1000, 2000, 4000, 8000, 16000, 30000, 30000]);
    expect(tracker.stats).toEqual({ sent: 1, dropped: 0, pending: 0 });
    expect(jest.getTimerCount()).toBe(0);
  });

  test('jitter shortens a backoff to no less than half', async () => {
    jest.spyOn(Math, 'random').mockReturnValue(0);
    send.mockRejectedValueOnce(networkError());
    const tracker = make();
    tracker.track('e', { n: 0 });
    await tracker.flush();
    await jest.advanceTimersByTimeAsync(499);
    expect(send).toHaveBeenCalledTimes(1);
    await jest.advanceTimersByTimeAsync(1);
    expect(send).toHaveBeenCalledTimes(2);
    expect(tracker.stats.sent).toBe(1);
  });

  test('a 4xx batch is dropped and counted, never resent; the next batch goes normally', async () => {
    send.mockRejectedValueOnce(httpError(400));
    const tracker = make({ batchSize: 2 });
    tracker.track('e', { n: 0 });
    tracker.track('e', { n: 1 });
    await jest.advanceTimersByTimeAsync(0);
    expect(tracker.stats).toEqual({ sent: 0, dropped: 2, pending: 0 });
    expect(jest.getTimerCount()).toBe(0);
    tracker.track('e', { n: 2 });
    tracker.track('e', { n: 3 });
    await jest.advanceTimersByTimeAsync(0);
    expect(sentBatches()).toEqual([[0, 1], [2, 3]]);
    expect(tracker.stats).toEqual({ sent: 2, dropped: 2, pending: 0 });
  });

  test('429 is retried, not dropped', async () => {
    send.mockRejectedValueOnce(httpError(429));
    const tracker = make();
    tracker.track('e', { n: 0 });
    await tracker.flush();
    expect(tracker.stats).toEqual({ sent: 0, dropped: 0, pending: 1 });
    await jest.advanceTimersByTimeAsync(1000);
    expect(tracker.stats).toEqual({ sent: 1, dropped: 0, pending: 0 });
  });

  test('the queue is bounded: the oldest events are dropped and counted, also while retrying', async () => {
    const tracker = make({ maxQueue: 5, batchSize: 100 });
    for (let n = 0; n < 8; n++) tracker.track('e', { n });
    expect(tracker.stats).toEqual({ sent: 0, dropped: 3, pending: 5 });
    send.mockRejectedValueOnce(networkError());
    await tracker.flush();
    for (let n = 8; n < 10; n++) tracker.track('e', { n });
    expect(tracker.stats).toEqual({ sent: 0, dropped: 5, pending: 5 });
    await tracker.flush();
    expect(sentBatches()).toEqual([[3, 4, 5, 6, 7], [5, 6, 7, 8, 9]]);
  });
});

describe('consent and the host mirror', () => {
  test('sendEnabled false sends and queues nothing, but onEvent gets every event', async () => {
    const onEvent = jest.fn();
    const added = jest.spyOn(window, 'addEventListener');
    const tracker = make({ sendEnabled: false, onEvent, batchSize: 1 });
    tracker.pageView('cashier');
    tracker.elementClick('cashier', 'pay');
    tracker.track('payment_result', { status: 'succeeded', code: 'OK' });
    await tracker.flush();
    window.dispatchEvent(new Event('pagehide'));
    tracker.dispose();
    expect(onEvent).toHaveBeenCalledTimes(3);
    expect(send).not.toHaveBeenCalled();
    expect(sendBeacon).not.toHaveBeenCalled();
    expect(added).not.toHaveBeenCalled();
    expect(tracker.stats).toEqual({ sent: 0, dropped: 0, pending: 0 });
    expect(jest.getTimerCount()).toBe(0);
  });

  test('a throwing onEvent breaks neither the caller nor the sending', async () => {
    const tracker = make({
      onEvent: () => {
        throw new Error('host bug');
      },
    });
    expect(() => tracker.pageView('cashier')).not.toThrow();
    await tracker.flush();
    expect(tracker.stats.sent).toBe(1);
  });
});
