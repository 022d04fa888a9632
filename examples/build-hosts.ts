// Builds the remote and the host shells when their output is missing or older than their sources.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { HOST_BUILD_KINDS, type HostBuildKind } from './host-build-kind';

export const ROOT = path.resolve(__dirname, '..');
export const HOSTS = ['react-host', 'vanilla-host', 'headless-host', 'react18-host', 'react19-0-host'] as const;

const SKIP = new Set(['node_modules', 'dist', '@mf-types', '.git']);

/** Newest modification time (ms) among files under the given paths; 0 when none exists. */
export function newestMtime(paths: readonly string[]): number {
  let newest = 0;
  const visit = (target: string) => {
    if (!existsSync(target)) return;
    const stat = statSync(target);
    if (stat.isDirectory()) {
      for (const entry of readdirSync(target)) if (!SKIP.has(entry)) visit(path.join(target, entry));
    } else newest = Math.max(newest, stat.mtimeMs);
  };
  for (const target of paths) visit(target);
  return newest;
}

/** True when `output` exists and is newer than every source. */
export function isFresh(output: string, sources: readonly string[]): boolean {
  return existsSync(output) && statSync(output).mtimeMs >= newestMtime(sources);
}

const REMOTE_SOURCES = ['src', 'public', 'types', 'webpack.config.ts', 'federation.config.ts', 'scripts/webpack-rules.ts', 'scripts/same-chunks-plugin.ts', 'package.json', 'package-lock.json'];
const HOST_SHARED_SOURCES = ['examples/shared', 'examples/host-webpack.ts', 'scripts/webpack-rules.ts', 'package.json', 'package-lock.json'];
/** Sources a host builds from besides its own folder and the shared ones: the pinned-React hosts share one app. */
const HOST_EXTRA_SOURCES: Partial<Record<(typeof HOSTS)[number], string[]>> = {
  'react18-host': ['examples/pinned-react'],
  'react19-0-host': ['examples/pinned-react'],
};

export function remoteIsFresh(): boolean {
  return isFresh(path.join(ROOT, 'dist/mf-manifest.json'), REMOTE_SOURCES.map((p) => path.join(ROOT, p)));
}

/** The file beside a host's build that says its kind (examples/host-webpack.ts HOST_BUILD_KINDS). */
const kindFile = (host: (typeof HOSTS)[number]) => path.join(ROOT, `examples/${host}/dist/build-kind.txt`);

/** The kind of the build on disk; undefined when there is none, or it predates the record (then treat it as stale). */
export function builtHostKind(host: (typeof HOSTS)[number]): HostBuildKind | undefined {
  if (!existsSync(kindFile(host))) return undefined;
  const kind = readFileSync(kindFile(host), 'utf8').trim();
  return (HOST_BUILD_KINDS as readonly string[]).includes(kind) ? (kind as HostBuildKind) : undefined;
}

/** True when the host's build is newer than its sources and of one of the `kinds` (any kind when not given). */
export function hostIsFresh(host: (typeof HOSTS)[number], kinds: readonly HostBuildKind[] = HOST_BUILD_KINDS): boolean {
  const sources = [`examples/${host}`, ...(HOST_EXTRA_SOURCES[host] ?? []), ...HOST_SHARED_SOURCES].map((p) => path.join(ROOT, p));
  const kind = builtHostKind(host);
  return kind !== undefined && kinds.includes(kind) && isFresh(path.join(ROOT, `examples/${host}/dist/index.html`), sources);
}

function run(command: string, args: string[]): void {
  const result = spawnSync(command, args, { cwd: ROOT, stdio: 'inherit', env: process.env });
  if (result.status !== 0) {
    throw new Error(`${command} ${args.join(' ')} failed (${result.error?.message ?? `exit ${result.status ?? result.signal}`})`);
  }
}

/** Marks a build output as made now: webpack leaves an unchanged file unwritten, which would keep it looking stale. */
function touch(file: string): void {
  const now = new Date();
  if (existsSync(file)) utimesSync(file, now, now);
}

/** `npm run build` (the production remote into dist/). */
export function buildRemote(): void {
  console.log('[build] the cashier remote: npm run build');
  run('npm', ['run', 'build']);
  touch(path.join(ROOT, 'dist/mf-manifest.json'));
}

export interface BuildHostsOptions {
  /** Rebuild every host, fresh or not. */
  force?: boolean;
  /** The kind to build (default 'release'). */
  kind?: HostBuildKind;
  /** Kinds a fresh build on disk may be to be kept (default: only `kind`); a build of another kind is rebuilt. */
  accept?: readonly HostBuildKind[];
}

/** Builds the host shells that are stale or of a kind not accepted (all of them with force), in one webpack process. */
export function buildHosts({ force = false, kind = 'release', accept = [kind] }: BuildHostsOptions = {}): void {
  const stale = HOSTS.filter((host) => force || !hostIsFresh(host, accept));
  if (stale.length === 0) return;
  console.log(`[build] host shells (${kind}): ${stale.join(', ')}`);
  const cli = require.resolve('webpack-cli/bin/cli.js', { paths: [ROOT] });
  const configs = stale.flatMap((host) => ['--config', `examples/${host}/webpack.config.ts`]);
  run(process.execPath, [cli, '--mode', 'production', '--env', `hostBuild=${kind}`, ...configs]);
  for (const host of stale) {
    writeFileSync(kindFile(host), `${kind}\n`);
    touch(path.join(ROOT, `examples/${host}/dist/index.html`));
  }
}

// --- Hosts built by other bundlers (Vite, Rsbuild, esbuild): one build process each, started by whoever serves them ---

export const BUNDLER_HOSTS = ['vite-host', 'rsbuild-host', 'runtime-host'] as const;
export type BundlerHost = (typeof BUNDLER_HOSTS)[number];

const cli = (pkg: string, bin: string) => path.join(path.dirname(require.resolve(`${pkg}/package.json`, { paths: [ROOT] })), bin);

/**
 * Node arguments that build each host into examples/<host>/dist. Vite and Rsbuild load their own configs: through
 * tsx, keepNames would leave `__name(...)` calls in code the federation plugins serialise into the bundle.
 */
const BUNDLER_HOST_BUILDS: Record<BundlerHost, () => string[]> = {
  'vite-host': () => [cli('vite', 'bin/vite.js'), 'build', '--config', 'examples/vite-host/vite.config.mts'],
  'rsbuild-host': () => [cli('@rsbuild/core', 'bin/rsbuild.js'), 'build', '--log-level', 'warn', '--config', 'examples/rsbuild-host/rsbuild.config.ts'],
  'runtime-host': () => ['--import', 'tsx', 'examples/runtime-host/build.ts'],
};

const BUNDLER_HOST_SHARED_SOURCES = ['examples/shared', 'examples/shared-react', 'package.json', 'package-lock.json'];

export function bundlerHostDist(host: BundlerHost): string {
  return path.join(ROOT, 'examples', host, 'dist');
}

export function bundlerHostIsFresh(host: BundlerHost): boolean {
  const sources = [`examples/${host}`, ...BUNDLER_HOST_SHARED_SOURCES].map((p) => path.join(ROOT, p));
  return isFresh(path.join(bundlerHostDist(host), 'index.html'), sources);
}

/** Builds the given bundler hosts that are stale (all of them with force). */
export function buildBundlerHosts(hosts: readonly BundlerHost[] = BUNDLER_HOSTS, options: { force?: boolean } = {}): void {
  for (const host of hosts) {
    if (!options.force && bundlerHostIsFresh(host)) continue;
    console.log(`[build] ${host}`);
    run(process.execPath, BUNDLER_HOST_BUILDS[host]());
  }
}
