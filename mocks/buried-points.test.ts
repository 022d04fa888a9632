import type { CashierEvent } from '../src/core/types';
import type { TrackingStats } from './buried-point-stats';
import { type TestServer, setupTestServer } from './test-helpers';

let server: TestServer;
setupTestServer((started) => {
  server = started;
});

const at = '2025-03-01T08:00:00.000Z';
const view = (clientId: string, pageId = 'cashier'): CashierEvent => ({ type: 'page_view', clientId, pageId, at });
const click = (clientId: string, elementId = 'pay'): CashierEvent => ({ type: 'element_click', clientId, pageId: 'cashier', elementId, at });
const outcome = (clientId: string, method: string, status: string): CashierEvent => ({ type: 'payment_result', clientId, pageId: 'cashier', method, status, at });

async function track(events: unknown[]): Promise<Response> {
  return server.post('/track', { events });
}

describe('POST /track and GET /track/stats (S21)', () => {
  it('computes views, Pay clicks, successes and conversion rates per client and page', async () => {
    const events = [
      view('shop'), view('shop'), view('shop'), view('shop'), click('shop'), click('shop'), click('shop', 'cancel'),
      outcome('shop', 'password', 'succeeded'), outcome('shop', 'face', 'failed'), view('app', 'other'),
    ];
    const res = await track(events);
    expect(res.status).toBe(202);
    expect(await res.json()).toEqual({ accepted: events.length });
    const stats = (await (await server.get('/track/stats')).json()) as TrackingStats;
    expect(stats.totalEvents).toBe(events.length);
    const shop = stats.clients.find((client) => client.clientId === 'shop');
    expect(shop).toMatchObject({ pageViews: 4, payClicks: 2, successfulPayments: 1, viewToClickRate: 0.5, clickToSuccessRate: 0.5 });
    expect(shop?.pages).toEqual([
      { pageId: 'cashier', pageViews: 4, payClicks: 2, successfulPayments: 1, viewToClickRate: 0.5, clickToSuccessRate: 0.5 },
    ]);
    expect(stats.clients.find((client) => client.clientId === 'app')).toMatchObject({ pageViews: 1, clickToSuccessRate: null });
    expect(stats.methods).toEqual([
      { method: 'password', attempts: 1, successes: 1, successRate: 1 },
      { method: 'face', attempts: 1, successes: 0, successRate: 0 },
    ]);
    expect(stats.totals).toMatchObject({ pageViews: 5, payClicks: 2, successfulPayments: 1, viewToClickRate: 0.4 });
  });

  it('accepts text/plain JSON as navigator.sendBeacon sends it', async () => {
    const res = await server.get('/track', {
      method: 'POST',
      headers: { 'Content-Type': 'text/plain;charset=UTF-8' },
      body: JSON.stringify({ events: [view('beacon')] }),
    });
    expect(res.status).toBe(202);
    expect(server.mock.state.trackingEvents).toHaveLength(1);
  });

  it('rejects events carrying a password or a card number, anywhere', async () => {
    const bad = [
      { ...view('c'), password: '123456' },
      { ...view('c'), detail: { Password: 'x' } },
      { ...view('c'), card: '6222020000000000018' },
      { ...view('c'), note: 'card 6222 0200 0000 0000 018 used' },
      { ...view('c'), list: ['6225-8800-0000-0000-44'] },
    ];
    for (const event of bad) {
      const res = await track([view('ok'), event]);
      expect(res.status).toBe(400);
      expect(await res.json()).toMatchObject({ code: 'SENSITIVE_DATA', field: expect.stringMatching(/^events\[1\]/) });
    }
    expect(server.mock.state.trackingEvents).toHaveLength(0);
  });

  it('validates each event and the batch size', async () => {
    const cases: [unknown, string][] = [
      [[{ type: 'x'.repeat(65), clientId: 'c', at }], 'events[0].type'],
      [[{ type: 'page_view', clientId: 'c', at }], 'events[0].pageId'],
      [[{ type: 'element_click', clientId: 'c', pageId: 'p', at }], 'events[0].elementId'],
      [[{ type: 'x', at }], 'events[0].clientId'],
      [[{ type: 'x', clientId: 'c', at: 'yesterday' }], 'events[0].at'],
      [Array.from({ length: 101 }, () => view('c')), 'events'],
    ];
    for (const [events, field] of cases) {
      const res = await track(events as unknown[]);
      expect(res.status).toBe(400);
      expect(await res.json()).toMatchObject({ code: 'INVALID_REQUEST', field });
    }
    expect((await track(Array.from({ length: 100 }, () => view('c')))).status).toBe(202);
  });

  it('forgets the events on reset', async () => {
    await track([view('c')]);
    await server.post('/__admin/reset', {});
    expect(((await (await server.get('/track/stats')).json()) as TrackingStats).totalEvents).toBe(0);
  });
});
