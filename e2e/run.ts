// `npm run test:e2e [-- --no-build] [-- --reliability] [-- files...]`: the browser suite against the built remote,
// in E2E_WORKERS parallel workers (default: one more than the cores), each with its own servers, mock state and browser.
import { spawn, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { BrowserServer } from 'playwright-core';
import { buildRemote, remoteIsFresh } from '../examples/build-hosts';
import { CHROMIUM, launchBrowserServer } from './browser';
import { BUILDS, prepareBuilds } from './prepare';
import { type FileResult, formatTimingTable, mergeTimings, type Phases, parseCounts, plan, readTimings, writeTimings } from './schedule';
import { DEFAULT_PORTS, dists, ROOT, type Stack, startStack } from './servers';

const E2E_DIR = path.join(ROOT, 'e2e');
const RELIABILITY_DIR = path.join(E2E_DIR, 'reliability');
/** Seconds per file measured here (committed): the order when this checkout has not run the suite yet. */
const COMMITTED_TIMINGS = path.join(E2E_DIR, 'timings.json');
/** Seconds per file of the last runs in this checkout (git-ignored). */
const LAST_TIMINGS = path.join(E2E_DIR, 'artifacts', 'timings.json');

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

/** Debian's Chromium headless shell (and CJK fonts), installed on first use (CI and fresh machines run as root). */
function ensureChromium(): void {
  if (existsSync(CHROMIUM)) return;
  if (process.env.CHROMIUM_PATH) throw new Error(`CHROMIUM_PATH=${CHROMIUM} does not exist`);
  console.log(`[e2e] ${CHROMIUM} is missing: installing Debian's chromium-headless-shell`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  for (const args of [['update'], ['install', '-y', '--no-install-recommends', 'chromium-headless-shell', 'fonts-noto-cjk']]) {
    const result = spawnSync('apt-get', args, { stdio: 'inherit', env });
    if (result.status !== 0) throw new Error(`apt-get ${args.join(' ')} failed; install chromium-headless-shell by hand or set CHROMIUM_PATH`);
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

/** `e2e/x.e2e.ts`: how files are named in timings, rules and the table. */
const relative = (file: string) => path.relative(ROOT, file).split(path.sep).join('/');

/**
 * E2E_WORKERS, else one more than the cores: a browser file spends much of its time waiting (servers' delays, frames,
 * settling), so two workers left a 2-core machine about a fifth idle; three filled it (420 s → 356 s of browser suite
 * on 2 cores). Never more than there are files.
 */
function workerCount(files: number): number {
  const asked = process.env.E2E_WORKERS;
  const count = asked ? Number(asked) : os.availableParallelism() + 1;
  if (!Number.isInteger(count) || count < 1) throw new Error(`E2E_WORKERS must be a positive integer, got "${asked}"`);
  return Math.max(1, Math.min(count, files));
}

/** One lane of the run: its own remote + mock (its own mock state), host shells and browser. */
interface Worker {
  index: number;
  stack: Stack;
  browser: BrowserServer | null;
}

async function startWorker(index: number): Promise<Worker> {
  // The first worker keeps the familiar ports (or the ones asked for); the others take free ones.
  const port = (variable: string, preferred: number) => (index === 0 ? Number(process.env[variable] ?? preferred) : 0);
  const stack = await startStack({
    cashier: port('CASHIER_PORT', DEFAULT_PORTS.cashier),
    reactHost: port('REACT_HOST_PORT', DEFAULT_PORTS.reactHost),
    vanillaHost: port('VANILLA_HOST_PORT', DEFAULT_PORTS.vanillaHost),
  });
  console.log(`[e2e] worker ${index}: remote + mock ${stack.cashierUrl}, react-host ${stack.reactHostUrl}, vanilla-host ${stack.vanillaHostUrl}`);
  return { index, stack, browser: null };
}

/** The worker's Chromium, (re)started when missing or gone; files connect to it and open their own contexts. */
async function workerBrowser(worker: Worker): Promise<string | undefined> {
  if (process.env.E2E_SHARED_BROWSER === '0') return undefined;
  if (worker.browser && worker.browser.process().exitCode === null && worker.browser.process().signalCode === null) {
    return worker.browser.wsEndpoint();
  }
  await worker.browser?.close().catch(() => undefined);
  worker.browser = await launchBrowserServer();
  return worker.browser.wsEndpoint();
}

interface Running {
  promise: Promise<FileResult>;
  kill(signal: NodeJS.Signals): void;
}

/**
 * One file in node's test runner, in the worker's environment. Its output is kept and printed whole when it ends,
 * so files running side by side never interleave their lines. node applies --test-timeout to the whole file as well
 * as to each test in it, so it is a per-file budget: the README-path file compiles the dev remote inside it.
 */
function runFile(file: string, worker: Worker, wsEndpoint: string | undefined, extraEnv: Record<string, string>, live: boolean): Running {
  const started = Date.now();
  const child = spawn(
    process.execPath,
    [
      // E2E_NODE_ARGS: extra flags for each file's node process, for example `--cpu-prof --cpu-prof-dir=DIR`.
      ...(process.env.E2E_NODE_ARGS?.split(' ').filter(Boolean) ?? []),
      '--import',
      'tsx',
      '--test',
      '--test-reporter=spec',
      `--test-timeout=${process.env.E2E_TEST_TIMEOUT_MS ?? 600_000}`,
      file,
    ],
    {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: {
        ...process.env,
        ...extraEnv,
        CASHIER_URL: worker.stack.cashierUrl,
        REACT_HOST_URL: worker.stack.reactHostUrl,
        VANILLA_HOST_URL: worker.stack.vanillaHostUrl,
        E2E_WORKER: String(worker.index),
        ...(wsEndpoint ? { E2E_BROWSER_WS: wsEndpoint } : {}),
      },
    },
  );
  const output: string[] = [];
  const keep = (chunk: Buffer) => {
    output.push(chunk.toString());
    if (live) process.stdout.write(chunk);
  };
  child.stdout.on('data', keep);
  child.stderr.on('data', keep);
  const promise = new Promise<FileResult>((resolve) => {
    const finish = (code: number | null, signal: NodeJS.Signals | null) => {
      const seconds = (Date.now() - started) / 1000;
      const text = output.join('');
      const counts = parseCounts(text);
      const ok = code === 0 && counts.fail === 0;
      const name = relative(file);
      if (!live) {
        console.log(`\n── ${name} (worker ${worker.index}, ${seconds.toFixed(1)} s) ${'─'.repeat(Math.max(0, 90 - name.length))}`);
        process.stdout.write(text.endsWith('\n') ? text : `${text}\n`);
      }
      if (!ok && code !== 0 && counts.fail === 0) console.log(`[e2e] ${name} exited with ${code ?? signal} (a crash or a timeout outside any test)`);
      resolve({ file: name, seconds, worker: worker.index, pass: counts.pass, fail: counts.fail + (ok || counts.fail ? 0 : 1), ok, interrupted: signal !== null });
    };
    child.on('exit', finish);
    child.on('error', (error) => {
      output.push(`${error.message}\n`);
      finish(null, null);
    });
  });
  return { promise, kill: (signal) => child.kill(signal) };
}

/**
 * Runs the phases: the files that must be alone one by one on worker 0, then the rest longest first on every
 * worker (each takes the next file as soon as it is free), then the files that read what the others recorded.
 */
async function runAll(phases: Phases, workers: Worker[], extraEnv: Record<string, string>): Promise<FileResult[]> {
  const results: FileResult[] = [];
  const running = new Set<Running>();
  const queues: [string[], string[], string[]] = [[...phases.alone], [...phases.parallel], [...phases.last]];
  // Interrupted: start nothing more, and pass the signal to the files running.
  const stop = (signal: NodeJS.Signals) => {
    for (const queue of queues) queue.length = 0;
    for (const run of running) run.kill(signal);
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  const live = workers.length === 1;
  const drain = async (queue: string[], lanes: Worker[]) => {
    await Promise.all(
      lanes.map(async (worker) => {
        for (let file = queue.shift(); file !== undefined; file = queue.shift()) {
          console.log(`[e2e] start ${file} (worker ${worker.index})`);
          const run = runFile(path.join(ROOT, file), worker, await workerBrowser(worker), extraEnv, live);
          running.add(run);
          results.push(await run.promise);
          running.delete(run);
        }
      }),
    );
  };
  try {
    await drain(queues[0], workers.slice(0, 1));
    await drain(queues[1], workers);
    await drain(queues[2], workers);
  } finally {
    process.off('SIGINT', stop);
    process.off('SIGTERM', stop);
  }
  return results;
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
  // Files side by side must not each start the same stale build: build everything first (a no-op when fresh).
  // A single file builds what it needs itself, as it always did.
  await prepareBuilds(files.length > 1 ? BUILDS : ['hosts']);

  const timings = mergeTimings(readTimings(COMMITTED_TIMINGS), readTimings(LAST_TIMINGS));
  const phases = plan(files.map(relative), timings);
  const count = workerCount(files.length);
  const removeSnapshot = await snapshotBuilds();
  // Every reliability file appends its counts here; zz-summary.e2e.ts (run last) reads them.
  const summaryDir = mkdtempSync(path.join(os.tmpdir(), 'cashier-e2e-summary-'));
  const extraEnv = { RELIABILITY_SUMMARY_FILE: process.env.RELIABILITY_SUMMARY_FILE ?? path.join(summaryDir, 'reliability.jsonl') };
  const workers: Worker[] = [];
  const started = Date.now();
  try {
    for (let i = 0; i < count; i++) workers.push(await startWorker(i));
    console.log(`[e2e] ${files.length} file(s) on ${count} worker(s), longest first: ${[...phases.alone, ...phases.parallel, ...phases.last].join(', ')}`);
    const results = await runAll(phases, workers, extraEnv);
    const wall = (Date.now() - started) / 1000;
    writeTimings(LAST_TIMINGS, mergeTimings(readTimings(LAST_TIMINGS), Object.fromEntries(results.filter((r) => !r.interrupted).map((r) => [r.file, Math.round(r.seconds * 10) / 10]))));
    const failed = results.filter((r) => !r.ok);
    console.log(`\n[e2e] time per file (${count} worker(s); saved to ${relative(LAST_TIMINGS)})\n${formatTimingTable(results, wall)}`);
    if (failed.length) console.log(`\n[e2e] failed: ${failed.map((r) => r.file).join(', ')}`);
    const pass = results.reduce((sum, r) => sum + r.pass, 0);
    const fail = results.reduce((sum, r) => sum + r.fail, 0);
    console.log(`# files ${results.length}\n# pass ${pass}\n# fail ${fail}`);
    return failed.length || results.length !== files.length ? 1 : 0;
  } finally {
    await Promise.all(workers.map(async (worker) => Promise.all([worker.stack.stop(), worker.browser?.close()])));
    removeSnapshot();
    rmSync(summaryDir, { recursive: true, force: true });
  }
}

main().then(
  (code) => process.exit(code),
  (error) => {
    console.error('[e2e]', error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
