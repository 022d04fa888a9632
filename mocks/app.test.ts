import { alicePayment, challengeRequestFor, newKey, payRequest, payResult, startTestServer, type TestServer, setupTestServer } from './test-helpers';

let server: TestServer;
setupTestServer((started) => {
  server = started;
});

describe('HTTP surface', () => {
  it('answers GET /health and puts Server-Timing on every response, errors included', async () => {
    const health = await server.get('/health');
    expect(await health.json()).toEqual({ ok: true });
    expect(health.headers.get('server-timing')).toMatch(/^app;dur=\d+(\.\d+)?$/);
    const missing = await server.get('/nope');
    expect(missing.headers.get('server-timing')).toMatch(/^app;dur=/);
    expect(missing.headers.get('cache-control')).toBe('no-store');
  });

  it('answers CORS preflight for any localhost origin and no other', async () => {
    for (const origin of ['http://localhost:3000', 'http://127.0.0.1:8080', 'http://localhost']) {
      const res = await server.get('/pay', {
        method: 'OPTIONS',
        headers: { Origin: origin, 'Access-Control-Request-Method': 'POST', 'Access-Control-Request-Headers': 'idempotency-key' },
      });
      expect(res.status).toBe(204);
      expect(res.headers.get('access-control-allow-origin')).toBe(origin);
      expect(res.headers.get('access-control-allow-headers')).toBe('Content-Type, Idempotency-Key, X-Cashier-Client');
      expect(res.headers.get('access-control-expose-headers')).toBe('Server-Timing, Retry-After');
    }
    for (const origin of ['https://localhost:3000', 'http://localhost.evil.example', 'http://evil.example']) {
      const res = await server.get('/health', { headers: { Origin: origin } });
      expect(res.headers.get('access-control-allow-origin')).toBeNull();
    }
  });

  it('allows the configured extra origins', async () => {
    const other = await startTestServer({ origins: ['https://shop.example'] });
    const res = await other.get('/health', { headers: { Origin: 'https://shop.example' } });
    expect(res.headers.get('access-control-allow-origin')).toBe('https://shop.example');
    await other.close();
  });

  it('answers unknown routes with a JSON 404 NOT_FOUND', async () => {
    const res = await server.post('/nothing-here', {});
    expect(res.status).toBe(404);
    expect(await res.json()).toMatchObject({ code: 'NOT_FOUND', message: expect.any(String) });
  });

  it('answers malformed JSON with 400 MALFORMED_JSON', async () => {
    const res = await server.post('/preverify', '{"payment": ');
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ code: 'MALFORMED_JSON' });
  });

  it('limits JSON bodies to 64kb, and /pay to 2mb', async () => {
    const big = { payment: alicePayment(), padding: 'x'.repeat(70_000) };
    const res = await server.post('/preverify', big);
    expect(res.status).toBe(413);
    expect(await res.json()).toMatchObject({ code: 'PAYLOAD_TOO_LARGE' });
    const image = `data:image/jpeg;base64,${'A'.repeat(1_000_000)}`;
    const face = { preorderId: 'pre_x', payment: alicePayment(), authentication: { method: 'face', challengeId: 'c', image } };
    const pay = await server.post('/pay', face, { 'Idempotency-Key': newKey() });
    expect(pay.status).toBe(200);
    const tooBig = await server.post('/pay', { ...face, padding: 'x'.repeat(2_100_000) }, { 'Idempotency-Key': newKey() });
    expect(tooBig.status).toBe(413);
  });

  it('answers a missing or non-JSON body with a 400 naming the body', async () => {
    const res = await server.get('/preverify', { method: 'POST', headers: { 'Content-Type': 'text/plain' }, body: 'hi' });
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ code: 'INVALID_REQUEST' });
  });
});

describe('admin', () => {
  it('reset restores balances, clears charges, locks and idempotency records', async () => {
    const request = await payRequest(server, alicePayment(), '123456');
    const key = newKey();
    await payResult(server, request, key);
    server.mock.state.passwordLocks.set('acct-bob', { failures: 3, pending: 0 });
    expect(server.mock.state.accounts.get('acct-alice')?.balance.amount).toBe(490_000);
    await server.post('/__admin/reset', {});
    const { state } = server.mock;
    expect(state.accounts.get('acct-alice')?.balance.amount).toBe(500_000);
    expect([state.charges.length, state.passwordLocks.size, state.idempotency.size, state.nonces.size]).toEqual([0, 0, 0, 0]);
    expect(await (await server.get('/__admin/charges')).json()).toEqual([]);
  });

  it('server-error answers 500 on the chosen endpoints for the next `times` requests, then recovers', async () => {
    const set = await server.post('/__admin/scenario', { name: 'server-error', endpoints: ['preorder'], times: 2 });
    expect(await set.json()).toMatchObject({ name: 'server-error', endpoints: ['preorder'], times: 2 });
    const payment = alicePayment();
    expect((await server.post('/preverify', { payment })).status).toBe(200);
    for (let i = 0; i < 2; i++) {
      const res = await server.post('/preorder', { payment });
      expect(res.status).toBe(500);
      expect(await res.json()).toMatchObject({ code: 'INJECTED_SERVER_ERROR' });
    }
    expect((await server.post('/preorder', { payment })).status).toBe(200);
    expect(await (await server.get('/__admin/scenario')).json()).toMatchObject({ name: 'normal' });
  });

  it('server-error without endpoints hits every service interface but health', async () => {
    await server.post('/__admin/scenario', { name: 'server-error' });
    expect((await server.get('/payments/status?orderId=o-1')).status).toBe(500);
    expect((await server.post('/password/challenge', challengeRequestFor(alicePayment()))).status).toBe(500);
    expect((await server.get('/health')).status).toBe(200);
    expect((await server.get('/__admin/charges')).status).toBe(200);
  });

  it('slow delays the chosen endpoint (seen in its Server-Timing)', async () => {
    await server.post('/__admin/scenario', { name: 'slow', delayMs: 40, endpoints: ['status'], times: 1 });
    const slow = await server.get('/payments/status?orderId=o-1');
    expect(slow.status).toBe(200);
    const duration = (res: Response) => Number(res.headers.get('server-timing')?.split('dur=')[1]);
    // A lower bound only: timers never fire early, so this holds however loaded the machine is.
    expect(duration(slow)).toBeGreaterThanOrEqual(35);
    expect(await (await server.get('/__admin/scenario')).json()).toMatchObject({ name: 'normal' });
  });

  it('close() ends a pending slow delay', async () => {
    await server.post('/__admin/scenario', { name: 'slow', delayMs: 60_000, endpoints: ['health'] });
    expect(server.mock.state.cleanups.size).toBe(0);
    const pending = server.get('/health');
    for (let i = 0; i < 100 && server.mock.state.cleanups.size === 0; i++) {
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    expect(server.mock.state.cleanups.size).toBe(1);
    server.mock.close();
    expect((await pending).status).toBe(200);
  });

  it('rejects an unknown scenario and bad options with 400', async () => {
    for (const body of [{ name: 'chaos' }, { name: 'slow', delayMs: -1 }, { name: 'server-error', endpoints: ['nope'] }, { name: 'normal', times: 0 }]) {
      const res = await server.post('/__admin/scenario', body);
      expect(res.status).toBe(400);
      expect(await res.json()).toMatchObject({ code: 'INVALID_REQUEST', field: expect.any(String) });
    }
  });
});
