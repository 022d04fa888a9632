// A remote + mock server of the reliability suite's own: it counts 5xx answers, cuts event streams quickly and can
// play a broken CDN (manifest 404, a manifest that never answers, a corrupted manifest, a chunk that fails).
import type { ServerResponse } from 'node:http';
import express, { type RequestHandler } from 'express';
import { type Charge, getCharges, manifestUrl, resetMock, setScenario } from '../../browser';
import { createStaticHandler, listen, type RunningServer } from '../../../examples/static-server';
import { createMockServer, type MockServer } from '../../../mocks/app';
import { dists, MOCK_PATH } from '../../servers';

export type RemoteFault = 'manifest-404' | 'manifest-timeout' | 'manifest-corrupt' | 'chunk-404';

export interface ServerCounts {
  /** Every 5xx answer. */
  responses5xx: number;
  /** The 5xx answers the scenario injected on purpose. */
  injected5xx: number;
  /** Errors the mock's error handler did not expect (each became a 500). */
  unexpected: unknown[];
}

export interface ReliabilityRemote extends RunningServer {
  manifestUrl: string;
  apiUrl: string;
  mock: MockServer;
  counts: ServerCounts;
  /** 5xx answers nobody injected. */
  unexpected5xx(): number;
  setFault(fault: RemoteFault | null): void;
  reset(): Promise<void>;
  scenario(name: string, extra?: Record<string, unknown>): Promise<unknown>;
  charges(): Promise<Charge[]>;
}

/** Counts 5xx answers, telling injected ones (code INJECTED_SERVER_ERROR) from the rest. */
function countAnswers(counts: ServerCounts): RequestHandler {
  return (_req, res, next) => {
    const json = res.json.bind(res);
    res.json = (body: unknown) => {
      if ((body as { code?: unknown } | null)?.code === 'INJECTED_SERVER_ERROR') res.locals.injected = true;
      return json(body);
    };
    res.on('finish', () => {
      if (res.statusCode < 500) return;
      counts.responses5xx += 1;
      if (res.locals.injected) counts.injected5xx += 1;
    });
    next();
  };
}

/** The first chunk of every exposed module (the page, the slice, openCashier ...). */
const isExposeChunk = (path: string) => /^\/__federation_expose_\w+\.[0-9a-f]+\.js$/.test(path);

/** The broken CDN: answers (or does not answer) the remote's files as the active fault says. */
function cdnFaults(current: () => RemoteFault | null, held: Set<ServerResponse>): RequestHandler {
  return (req, res, next) => {
    const fault = current();
    const manifest = req.path === '/mf-manifest.json';
    if (fault === 'manifest-404' && manifest) {
      res.status(404).type('text/plain').send('Not found\n');
    } else if (fault === 'manifest-corrupt' && manifest) {
      res.status(200).type('application/json').set('Cache-Control', 'no-cache').send('{"id":"cashier","name":"cashier","metaData":{"remoteEntry":');
    } else if (fault === 'manifest-timeout' && manifest) {
      // Never answered: the socket stays open until the fault is lifted or the server closes.
      held.add(res);
      res.on('close', () => held.delete(res));
    } else if (fault === 'chunk-404' && isExposeChunk(req.path)) {
      res.status(404).type('text/plain').send('Not found\n');
    } else next();
  };
}

export async function startReliabilityRemote(options: { heartbeatMs?: number; port?: number } = {}): Promise<ReliabilityRemote> {
  const counts: ServerCounts = { responses5xx: 0, injected5xx: 0, unexpected: [] };
  const mock = createMockServer({ heartbeatMs: options.heartbeatMs ?? 15_000, log: (error) => counts.unexpected.push(error) });
  let fault: RemoteFault | null = null;
  const held = new Set<ServerResponse>();
  const app = express();
  app.disable('x-powered-by');
  app.use(countAnswers(counts));
  app.use(MOCK_PATH, mock.app);
  app.use(cdnFaults(() => fault, held));
  app.use(createStaticHandler({ root: dists.remote }));
  const server = await listen(app, options.port ?? 0);
  const releaseHeld = () => {
    for (const res of held) res.destroy();
    held.clear();
  };
  return {
    ...server,
    manifestUrl: manifestUrl(server.url),
    apiUrl: `${server.url}${MOCK_PATH}`,
    mock,
    counts,
    unexpected5xx: () => counts.responses5xx - counts.injected5xx,
    setFault(next) {
      fault = next;
      if (next !== 'manifest-timeout') releaseHeld();
    },
    reset: () => resetMock(server.url),
    scenario: (name, extra = {}) => setScenario(name, extra, server.url),
    charges: () => getCharges(server.url),
    close: async () => {
      releaseHeld();
      mock.close();
      await server.close();
    },
  };
}
