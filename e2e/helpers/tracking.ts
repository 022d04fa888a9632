// Buried points as the browser sent them (/track bodies, fetch or beacon) and as the mock counted them (/track/stats).
import type { BrowserContext } from 'playwright-core';
import { type RecordedRequest, urls } from '../browser';

export interface SentEvent {
  type: string;
  clientId: string;
  at: string;
  pageId?: string;
  elementId?: string;
  [key: string]: unknown;
}

export interface Funnel {
  pageViews: number;
  payClicks: number;
  successfulPayments: number;
  viewToClickRate: number | null;
  clickToSuccessRate: number | null;
}

export interface TrackingStats {
  totalEvents: number;
  totals: Funnel;
  clients: (Funnel & {
    clientId: string;
    pages: (Funnel & { pageId: string })[];
    methods: { method: string; attempts: number; successes: number; successRate: number | null }[];
  })[];
  methods: { method: string; attempts: number; successes: number; successRate: number | null }[];
}

const TRACK_URL = `${urls.cashier}/api/cashier/track`;

/**
 * Every /track POST of the context, beacons sent while a page unloads included (a page's own request log can
 * miss those: the page is gone by then).
 */
export function recordTrackBodies(context: BrowserContext): RecordedRequest[] {
  const bodies: RecordedRequest[] = [];
  context.on('request', (request) => {
    if (request.method() !== 'POST' || request.url() !== TRACK_URL) return;
    bodies.push({
      url: request.url(),
      method: request.method(),
      postData: request.postData(),
      headers: request.headers(),
      resourceType: request.resourceType(),
    });
  });
  return bodies;
}

export function eventsIn(bodies: readonly RecordedRequest[]): SentEvent[] {
  return bodies.flatMap((r) => (JSON.parse(r.postData ?? '{"events":[]}') as { events: SentEvent[] }).events);
}

export async function getStats(): Promise<TrackingStats> {
  const response = await fetch(`${TRACK_URL}/stats`);
  if (!response.ok) throw new Error(`GET /track/stats: HTTP ${response.status}`);
  return (await response.json()) as TrackingStats;
}

/** Polls the stats until they hold `total` events (beacons arrive after the page is gone). */
export async function statsWithTotal(total: number, timeoutMs = 10_000): Promise<TrackingStats> {
  let stats = await getStats();
  const deadline = Date.now() + timeoutMs;
  while (stats.totalEvents < total && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 100));
    stats = await getStats();
  }
  return stats;
}

/** "type pageId elementId" → count, for comparing event multisets. */
export function countByKey(events: readonly Pick<SentEvent, 'type' | 'pageId' | 'elementId'>[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const e of events) {
    const key = [e.type, e.pageId, e.elementId].filter(Boolean).join(' ');
    counts[key] = (counts[key] ?? 0) + 1;
  }
  return counts;
}
