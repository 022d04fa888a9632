import type { CashierEvent } from '../core/types';
import { MAX_BEACON_BYTES } from './beacon';
import { beaconEvents, fetchMock, make, networkError, send, sendBeacon, seq, installTrackerTestKit } from './tracker-test-kit';

jest.mock('../api/cashier-api', () => ({ cashierApiFor: jest.fn() }));

installTrackerTestKit();

describe('leaving the page', () => {
  test('pagehide sends everything queued through sendBeacon as a text/plain blob', async () => {
    const tracker = make();
    tracker.pageView('cashier');
    tracker.elementClick('cashier', 'pay');
    window.dispatchEvent(new Event('pagehide'));
    expect(sendBeacon).toHaveBeenCalledTimes(1);
    const [url, blob] = sendBeacon.mock.calls[0]!;
    expect(url).toBe('/api/cashier/track');
    expect(blob.type).toBe('text/plain');
    expect((await beaconEvents()).map((event) => event.type)).toEqual(['page_view', 'element_click']);
    expect(tracker.stats).toEqual({ sent: 2, dropped: 0, pending: 0 });
    expect(jest.getTimerCount()).toBe(0);
    expect(send).not.toHaveBeenCalled();
  });

  test('pagehide also beacons the batch in flight, which is then not requeued when its request dies', async () => {
    let fail: (error: unknown) => void = () => undefined;
    send.mockImplementationOnce(() => new Promise<void>((_resolve, reject) => (fail = reject)));
    const tracker = make({ batchSize: 2 });
    for (let n = 0; n < 3; n++) tracker.track('e', { n });
    window.dispatchEvent(new Event('pagehide'));
    expect((await beaconEvents()).map(seq)).toEqual([0, 1, 2]);
    fail(networkError());
    await jest.advanceTimersByTimeAsync(0);
    expect(tracker.stats).toEqual({ sent: 3, dropped: 0, pending: 0 });
    expect(jest.getTimerCount()).toBe(0);
  });

  test('visibilitychange to hidden beacons the queue; back to visible does nothing', () => {
    const tracker = make();
    tracker.track('e', { n: 0 });
    const visibility = jest.spyOn(document, 'visibilityState', 'get').mockReturnValue('visible');
    document.dispatchEvent(new Event('visibilitychange'));
    expect(sendBeacon).not.toHaveBeenCalled();
    visibility.mockReturnValue('hidden');
    document.dispatchEvent(new Event('visibilitychange'));
    expect(sendBeacon).toHaveBeenCalledTimes(1);
    expect(tracker.stats.pending).toBe(0);
  });

  test('large queues are split into beacons under 60 KB, nothing lost', async () => {
    const tracker = make({ batchSize: 1000, maxQueue: 1000 });
    const filler = { a: 'x'.repeat(200), b: 'y'.repeat(200), c: '中'.repeat(200) };
    for (let n = 0; n < 300; n++) tracker.track('e', { n, ...filler });
    window.dispatchEvent(new Event('pagehide'));
    expect(sendBeacon.mock.calls.length).toBeGreaterThan(1);
    for (const [, blob] of sendBeacon.mock.calls) expect(blob.size).toBeLessThan(MAX_BEACON_BYTES);
    expect((await beaconEvents()).map(seq)).toEqual([...Array(300).keys()]);
  });

  test('falls back to fetch keepalive when sendBeacon refuses or is missing', () => {
    sendBeacon.mockReturnValue(false);
    const tracker = make();
    tracker.track('e', { n: 0 });
    window.dispatchEvent(new Event('pagehide'));
    expect(fetchMock).toHaveBeenCalledWith('/api/cashier/track', {
      method: 'POST',
      keepalive: true,
      body: expect.stringContaining('"events":[{'),
      headers: { 'Content-Type': 'text/plain' },
    });
    Object.defineProperty(navigator, 'sendBeacon', { value: undefined, configurable: true });
    tracker.track('e', { n: 1 });
    window.dispatchEvent(new Event('pagehide'));
    expect(fetchMock).toHaveBeenCalledTimes(2);
    expect(JSON.parse(String(fetchMock.mock.calls[1]![1].body)).events[0].n).toBe(1);
  });
});

describe('observeClicks', () => {
  const page = () => {
    const root = document.createElement('div');
    root.innerHTML = `
      <button data-element-id="pay"><span>Pay</span></button>
      <p>plain text</p>
      <div data-page-id="verify-failed"><button data-element-id="retry"><b>Retry</b></button></div>`;
    document.body.append(root);
    return root;
  };
  const click = (root: HTMLElement, selector: string) => root.querySelector<HTMLElement>(selector)!.click();

  test('one delegated listener reports data-element-id within its data-page-id (default cashier)', () => {
    const seen: CashierEvent[] = [];
    const tracker = make({ onEvent: (event) => seen.push(event), sendEnabled: false });
    const root = page();
    const added = jest.spyOn(root, 'addEventListener');
    const remove = tracker.observeClicks(root);
    expect(added).toHaveBeenCalledTimes(1);
    root.querySelector('b')!.addEventListener('click', (event) => event.stopPropagation());
    click(root, 'span');
    click(root, 'p');
    click(root, 'b');
    expect(seen).toEqual([
      expect.objectContaining({ type: 'element_click', pageId: 'cashier', elementId: 'pay' }),
      expect.objectContaining({ type: 'element_click', pageId: 'verify-failed', elementId: 'retry' }),
    ]);
    remove();
    click(root, 'span');
    expect(seen).toHaveLength(2);
    root.remove();
  });

  test('an element id outside the root is not ours', () => {
    const seen: CashierEvent[] = [];
    const tracker = make({ onEvent: (event) => seen.push(event), sendEnabled: false });
    const host = document.createElement('section');
    host.dataset.elementId = 'host-card';
    const root = document.createElement('div');
    root.innerHTML = '<button>untracked</button>';
    host.append(root);
    document.body.append(host);
    tracker.observeClicks(root);
    click(root, 'button');
    expect(seen).toHaveLength(0);
    host.remove();
  });
});

describe('dispose', () => {
  test('beacons the rest, removes listeners and timers, and is idempotent', async () => {
    const seen: CashierEvent[] = [];
    const added = [jest.spyOn(window, 'addEventListener'), jest.spyOn(document, 'addEventListener')];
    const removed = [jest.spyOn(window, 'removeEventListener'), jest.spyOn(document, 'removeEventListener')];
    const tracker = make({ onEvent: (event) => seen.push(event) });
    const root = singleButtonPage();
    tracker.observeClicks(root);
    tracker.track('e', { n: 0 });
    expect(jest.getTimerCount()).toBe(1);
    tracker.dispose();
    tracker.dispose();
    expect(sendBeacon).toHaveBeenCalledTimes(1);
    expect(jest.getTimerCount()).toBe(0);
    // pagehide and visibilitychange: each listener added is removed, with the same handler.
    expect(added.map((spy) => spy.mock.calls.length)).toEqual([1, 1]);
    for (const [i, spy] of added.entries()) expect(removed[i]!.mock.calls).toEqual(spy.mock.calls);
    window.dispatchEvent(new Event('pagehide'));
    root.querySelector('button')!.click();
    expect(sendBeacon).toHaveBeenCalledTimes(1);
    expect(seen).toHaveLength(1);
    root.remove();
  });

  test('a late event is beaconed at once; a failing batch in flight is beaconed, not retried', async () => {
    let fail: (error: unknown) => void = () => undefined;
    send.mockImplementationOnce(() => new Promise<void>((_resolve, reject) => (fail = reject)));
    const tracker = make({ batchSize: 1 });
    tracker.track('e', { n: 0 });
    tracker.dispose();
    tracker.track('e', { n: 1 });
    fail(networkError());
    await jest.advanceTimersByTimeAsync(0);
    expect((await beaconEvents()).map(seq)).toEqual([1, 0]);
    expect(tracker.stats).toEqual({ sent: 2, dropped: 0, pending: 0 });
    expect(jest.getTimerCount()).toBe(0);
  });

  test('100 create, track, dispose cycles leave no timers', async () => {
    for (let i = 0; i < 100; i++) {
      const tracker = make({ batchSize: 3 });
      tracker.pageView('cashier');
      if (i % 2) tracker.track('e', { n: i });
      tracker.dispose();
    }
    await jest.advanceTimersByTimeAsync(0);
    expect(jest.getTimerCount()).toBe(0);
  });
});

function singleButtonPage() {
  const root = document.createElement('div');
  root.innerHTML = '<button data-element-id="pay">Pay</button>';
  document.body.append(root);
  return root;
}
