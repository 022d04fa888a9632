// What the bench runs against: fresh production builds, copied aside, served on free localhost ports.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { buildHosts, buildRemote, isFresh, remoteIsFresh, ROOT } from '../examples/build-hosts';
import type { RunningServer } from '../examples/static-server';
import { FULL_CHROMIUM } from '../e2e/browser';
import { dists, startHostServer, startRemoteServer } from '../e2e/servers';
import { STANDALONE_OUTPUT } from './standalone/webpack.config';

const STANDALONE_SOURCES = ['src', 'bench/standalone', 'bench/floor', 'webpack.config.ts', 'package.json', 'package-lock.json'];

/** The bench page that bundles CashierPage without federation (bench/standalone), rebuilt when stale. */
function buildStandalone(force: boolean): void {
  const marker = path.join(STANDALONE_OUTPUT, 'floor.html');
  if (!force && isFresh(marker, STANDALONE_SOURCES.map((p) => path.join(ROOT, p)))) return;
  console.log('[bench] building the bundled page (bench/standalone)');
  const cli = require.resolve('webpack-cli/bin/cli.js', { paths: [ROOT] });
  const result = spawnSync(process.execPath, [cli, '--mode', 'production', '--config', 'bench/standalone/webpack.config.ts'], {
    cwd: ROOT,
    stdio: 'inherit',
  });
  if (result.status !== 0) throw new Error('building bench/standalone failed');
}

/** Production builds of the remote, both host shells and the bundled page; stale ones are rebuilt. */
export function ensureBuilds(options: { build: boolean; force: boolean }): void {
  if (!existsSync(FULL_CHROMIUM)) {
    throw new Error(`${FULL_CHROMIUM} is missing: the bench drives the full browser (apt-get install chromium), or set FULL_CHROMIUM_PATH`);
  }
  if (options.build && (options.force || !remoteIsFresh())) buildRemote();
  if (!existsSync(path.join(dists.remote, 'mf-manifest.json'))) throw new Error('dist/ has no build of the remote: run npm run build');
  if (options.build) {
    buildHosts({ force: options.force });
    buildStandalone(options.force);
  }
}

export interface BenchDists {
  remote: string;
  reactHost: string;
  vanillaHost: string;
  standalone: string;
  remove(): void;
}

/** Copies the builds to a temporary folder: another engineer's build cannot change them mid-run. */
export function snapshotBuilds(): BenchDists {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'cashier-bench-'));
  const copy = (source: string, name: string) => {
    const target = path.join(dir, name);
    cpSync(source, target, { recursive: true });
    return target;
  };
  try {
    return {
      remote: copy(dists.remote, 'remote'),
      reactHost: copy(dists.reactHost, 'react-host'),
      vanillaHost: copy(dists.vanillaHost, 'vanilla-host'),
      standalone: copy(STANDALONE_OUTPUT, 'standalone'),
      remove: () => rmSync(dir, { recursive: true, force: true }),
    };
  } catch (error) {
    rmSync(dir, { recursive: true, force: true });
    throw error;
  }
}

export interface BenchStack {
  cashierUrl: string;
  apiUrl: string;
  manifestUrl: string;
  reactHostUrl: string;
  vanillaHostUrl: string;
  standaloneUrl: string;
  stop(): Promise<void>;
}

/** Remote + mock, the two host shells and the bundled page, each on a free port of localhost. */
export async function startBenchStack(builds: BenchDists): Promise<BenchStack> {
  const started: RunningServer[] = [];
  const stop = async () => {
    await Promise.all(started.splice(0).map((server) => server.close()));
  };
  try {
    const remote = await startRemoteServer({ port: 0, dist: builds.remote });
    started.push(remote);
    const reactHost = await startHostServer(builds.reactHost, 'react-host');
    started.push(reactHost);
    const vanillaHost = await startHostServer(builds.vanillaHost, 'vanilla-host');
    started.push(vanillaHost);
    const standalone = await startHostServer(builds.standalone, 'bundled page');
    started.push(standalone);
    return {
      cashierUrl: remote.url,
      apiUrl: `${remote.url}/api/cashier`,
      manifestUrl: `${remote.url}/mf-manifest.json`,
      reactHostUrl: reactHost.url,
      vanillaHostUrl: vanillaHost.url,
      standaloneUrl: standalone.url,
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}
