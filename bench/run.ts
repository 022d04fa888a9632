// `npm run bench [-- --no-build | --build] [-- --pairs 12 --keys 60 --cycles 100 --out bench/results.json --no-docs]`
// (`-- --only pay` or BENCH_ONLY=pay: the Pay → result section alone, printed, nothing written; `--only steps`: the
// lazy files per authentication step):
// the performance targets of docs/performance.md, measured on the production build in headless Chromium, every timing
// target as a ratio of interleaved runs; writes bench/results.json and the generated section of docs/performance.md.
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { ROOT } from '../examples/build-hosts';
import { launch } from './browser';
import { measureKeypress } from './interaction';
import { measureLeaks } from './leaks';
import { measureHostCost, measureLazySteps } from './network';
import { measurePay } from './pay';
import { measureRemoteLoad } from './remote-load';
import { type BenchResults, markdown, verdicts, writeDocsSection } from './report';
import { type BenchDists, type BenchStack, ensureBuilds, snapshotBuilds, startBenchStack } from './setup';
import { measureSizes } from './sizes';

const WATCHDOG_MIN = Number(process.env.BENCH_TIMEOUT_MIN ?? 20);

interface Options {
  build: boolean;
  force: boolean;
  docs: boolean;
  pairs: number;
  keys: number;
  cycles: number;
  out: string;
  /** One section only (printed, no results file or docs): for measuring a change quickly. */
  only: 'pay' | 'steps' | null;
}

function parseArgs(argv: string[]): Options {
  const value = (flag: string, fallback: number) => {
    const at = argv.indexOf(flag);
    if (at < 0) return fallback;
    const n = Number(argv[at + 1]);
    if (!Number.isInteger(n) || n < 1) throw new Error(`${flag} needs a positive whole number`);
    return n;
  };
  const known = new Set(['--no-build', '--build', '--no-docs', '--pairs', '--keys', '--cycles', '--out', '--only']);
  for (const arg of argv) if (arg.startsWith('--') && !known.has(arg)) throw new Error(`Unknown flag ${arg} (known: ${[...known].join(', ')})`);
  const outAt = argv.indexOf('--out');
  const onlyAt = argv.indexOf('--only');
  const only = onlyAt >= 0 ? argv[onlyAt + 1] : process.env.BENCH_ONLY;
  if (only && only !== 'pay' && only !== 'steps') throw new Error(`--only knows two sections: pay, steps (got ${only})`);
  return {
    build: !argv.includes('--no-build') && process.env.BENCH_NO_BUILD !== '1',
    force: argv.includes('--build'),
    docs: !argv.includes('--no-docs'),
    pairs: value('--pairs', Number(process.env.BENCH_PAIRS ?? 12)),
    keys: value('--keys', 60),
    cycles: value('--cycles', 100),
    out: path.resolve(outAt >= 0 && argv[outAt + 1] ? argv[outAt + 1]! : path.join(ROOT, 'bench/results.json')),
    only: only === 'pay' || only === 'steps' ? only : null,
  };
}

const packageVersion = (name: string) => (require(path.join(ROOT, 'node_modules', name, 'package.json')) as { version: string }).version;

function git(args: string[]): string {
  try {
    return execFileSync('git', args, { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    return 'unknown';
  }
}

function machine(browser: Browser) {
  const cpus = os.cpus();
  return {
    cpu: cpus[0]?.model ?? 'unknown',
    cores: cpus.length,
    memoryGb: Math.round(os.totalmem() / 1024 ** 3),
    os: `${os.type()} ${os.release()} ${os.arch()}`,
    node: process.version,
    chromium: browser.version(),
    playwright: packageVersion('playwright-core'),
    react: packageVersion('react'),
    moduleFederation: packageVersion('@module-federation/enhanced'),
  };
}

async function measure(browser: Browser, stack: BenchStack, builds: BenchDists, options: Options): Promise<BenchResults> {
  const step = async <T>(name: string, run: () => Promise<T>): Promise<T> => {
    const started = Date.now();
    console.log(`[bench] ${name} …`);
    const result = await run();
    console.log(`[bench] ${name}: ${((Date.now() - started) / 1000).toFixed(0)} s`);
    return result;
  };
  const sizes = measureSizes(builds.remote);
  const lazySteps = await step('lazy chunks per step', () => measureLazySteps(browser, stack, builds.remote));
  const remoteLoad = await step(`remote load (${options.pairs} interleaved rounds: federated, preloaded, split)`, () =>
    measureRemoteLoad(browser, stack, options.pairs),
  );
  const pay = await step(`Pay → result (${options.pairs} interleaved pairs: cashier, floor)`, () => measurePay(browser, stack, options.pairs));
  const keypress = await step(`keypress → paint (${options.keys} taps)`, () => measureKeypress(browser, stack, options.keys));
  const leaks = await step(`leaks (${options.cycles} openCashier cycles)`, () => measureLeaks(browser, stack, options.cycles));
  const hostCost = await step('host cost', () => measureHostCost(browser, stack, builds.remote));
  return { sizes, lazySteps, remoteLoad, keypress, pay, leaks, hostCost };
}

async function main(): Promise<number> {
  const options = parseArgs(process.argv.slice(2));
  ensureBuilds({ build: options.build, force: options.force });
  const builds = snapshotBuilds();
  let stack: BenchStack | null = null;
  let browser: Browser | null = null;
  const cleanUp = async () => {
    await browser?.close().catch(() => undefined);
    await stack?.stop().catch(() => undefined);
    builds.remove();
  };
  const interrupted = () => {
    console.error('[bench] interrupted: closing Chromium and the servers');
    cleanUp().finally(() => process.exit(130));
  };
  process.once('SIGINT', interrupted);
  process.once('SIGTERM', interrupted);
  // A stray rejection must not end the process before `finally` has closed Chromium and the servers.
  const stray = (error: unknown) => console.error('[bench] unhandled rejection:', error instanceof Error ? error.message : error);
  process.on('unhandledRejection', stray);
  // A hung browser or server must not keep the machine busy: give up after BENCH_TIMEOUT_MIN minutes.
  const watchdog = setTimeout(() => {
    console.error(`[bench] no result after ${WATCHDOG_MIN} minutes: giving up`);
    cleanUp().finally(() => process.exit(1));
  }, WATCHDOG_MIN * 60_000);
  watchdog.unref();
  try {
    stack = await startBenchStack(builds);
    browser = await launch();
    const loadBefore = os.loadavg();
    const started = Date.now();
    if (options.only === 'pay') {
      const pay = await measurePay(browser, stack, options.pairs);
      console.log(JSON.stringify({ loadAverage: { start: loadBefore, end: os.loadavg() }, pay }, null, 2));
      return 0;
    }
    if (options.only === 'steps') {
      console.log(JSON.stringify(await measureLazySteps(browser, stack, builds.remote), null, 2));
      return 0;
    }
    const results = await measure(browser, stack, builds, options);
    const report = {
      date: new Date().toISOString(),
      machine: { ...machine(browser), loadAverage: { start: loadBefore.map((x) => +x.toFixed(2)), end: os.loadavg().map((x) => +x.toFixed(2)) } },
      commit: { head: git(['rev-parse', '--short', 'HEAD']), modifiedFiles: git(['status', '--porcelain', '--untracked-files=no']).split('\n').filter(Boolean).length },
      settings: { pairs: options.pairs, keys: options.keys, cycles: options.cycles, durationS: Math.round((Date.now() - started) / 1000) },
      targets: verdicts(results),
      ...results,
    };
    writeFileSync(options.out, `${JSON.stringify(report, null, 2)}\n`);
    const m = report.machine;
    console.log(`\n## ${report.date.slice(0, 10)} — ${m.cpu}, ${m.cores} cores, ${m.os}; Node ${m.node}, Chromium ${m.chromium}; load average ${m.loadAverage.start.join(' / ')}\n`);
    console.log(markdown(results));
    console.log(`\n[bench] wrote ${path.relative(ROOT, options.out)} in ${report.settings.durationS} s`);
    if (options.docs) console.log(`[bench] updated the generated section of ${writeDocsSection(report)}`);
    const missed = report.targets.filter((t) => !t.met);
    console.log(`[bench] ${report.targets.length - missed.length} of ${report.targets.length} targets met${missed.length ? `; missed: ${missed.map((t) => t.target).join('; ')}` : ''}`);
    return 0;
  } finally {
    clearTimeout(watchdog);
    process.off('unhandledRejection', stray);
    process.off('SIGINT', interrupted);
    process.off('SIGTERM', interrupted);
    await cleanUp();
  }
}

main().then(
  (code) => process.exit(code),
  (error) => {
    console.error('[bench]', error instanceof Error ? (error.stack ?? error.message) : error);
    process.exit(1);
  },
);
