// The servers a browser test talks to: the built remote with the mock payment server, and the two host shells.
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import express from 'express';
import { type BundlerHost, buildBundlerHosts, bundlerHostDist } from '../examples/build-hosts';
import { createMockServer } from '../mocks/app';
import { type ContentSecurityPolicy, createStaticHandler, listen, type RunningServer } from '../examples/static-server';

export const ROOT = path.resolve(__dirname, '..');
export const MOCK_PATH = '/api/cashier';

/** The build folders: e2e/run.ts serves copies (env CASHIER_DIST, ...) so a rebuild elsewhere cannot change them mid-run. */
export const dists = {
  get remote() {
    return process.env.CASHIER_DIST ?? path.join(ROOT, 'dist');
  },
  get reactHost() {
    return process.env.REACT_HOST_DIST ?? path.join(ROOT, 'examples/react-host/dist');
  },
  get vanillaHost() {
    return process.env.VANILLA_HOST_DIST ?? path.join(ROOT, 'examples/vanilla-host/dist');
  },
};

export const DEFAULT_PORTS = { cashier: 3001, reactHost: 3002, vanillaHost: 3003 } as const;

/** Listens on the preferred port, or on any free one when it is taken (another engineer's dev server, say). */
async function listenPreferred(handler: Parameters<typeof listen>[0], port: number, label: string): Promise<RunningServer> {
  try {
    return await listen(handler, port);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EADDRINUSE' || port === 0) throw error;
    const server = await listen(handler, 0);
    console.warn(`[e2e] port ${port} is taken: ${label} listens on ${server.url} instead`);
    return server;
  }
}

/**
 * The production remote as a CDN would serve it (static dist/) plus the mock payment server under /api/cashier,
 * on one origin, as `npm start` has them. Port 0 = any free port.
 */
export async function startRemoteServer(options: { port?: number; dist?: string } = {}): Promise<RunningServer> {
  const mock = createMockServer({ log: (error) => console.error('[e2e mock] unexpected error', error) });
  const app = express();
  app.disable('x-powered-by');
  app.use(MOCK_PATH, mock.app);
  app.use(createStaticHandler({ root: options.dist ?? dists.remote }));
  const server = await listenPreferred(app, options.port ?? 0, 'the cashier remote');
  return {
    ...server,
    close: async () => {
      mock.close();
      await server.close();
    },
  };
}

export interface HostServerOptions {
  port?: number;
  csp?: ContentSecurityPolicy;
}

export async function startHostServer(dist: string, label: string, options: HostServerOptions = {}): Promise<RunningServer> {
  const handler = createStaticHandler({ root: dist, ...(options.csp ? { csp: options.csp } : {}) });
  return listenPreferred((req, res) => handler(req, res), options.port ?? 0, label);
}

export interface Stack {
  cashierUrl: string;
  reactHostUrl: string;
  vanillaHostUrl: string;
  stop(): Promise<void>;
}

/** Remote + mock, react-host, vanilla-host: all on `localhost` (WebAuthn accepts no other insecure origin). */
export async function startStack(ports: { cashier: number; reactHost: number; vanillaHost: number } = DEFAULT_PORTS): Promise<Stack> {
  const started: RunningServer[] = [];
  const stop = async () => {
    await Promise.all(started.splice(0).map((server) => server.close()));
  };
  try {
    const remote = await startRemoteServer({ port: ports.cashier });
    started.push(remote);
    const reactHost = await startHostServer(dists.reactHost, 'react-host', { port: ports.reactHost });
    started.push(reactHost);
    const vanillaHost = await startHostServer(dists.vanillaHost, 'vanilla-host', { port: ports.vanillaHost });
    started.push(vanillaHost);
    return { cashierUrl: remote.url, reactHostUrl: reactHost.url, vanillaHostUrl: vanillaHost.url, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}

// --- The pinned-React host shells (examples/react18-host, examples/react19-0-host): their tests start them. ---

export const PINNED_REACT_HOSTS = {
  'react18-host': { env: 'REACT18_HOST_DIST', version: /^18\.3\./ },
  'react19-0-host': { env: 'REACT19_0_HOST_DIST', version: /^19\.0\./ },
} as const;
export type PinnedReactHost = keyof typeof PINNED_REACT_HOSTS;

/** Serves a pinned-React host's build (or the folder its env variable names) on a free localhost port. */
export function startPinnedReactHost(host: PinnedReactHost): Promise<RunningServer> {
  const dist = process.env[PINNED_REACT_HOSTS[host].env] ?? path.join(ROOT, 'examples', host, 'dist');
  return startHostServer(dist, host);
}

/**
 * A host built by another bundler (examples/build-hosts.ts BUNDLER_HOSTS): built when stale, then a copy of its
 * dist/ is served on a free port (a rebuild in the shared checkout cannot change it mid-run). close() removes the copy.
 */
export async function startBundlerHost(host: BundlerHost, options: HostServerOptions = {}): Promise<RunningServer> {
  buildBundlerHosts([host]);
  const copy = mkdtempSync(path.join(os.tmpdir(), `cashier-${host}-`));
  cpSync(bundlerHostDist(host), copy, { recursive: true, filter: (file) => !file.endsWith('.map') });
  try {
    const server = await startHostServer(copy, host, options);
    return {
      ...server,
      close: async () => {
        await server.close();
        rmSync(copy, { recursive: true, force: true });
      },
    };
  } catch (error) {
    rmSync(copy, { recursive: true, force: true });
    throw error;
  }
}
