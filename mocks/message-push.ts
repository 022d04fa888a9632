// Message push interface: server-sent events carrying each settled PaymentResult of an order.
import { Router } from 'express';
import type { PaymentResult } from '../src/core/service-interfaces';
import { orderIdQuery } from './payment-status';
import { scenarioGate } from './scenario';
import type { MockStore } from './state';

export function messagePushRoutes(store: MockStore): Router {
  const router = Router();
  router.get('/events', scenarioGate(store, 'events'), (req, res) => {
    const orderId = orderIdQuery(req.query.orderId);
    const dropAfterHeartbeat = res.locals.dropEvents === true;
    res.writeHead(200, {
      'Content-Type': 'text/event-stream; charset=utf-8',
      'Cache-Control': 'no-cache, no-transform',
      Connection: 'keep-alive',
      'X-Accel-Buffering': 'no',
    });
    // A comment first, so proxies and clients see the stream open; retry tells EventSource how soon to come back.
    res.write('retry: 2000\n: connected\n\n');
    const send = (result: PaymentResult) => {
      res.write(`event: payment\nid: ${result.paymentId ?? result.at}\ndata: ${JSON.stringify(result)}\n\n`);
    };
    const settled = store.orderResults.get(orderId);
    if (settled) send(settled);
    const unsubscribe = store.subscribe(orderId, send);
    const heartbeat = setInterval(() => {
      // drop-events: the connection breaks after the first heartbeat, as a flaky network would.
      res.write(': heartbeat\n\n', () => {
        if (dropAfterHeartbeat) req.socket.destroy();
      });
    }, store.config.heartbeatMs);
    const end = () => {
      clearInterval(heartbeat);
      unsubscribe();
      store.cleanups.delete(end);
      if (!res.writableEnded) res.end();
    };
    store.cleanups.add(end);
    res.on('close', end);
  });
  return router;
}
