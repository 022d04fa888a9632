import { render } from '@testing-library/react';
import { StrictMode } from 'react';
import type { CashierEvent } from '../core/types';
import { createTracker, type Tracker } from './tracker';
import { TrackerProvider, usePageView, useTracker } from './TrackerContext';

// Never sends (sendEnabled false), so the api module is not needed here.
function recordingTracker() {
  const seen: CashierEvent[] = [];
  const tracker = createTracker({ clientId: 'client-1', apiBaseUrl: '/api/cashier', sendEnabled: false, onEvent: (e) => seen.push(e) });
  return { tracker, pageViews: () => seen.filter((e) => e.type === 'page_view').map((e) => (e as { pageId: string }).pageId) };
}

let probed: Tracker | undefined;
function Probe({ pageId }: { pageId?: string }) {
  probed = useTracker();
  usePageView(pageId ?? 'cashier');
  return null;
}

function Page({ pageId }: { pageId: string }) {
  usePageView(pageId);
  return <p>{pageId}</p>;
}

test('useTracker without a provider gives a tracker that records nothing and never throws', async () => {
  render(<Probe />);
  const tracker = probed;
  expect(() => {
    tracker!.track('x');
    tracker!.pageView('cashier');
    tracker!.elementClick('cashier', 'pay');
    tracker!.observeClicks(document.body)();
    tracker!.dispose();
  }).not.toThrow();
  await expect(tracker!.flush()).resolves.toBeUndefined();
  expect(tracker!.stats).toEqual({ sent: 0, dropped: 0, pending: 0 });
});

test('usePageView records once per mount under StrictMode, again on a real remount or a new page id', () => {
  const { tracker, pageViews } = recordingTracker();
  const view = (page: React.ReactNode) => (
    <StrictMode>
      <TrackerProvider tracker={tracker}>{page}</TrackerProvider>
    </StrictMode>
  );
  const { rerender, unmount } = render(view(<Page pageId="cashier" />));
  expect(pageViews()).toEqual(['cashier']);
  rerender(view(<Page pageId="cashier" />));
  expect(pageViews()).toEqual(['cashier']);
  rerender(view(<Page pageId="verify-failed" />));
  expect(pageViews()).toEqual(['cashier', 'verify-failed']);
  unmount();
  render(view(<Page pageId="cashier" />));
  expect(pageViews()).toEqual(['cashier', 'verify-failed', 'cashier']);
});

test('the provided tracker reaches nested components', () => {
  const { tracker } = recordingTracker();
  render(
    <TrackerProvider tracker={tracker}>
      <div>
        <Probe />
      </div>
    </TrackerProvider>,
  );
  expect(probed).toBe(tracker);
});
