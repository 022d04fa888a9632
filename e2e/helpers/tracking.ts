// Buried points as they reached the mock (raw /track bodies, fetch or beacon) and as it counted them (/track/stats).
// Playwright (and a page CDP session) never sees sendBeacon requests, so the bodies are read on the server side.
import express from 'express';
import { createStaticHandler, listen } from '../../examples/static-server';
import { createMockServer } from '../../mocks/app';
import { urls } from '../browser';
import { dists, MOCK_PATH } from '../servers';

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

/** The events in raw /track bodies ({"events":[...]}). */
export function eventsIn(bodies: readonly string[]): SentEvent[] {
  return bodies.flatMap((body) => (JSON.parse(body) as { events: SentEvent[] }).events);
}

export async function getStats(cashierUrl = urls.cashier): Promise<TrackingStats> {
  const response = await fetch(`${cashierUrl}${MOCK_PATH}/track/stats`);
  if (!response.ok) throw new Error(`GET /track/stats: HTTP ${response.status}`);
  return (await response.json()) as TrackingStats;
}

/** Polls the stats until they hold `total` events: beacons arrive after the page is gone. */
export async function statsWithTotal(total: number, cashierUrl = urls.cashier, timeoutMs = 10_000): Promise<TrackingStats> {
  let stats = await getStats(cashierUrl);
  const deadline = Date.now() + timeoutMs;
  while (stats.totalEvents < total && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 100));
    stats = await getStats(cashierUrl);
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

/** A remote + mock of this test process, so the test can read what the mock received and every raw /track body. */
export interface RecordingRemote {
  url: string;
  /** Raw /track request bodies as they arrived (fetch and beacon alike; rejected ones too). */
  bodies: string[];
  /** The events the mock accepted and keeps for its statistics. */
  received(): SentEvent[];
  close(): Promise<void>;
}

export async function startRecordingRemote(): Promise<RecordingRemote> {
  const mock = createMockServer({ log: (error) => console.error('[e2e mock] unexpected error', error) });
  const bodies: string[] = [];
  const app = express();
  app.disable('x-powered-by');
  // Read as text before the mock's parsers: the mock accepts a string body (a beacon's text/plain) as JSON.
  app.post(`${MOCK_PATH}/track`, express.text({ type: () => true, limit: '1mb' }), (req, _res, next) => {
    bodies.push(typeof req.body === 'string' ? req.body : '');
    next();
  });
  app.use(MOCK_PATH, mock.app);
  app.use(createStaticHandler({ root: dists.remote }));
  const server = await listen(app, 0);
  return {
    url: server.url,
    bodies,
    received: () => mock.state.trackingEvents as SentEvent[],
    close: async () => {
      mock.close();
      await server.close();
    },
  };
}
