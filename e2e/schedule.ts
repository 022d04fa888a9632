// Which e2e file runs when: longest first (from the last run's timings, else the committed ones), the files that
// need the machine to themselves alone, and the files that read what the others recorded after all of them.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/** Seconds per file, keyed by the path from the repository root with forward slashes ("e2e/x.e2e.ts"). */
export type Timings = Record<string, number>;

export interface ScheduleRules {
  /** Run one at a time with nothing beside them, before the parallel files. */
  alone: readonly string[];
  /** Run after every other file has finished (they read what the others recorded). */
  last: readonly string[];
  /** Parallel files that mostly wait: each one starts with two busy files after it, never beside another. */
  waiting?: readonly string[];
}

export const RULES: ScheduleRules = {
  // Asserts that some tracking events are still queued when the page leaves: the page's batch timer runs on the
  // wall clock, so a neighbour slowing the file's steps lets the batch flush first.
  alone: ['e2e/buried-points.e2e.ts'],
  // Prints and checks the reliability counts every other reliability file appended.
  last: ['e2e/reliability/zz-summary.e2e.ts'],
  // Each run alone used under 0.7 of a core (CPU-seconds over wall seconds: Storybook renders settling, a slow mock
  // server, layout measured over time). Three of them side by side left a third of two cores idle for ~25 s once Jest
  // had ended (sampled every 5 s in fresh-clone runs); each beside two busy files keeps both cores working.
  waiting: ['e2e/visual-variants.e2e.ts', 'e2e/visual.e2e.ts', 'e2e/sheet.e2e.ts', 'e2e/layout-stability.e2e.ts'],
};

export interface Phases {
  alone: string[];
  parallel: string[];
  last: string[];
}

/**
 * Splits the files into the three phases, each longest first. A file with no recorded time (a new one) counts as the
 * longest: starting an unknown file early never makes the run longer than starting it late. In the parallel phase
 * each waiting file (rules.waiting) is followed by the next two busy ones, so no two waiting files start side by side.
 */
export function plan(files: readonly string[], timings: Timings, rules: ScheduleRules = RULES): Phases {
  const seconds = (file: string) => timings[file] ?? Number.POSITIVE_INFINITY;
  const longestFirst = (list: string[]) => list.sort((a, b) => seconds(b) - seconds(a) || a.localeCompare(b));
  const alone = new Set(rules.alone);
  const last = new Set(rules.last);
  const waiting = new Set(rules.waiting ?? []);
  const parallel = longestFirst(files.filter((file) => !alone.has(file) && !last.has(file)));
  const waitingFiles = parallel.filter((file) => waiting.has(file));
  const busy = parallel.filter((file) => !waiting.has(file));
  const interleaved: string[] = [];
  while (waitingFiles.length || busy.length) {
    const next = waitingFiles.shift();
    if (next) interleaved.push(next);
    interleaved.push(...busy.splice(0, 2));
  }
  return {
    alone: longestFirst(files.filter((file) => alone.has(file) && !last.has(file))),
    parallel: interleaved,
    last: longestFirst(files.filter((file) => last.has(file))),
  };
}

export function readTimings(file: string): Timings {
  if (!existsSync(file)) return {};
  try {
    const parsed = JSON.parse(readFileSync(file, 'utf8')) as unknown;
    if (!parsed || typeof parsed !== 'object') return {};
    return Object.fromEntries(Object.entries(parsed).filter((entry): entry is [string, number] => typeof entry[1] === 'number'));
  } catch {
    // A half-written or hand-edited file only costs the ordering.
    return {};
  }
}

/** The last run's times over the committed ones; files this run did not time keep what they had. */
export function mergeTimings(...layers: Timings[]): Timings {
  return Object.assign({}, ...layers);
}

export function writeTimings(file: string, timings: Timings): void {
  mkdirSync(path.dirname(file), { recursive: true });
  const sorted = Object.fromEntries(Object.entries(timings).sort(([a], [b]) => a.localeCompare(b)));
  writeFileSync(file, `${JSON.stringify(sorted, null, 2)}\n`);
}

export interface FileResult {
  file: string;
  seconds: number;
  worker: number;
  pass: number;
  fail: number;
  ok: boolean;
  /** Stopped by a signal (the run was interrupted): its time says nothing about the file. */
  interrupted?: boolean;
}

/** The counts node's spec reporter prints at the end of a file's output ("ℹ pass 12"). */
export function parseCounts(output: string): { pass: number; fail: number; cancelled: number } {
  const count = (name: string) => {
    const matches = [...output.matchAll(new RegExp(`^[ℹ#] ${name} (\\d+)$`, 'gm'))];
    return Number(matches.at(-1)?.[1] ?? 0);
  };
  return { pass: count('pass'), fail: count('fail'), cancelled: count('cancelled') };
}

const pad = (text: string, width: number, right = false) => (right ? text.padStart(width) : text.padEnd(width));

/** A plain-text table of the files, slowest first, with the sum of their times beside the wall time. */
export function formatTimingTable(results: readonly FileResult[], wallSeconds: number): string {
  const rows = [...results].sort((a, b) => b.seconds - a.seconds);
  const fileWidth = Math.max(4, ...rows.map((r) => r.file.length));
  const line = (file: string, seconds: string, worker: string, tests: string, status: string) =>
    `${pad(file, fileWidth)}  ${pad(seconds, 8, true)}  ${pad(worker, 6, true)}  ${pad(tests, 9, true)}  ${status}`;
  const sum = rows.reduce((total, r) => total + r.seconds, 0);
  return [
    line('file', 'seconds', 'worker', 'pass/fail', ''),
    ...rows.map((r) => line(r.file, r.seconds.toFixed(1), String(r.worker), `${r.pass}/${r.fail}`, r.ok ? 'ok' : r.interrupted ? 'STOPPED' : 'FAILED')),
    line(`sum of ${rows.length} files`, sum.toFixed(1), '', '', ''),
    line('wall time', wallSeconds.toFixed(1), '', '', ''),
  ].join('\n');
}
