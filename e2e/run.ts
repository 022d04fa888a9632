// `npm run test:e2e [-- --no-build] [-- --reliability] [-- files...]`: the browser suite against the built remote.
import { spawn, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { buildHosts, buildRemote, remoteIsFresh } from '../examples/build-hosts';
import { CHROMIUM } from './browser';
import { DEFAULT_PORTS, dists, ROOT, type Stack, startStack } from './servers';

const E2E_DIR = path.join(ROOT, 'e2e');
const RELIABILITY_DIR = path.join(E2E_DIR, 'reliability');

interface Args {
  build: boolean;
  reliability: boolean;
  files: string[];
}

function parseArgs(argv: string[]): Args {
  const flags = new Set(argv.filter((arg) => arg.startsWith('--')));
  const known = new Set(['--no-build', '--build', '--reliability']);
  for (const flag of flags) if (!known.has(flag)) throw new Error(`Unknown flag ${flag} (known: ${[...known].join(', ')})`);
  const noBuild = flags.has('--no-build') || process.env.E2E_NO_BUILD === '1';
  return { build: flags.has('--build') || !noBuild, reliability: flags.has('--reliability'), files: argv.filter((arg) => !arg.startsWith('--')) };
}

/** Debian's Chromium, installed on first use (CI and fresh machines run as root). */
function ensureChromium(): void {
  if (existsSync(CHROMIUM)) return;
  console.log(`[e2e] ${CHROMIUM} is missing: installing Debian's chromium`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  for (const args of [['update'], ['install', '-y', '--no-install-recommends', 'chromium', 'fonts-noto-cjk']]) {
    const result = spawnSync('apt-get', args, { stdio: 'inherit', env });
    if (result.status !== 0) throw new Error(`apt-get ${args.join(' ')} failed; install chromium by hand or set CHROMIUM_PATH`);
  }
}

function findTests(dir: string, exclude?: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true })
    .flatMap((entry) => {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) return full === exclude || entry.name === 'artifacts' ? [] : findTests(full, exclude);
      return entry.name.endsWith('.e2e.ts') ? [full] : [];
    })
    .sort();
}

function selectTests(args: Args): string[] {
  if (args.files.length) return args.files.map((file) => path.resolve(file));
  return args.reliability ? findTests(RELIABILITY_DIR) : findTests(E2E_DIR);
}

/**
 * node's own test runner, one file at a time (each file owns one browser); its summary closes the output.
 * node applies --test-timeout to each whole file as well as to each test, so it is a per-file budget: the README-path
 * file compiles the dev remote and a host inside it. Playwright's action timeout (E2E_TIMEOUT_MS) still ends a stuck step.
 */
function runNodeTests(files: string[], stack: Stack): Promise<number> {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', '--test', '--test-concurrency=1', `--test-timeout=${process.env.E2E_TEST_TIMEOUT_MS ?? 600_000}`, ...files],
    {
      cwd: ROOT,
      stdio: 'inherit',
      env: {
        ...process.env,
        CASHIER_URL: stack.cashierUrl,
        REACT_HOST_URL: stack.reactHostUrl,
        VANILLA_HOST_URL: stack.vanillaHostUrl,
      },
    },
  );
  const forward = (signal: NodeJS.Signals) => child.kill(signal);
  process.once('SIGINT', forward);
  process.once('SIGTERM', forward);
  return new Promise((resolve) => {
    child.on('exit', (code, signal) => {
      process.off('SIGINT', forward);
      process.off('SIGTERM', forward);
      resolve(code ?? (signal ? 1 : 0));
    });
  });
}

/**
 * Serves copies of the builds: the checkout is shared (a dev server or another build may rewrite dist/ at any
 * moment), and a test run must see one build from start to end.
 */
async function snapshotBuilds(): Promise<() => void> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'cashier-e2e-'));
  const remove = () => rmSync(dir, { recursive: true, force: true });
  const copies = { CASHIER_DIST: dists.remote, REACT_HOST_DIST: dists.reactHost, VANILLA_HOST_DIST: dists.vanillaHost };
  for (const [variable, source] of Object.entries(copies)) {
    const target = path.join(dir, variable.toLowerCase());
    // A build writing while we copy leaves a manifest naming files we missed: copy again.
    for (let attempt = 1; ; attempt++) {
      rmSync(target, { recursive: true, force: true });
      cpSync(source, target, { recursive: true, filter: (file) => !file.endsWith('.map') });
      const missing = missingFiles(target);
      if (missing.length === 0) break;
      if (attempt === 5) {
        remove();
        throw new Error(`${source} is incomplete (${missing.slice(0, 3).join(', ')} missing): rebuild it`);
      }
      await new Promise((resolve) => setTimeout(resolve, 3000));
    }
    process.env[variable] = target;
  }
  return remove;
}

/** Files a build names (remote: its manifest's entry and chunks; host: its index.html) that are not there. */
function missingFiles(dir: string): string[] {
  const manifestFile = path.join(dir, 'mf-manifest.json');
  if (!existsSync(manifestFile)) return existsSync(path.join(dir, 'index.html')) ? [] : ['index.html'];
  const manifest = JSON.parse(readFileSync(manifestFile, 'utf8')) as {
    metaData: { remoteEntry: { name: string } };
    exposes: { assets: Record<'js' | 'css', Record<'sync' | 'async', string[]>> }[];
  };
  const named = [manifest.metaData.remoteEntry.name];
  for (const { assets } of manifest.exposes) named.push(...assets.js.sync, ...assets.js.async, ...assets.css.sync, ...assets.css.async);
  return named.filter((file) => !existsSync(path.join(dir, file)));
}

async function main(): Promise<number> {
  const args = parseArgs(process.argv.slice(2));
  const files = selectTests(args);
  if (files.length === 0) {
    console.error(`[e2e] no *.e2e.ts files found${args.reliability ? ' under e2e/reliability/' : ''}`);
    return 1;
  }
  ensureChromium();
  if (args.build && !remoteIsFresh()) buildRemote();
  if (!existsSync(path.join(ROOT, 'dist/mf-manifest.json'))) throw new Error('dist/ has no build of the remote: run npm run build');
  buildHosts();

  const removeSnapshot = await snapshotBuilds();
  let stack: Stack | null = null;
  try {
    stack = await startStack({
      cashier: Number(process.env.CASHIER_PORT ?? DEFAULT_PORTS.cashier),
      reactHost: Number(process.env.REACT_HOST_PORT ?? DEFAULT_PORTS.reactHost),
      vanillaHost: Number(process.env.VANILLA_HOST_PORT ?? DEFAULT_PORTS.vanillaHost),
    });
    console.log(`[e2e] remote + mock ${stack.cashierUrl}, react-host ${stack.reactHostUrl}, vanilla-host ${stack.vanillaHostUrl}`);
    console.log(`[e2e] ${files.length} file(s): ${files.map((file) => path.relative(ROOT, file)).join(', ')}`);
    return await runNodeTests(files, stack);
  } finally {
    // Nothing is printed after this: node's summary (# pass / # fail) stays the last lines of the run.
    await stack?.stop();
    removeSnapshot();
  }
}

main().then(
  (code) => process.exit(code),
  (error) => {
    console.error('[e2e]', error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
