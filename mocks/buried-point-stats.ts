// S21 conversion statistics from buried points: views -> "Pay" clicks -> successful payments, per client and page.
import type { CashierEvent } from '../src/core/types';

export interface Funnel {
  pageViews: number;
  payClicks: number;
  successfulPayments: number;
  /** payClicks / pageViews; null without page views. */
  viewToClickRate: number | null;
  /** successfulPayments / payClicks; null without clicks. */
  clickToSuccessRate: number | null;
}

export interface MethodStats {
  method: string;
  attempts: number;
  successes: number;
  successRate: number | null;
}

export interface PageStats extends Funnel {
  pageId: string;
}

export interface ClientStats extends Funnel {
  clientId: string;
  pages: PageStats[];
  methods: MethodStats[];
}

export interface TrackingStats {
  totalEvents: number;
  totals: Funnel;
  clients: ClientStats[];
  methods: MethodStats[];
}

type Counts = { pageViews: number; payClicks: number; successfulPayments: number };
type MethodCounts = Map<string, { attempts: number; successes: number }>;

const rate = (part: number, whole: number): number | null =>
  whole === 0 ? null : Math.round((part / whole) * 10_000) / 10_000;

const funnel = (counts: Counts): Funnel => ({
  ...counts,
  viewToClickRate: rate(counts.payClicks, counts.pageViews),
  clickToSuccessRate: rate(counts.successfulPayments, counts.payClicks),
});

const methodStats = (methods: MethodCounts): MethodStats[] =>
  [...methods].map(([method, { attempts, successes }]) => ({
    method,
    attempts,
    successes,
    successRate: rate(successes, attempts),
  }));

const emptyCounts = (): Counts => ({ pageViews: 0, payClicks: 0, successfulPayments: 0 });

/** Which funnel step an event is, if any. */
function stepOf(event: CashierEvent): keyof Counts | undefined {
  if (event.type === 'page_view') return 'pageViews';
  if (event.type === 'element_click' && event.elementId === 'pay') return 'payClicks';
  if (event.type === 'payment_result' && event.status === 'succeeded') return 'successfulPayments';
  return undefined;
}

function countMethod(methods: MethodCounts, event: CashierEvent): void {
  if (event.type !== 'payment_result' || typeof event.method !== 'string') return;
  const counts = methods.get(event.method) ?? { attempts: 0, successes: 0 };
  counts.attempts += 1;
  if (event.status === 'succeeded') counts.successes += 1;
  methods.set(event.method, counts);
}

export function trackingStats(events: readonly CashierEvent[]): TrackingStats {
  const totals = emptyCounts();
  const allMethods: MethodCounts = new Map();
  const clients = new Map<string, { counts: Counts; pages: Map<string, Counts>; methods: MethodCounts }>();
  for (const event of events) {
    countMethod(allMethods, event);
    const client = clients.get(event.clientId) ?? { counts: emptyCounts(), pages: new Map(), methods: new Map() };
    clients.set(event.clientId, client);
    countMethod(client.methods, event);
    const step = stepOf(event);
    if (!step) continue;
    totals[step] += 1;
    client.counts[step] += 1;
    // Events without a pageId count for the client only.
    if (typeof event.pageId === 'string') {
      const page = client.pages.get(event.pageId) ?? emptyCounts();
      page[step] += 1;
      client.pages.set(event.pageId, page);
    }
  }
  return {
    totalEvents: events.length,
    totals: funnel(totals),
    clients: [...clients].map(([clientId, client]) => ({
      clientId,
      ...funnel(client.counts),
      pages: [...client.pages].map(([pageId, counts]) => ({ pageId, ...funnel(counts) })),
      methods: methodStats(client.methods),
    })),
    methods: methodStats(allMethods),
  };
}
