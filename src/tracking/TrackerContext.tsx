import { createContext, type ReactNode, useContext, useEffect, useRef } from 'react';
import type { Tracker } from './tracker';

const noop = () => undefined;

// Stable members, so hooks that depend on them do not re-run; stats stay zero.
const noopTracker: Tracker = {
  track: noop,
  pageView: noop,
  elementClick: noop,
  observeClicks: () => noop,
  flush: async () => undefined,
  dispose: noop,
  stats: { sent: 0, dropped: 0, pending: 0 },
};

const TrackerContext = createContext<Tracker>(noopTracker);

export function TrackerProvider({ tracker, children }: { tracker: Tracker; children: ReactNode }) {
  return <TrackerContext.Provider value={tracker}>{children}</TrackerContext.Provider>;
}

/** The provided tracker, or one that records nothing (widget previews, tests). */
export const useTracker = (): Tracker => useContext(TrackerContext);

/** Records one page_view per mount and page id; StrictMode's second effect run is not counted twice. */
export function usePageView(pageId: string): void {
  const tracker = useTracker();
  // Refs survive StrictMode's simulated unmount, so the dev double effect finds the page already counted.
  const shown = useRef<string | null>(null);
  useEffect(() => {
    if (shown.current === pageId) return;
    shown.current = pageId;
    tracker.pageView(pageId);
  }, [tracker, pageId]);
}
