import type { PaymentResult } from '../src/core/service-interfaces';
import { alicePayment, newKey, paymentEvents, payRequest, payResult, readUntil, type TestServer, setupTestServer } from './test-helpers';

let server: TestServer;
setupTestServer((started) => {
  server = started;
}, { heartbeatMs: 40 });

describe('GET /events (server-sent events)', () => {
  it('pushes the payment result to subscribers of the order', async () => {
    const request = await payRequest(server, alicePayment(), '123456');
    const res = await server.get(`/events?orderId=${request.payment.orderId}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/event-stream/);
    expect(res.headers.get('cache-control')).toContain('no-cache');
    const reading = readUntil(res, (text) => text.includes('event: payment'));
    const result = await payResult(server, request, newKey());
    const { text } = await reading;
    expect(paymentEvents(text)).toEqual([withoutEnrollmentToken(result)]);
  });

  it('sends the result at once when the order is already settled, and heartbeats', async () => {
    const request = await payRequest(server, alicePayment(), '123456');
    const result = await payResult(server, request, newKey());
    const res = await server.get(`/events?orderId=${request.payment.orderId}`);
    const { text } = await readUntil(res, (t) => t.includes(': heartbeat'));
    expect(paymentEvents(text)).toEqual([withoutEnrollmentToken(result)]);
  });

  it('drop-events: cuts the stream after the first heartbeat', async () => {
    await server.post('/__admin/scenario', { name: 'drop-events', times: 1 });
    const res = await server.get('/events?orderId=order-drop');
    const { text, ended } = await readUntil(res, () => false);
    expect(text).toContain(': heartbeat');
    expect(ended).toBe(true);
  });

  it('forgets a subscriber when its connection closes', async () => {
    const controller = new AbortController();
    const res = await server.get('/events?orderId=order-gone', { signal: controller.signal });
    await readUntil(res, (text) => text.includes(': connected'));
    expect(server.mock.state.listeners.get('order-gone')?.size).toBe(1);
    controller.abort();
    // The server learns of the close asynchronously: poll instead of sleeping a fixed time.
    for (let i = 0; i < 100 && server.mock.state.listeners.has('order-gone'); i++) {
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    expect(server.mock.state.listeners.has('order-gone')).toBe(false);
  });

  it('requires a well-formed orderId', async () => {
    const res = await server.get('/events?orderId=%3Cscript%3E');
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ code: 'INVALID_REQUEST', field: 'orderId' });
  });
});

/** Pushes are read by order id alone: the enrollment token stays in the pay answer. */
function withoutEnrollmentToken(result: PaymentResult): PaymentResult {
  const { enrollmentToken: _token, ...pushed } = result;
  return pushed;
}
