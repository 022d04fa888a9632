// `npm test`: every check, in two lanes side by side (typecheck, lint, unit tests | the production build, its size and
// CSS checks, the hosts and Storybook the browser files serve, then the browser suite against those builds, which it
// never rebuilds). The first failure stops the rest. At the end: the time of each step and Jest's slowest files.
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';

const ROOT = path.resolve(__dirname, '..');
const JEST_RESULTS = path.join(ROOT, 'e2e', 'artifacts', 'jest-results.json');

/**
 * The share of the long seeded runs `npm test` keeps; `npm run test:reliability` runs the full counts. Every fault
 * kind still runs (the fault runs take each of the 10 kinds once before picking at random), only fewer random runs
 * follow: 12 is every kind once and two at random.
 */
const SAMPLE = { MODEL_RUNS: '300', RELIABILITY_RUNS: '12' };

interface Step {
  name: string;
  command: string[];
  /** Print the output as it comes (the browser suite's); the others print theirs whole when they end. */
  live?: boolean;
}

const npm = (script: string, ...args: string[]): string[] => ['npm', 'run', '--silent', script, ...(args.length ? ['--', ...args] : [])];

const LANES: Step[][] = [
  [
    { name: 'typecheck', command: npm('typecheck') },
    { name: 'lint', command: npm('lint') },
    // At a lower CPU priority: it runs beside the browser suite, which decides the end, and fills the cores' idle time.
    { name: 'test:unit', command: ['nice', '-n', '10', ...npm('test:unit', '--json', `--outputFile=${JEST_RESULTS}`)] },
  ],
  [
    { name: 'build', command: npm('build') },
    { name: 'test:size', command: npm('test:size') },
    { name: 'test:css-leaks', command: npm('test:css-leaks') },
    { name: 'build hosts + storybook', command: ['npx', 'tsx', 'e2e/prepare.ts'] },
  ],
];
const LAST: Step = { name: 'test:e2e', command: npm('test:e2e', '--no-build'), live: true };

interface Timed {
  name: string;
  seconds: number;
  ok: boolean;
}

const running = new Set<ChildProcess>();
let failed = false;

/** Runs one step in its own process group (so stopping it stops webpack, Chromium and the rest it started). */
function run(step: Step, env: NodeJS.ProcessEnv): Promise<Timed> {
  const started = Date.now();
  console.log(`[test] start ${step.name}: ${step.command.join(' ')}`);
  const [command, ...args] = step.command as [string, ...string[]];
  const child = spawn(command, args, { cwd: ROOT, env, detached: true, stdio: step.live ? 'inherit' : ['ignore', 'pipe', 'pipe'] });
  running.add(child);
  const output: Buffer[] = [];
  child.stdout?.on('data', (chunk: Buffer) => output.push(chunk));
  child.stderr?.on('data', (chunk: Buffer) => output.push(chunk));
  return new Promise((resolve) => {
    const finish = (ok: boolean, detail: string) => {
      running.delete(child);
      const seconds = (Date.now() - started) / 1000;
      if (!step.live) {
        console.log(`\n── ${step.name} (${seconds.toFixed(1)} s) ${'─'.repeat(Math.max(0, 90 - step.name.length))}`);
        process.stdout.write(Buffer.concat(output));
      }
      console.log(`[test] ${step.name}: ${ok ? 'ok' : `FAILED (${detail})`} in ${seconds.toFixed(1)} s`);
      resolve({ name: step.name, seconds, ok });
    };
    child.on('error', (error) => finish(false, error.message));
    child.on('exit', (code, signal) => finish(code === 0, `exit ${code ?? signal}`));
  });
}

function stopAll(): void {
  for (const child of running) {
    try {
      if (child.pid !== undefined) process.kill(-child.pid, 'SIGTERM');
    } catch {
      // Already gone.
    }
  }
}

/** Runs a lane's steps one after another; stops at its first failure and stops the other lanes too. */
async function runLane(steps: Step[], env: NodeJS.ProcessEnv, timed: Timed[]): Promise<void> {
  for (const step of steps) {
    if (failed) return;
    const result = await run(step, env);
    timed.push(result);
    if (!result.ok && !failed) {
      failed = true;
      stopAll();
    }
  }
}

/** Jest's slowest test files of this run, from its --json results. */
function slowestJestFiles(limit = 10): string[] {
  if (!existsSync(JEST_RESULTS)) return [];
  const results = JSON.parse(readFileSync(JEST_RESULTS, 'utf8')) as {
    testResults: { name: string; startTime: number; endTime: number }[];
  };
  return results.testResults
    .map((r) => ({ file: path.relative(ROOT, r.name), seconds: (r.endTime - r.startTime) / 1000 }))
    .sort((a, b) => b.seconds - a.seconds)
    .slice(0, limit)
    .map((r) => `${r.file.padEnd(60)}  ${r.seconds.toFixed(1).padStart(7)}`);
}

async function main(): Promise<number> {
  const started = Date.now();
  const env = { ...process.env };
  for (const [name, value] of Object.entries(SAMPLE)) env[name] ??= value;
  console.log(`[test] seeded runs: MODEL_RUNS=${env.MODEL_RUNS}, RELIABILITY_RUNS=${env.RELIABILITY_RUNS} (npm run test:reliability runs the full counts)`);
  mkdirSync(path.dirname(JEST_RESULTS), { recursive: true });
  rmSync(JEST_RESULTS, { force: true });
  const timed: Timed[] = [];
  const interrupt = () => {
    failed = true;
    stopAll();
  };
  process.once('SIGINT', interrupt);
  process.once('SIGTERM', interrupt);
  // The browser suite needs the builds, not the unit tests: it starts when the build lane ends, beside the rest of
  // Jest (one worker, one core), so the other core does not sit idle until Jest is done.
  const [checks, builds] = LANES as [Step[], Step[]];
  await Promise.all([runLane(checks, env, timed), runLane([...builds, LAST], env, timed)]);

  const wall = (Date.now() - started) / 1000;
  const slowest = slowestJestFiles();
  if (slowest.length) console.log(`\n[test] Jest's slowest files (seconds)\n${slowest.join('\n')}`);
  console.log(`\n[test] steps (two lanes side by side: the checks and unit tests | the builds, then the browser suite)`);
  for (const step of timed) console.log(`${step.name.padEnd(26)} ${step.seconds.toFixed(1).padStart(7)} s  ${step.ok ? 'ok' : 'FAILED'}`);
  const ok = !failed && timed.every((step) => step.ok);
  console.log(`${'npm test (wall)'.padEnd(26)} ${wall.toFixed(1).padStart(7)} s  ${ok ? 'ok' : 'FAILED'}`);
  return ok ? 0 : 1;
}

main().then(
  (code) => process.exit(code),
  (error) => {
    console.error('[test]', error instanceof Error ? error.message : error);
    stopAll();
    process.exit(1);
  },
);
