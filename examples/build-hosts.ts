// Builds the remote and the host shells when their output is missing or older than their sources.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync, utimesSync } from 'node:fs';
import path from 'node:path';

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

const REMOTE_SOURCES = ['src', 'public', 'types', 'webpack.config.ts', 'federation.config.ts', 'scripts/webpack-rules.ts', 'package.json', 'package-lock.json'];
const HOST_SHARED_SOURCES = ['examples/shared', 'examples/host-webpack.ts', 'scripts/webpack-rules.ts', 'package.json', 'package-lock.json'];
/** Sources a host builds from besides its own folder and the shared ones: the pinned-React hosts share one app. */
const HOST_EXTRA_SOURCES: Partial<Record<(typeof HOSTS)[number], string[]>> = {
  'react18-host': ['examples/pinned-react'],
  'react19-0-host': ['examples/pinned-react'],
};

export function remoteIsFresh(): boolean {
  return isFresh(path.join(ROOT, 'dist/mf-manifest.json'), REMOTE_SOURCES.map((p) => path.join(ROOT, p)));
}

export function hostIsFresh(host: (typeof HOSTS)[number]): boolean {
  const sources = [`examples/${host}`, ...(HOST_EXTRA_SOURCES[host] ?? []), ...HOST_SHARED_SOURCES].map((p) => path.join(ROOT, p));
  return isFresh(path.join(ROOT, `examples/${host}/dist/index.html`), sources);
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

/** Builds the host shells that are stale (all of them with force), in one webpack process. */
export function buildHosts(options: { force?: boolean } = {}): void {
  const stale = HOSTS.filter((host) => options.force || !hostIsFresh(host));
  if (stale.length === 0) return;
  console.log(`[build] host shells: ${stale.join(', ')}`);
  const cli = require.resolve('webpack-cli/bin/cli.js', { paths: [ROOT] });
  const configs = stale.flatMap((host) => ['--config', `examples/${host}/webpack.config.ts`]);
  run(process.execPath, [cli, '--mode', 'production', ...configs]);
  for (const host of stale) touch(path.join(ROOT, `examples/${host}/dist/index.html`));
}
