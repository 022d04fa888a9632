// The reliability summary: each test file appends its counts; zz-summary.e2e.ts prints and saves the table.
import { appendFileSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export interface ReliabilityCounts {
  /** Payment flows (browser) or generated cases (server, fuzz) that ran to an end. */
  runs: number;
  /** Faults injected that actually fired: delays, 5xx, dropped answers, cut streams, offline, hostile content. */
  faults: number;
  /** Orders charged more than once. */
  doubleCharges: number;
  /** 5xx answers the server gave that nobody injected. */
  serverErrors: number;
  /** Secrets found where they must not be, plus listeners, timers, streams or camera tracks left behind. */
  leaks: number;
  /** securitypolicyviolation events seen in the pages. */
  cspViolations: number;
}

export interface SummaryEntry extends ReliabilityCounts {
  area: string;
  /** Short facts worth a line under the table (the seed, what was counted). */
  notes: string[];
}

export const COLUMNS: (keyof ReliabilityCounts)[] = ['runs', 'faults', 'doubleCharges', 'serverErrors', 'leaks', 'cspViolations'];
const HEADINGS: Record<keyof ReliabilityCounts, string> = {
  runs: 'runs',
  faults: 'faults injected',
  doubleCharges: 'double charges',
  serverErrors: '5xx answers',
  leaks: 'leaks',
  cspViolations: 'CSP violations',
};

export const ARTIFACTS = path.resolve(__dirname, '../../artifacts');

/**
 * Where the counts of this run go: RELIABILITY_SUMMARY_FILE when the runner sets it, else a file named after the
 * node test runner's pid (every test file is its child), so two runs never mix their counts.
 */
export function summaryFile(): string {
  return process.env.RELIABILITY_SUMMARY_FILE ?? path.join(os.tmpdir(), `cashier-reliability-${process.ppid}.jsonl`);
}

export function emptyCounts(): ReliabilityCounts {
  return { runs: 0, faults: 0, doubleCharges: 0, serverErrors: 0, leaks: 0, cspViolations: 0 };
}

/** Appends one area's counts (one JSON line, so files writing one after another never clobber each other). */
export function recordSummary(area: string, counts: ReliabilityCounts, notes: string[] = []): void {
  const file = summaryFile();
  mkdirSync(path.dirname(file), { recursive: true });
  appendFileSync(file, `${JSON.stringify({ area, ...counts, notes } satisfies SummaryEntry)}\n`);
}

export function readSummary(file = summaryFile()): SummaryEntry[] {
  if (!existsSync(file)) return [];
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((line) => line.trim())
    .map((line) => JSON.parse(line) as SummaryEntry);
}

export function totals(entries: SummaryEntry[]): ReliabilityCounts {
  const sum = emptyCounts();
  for (const entry of entries) for (const column of COLUMNS) sum[column] += entry[column];
  return sum;
}

/** A Markdown table: one row per area and a total row. */
export function formatTable(entries: SummaryEntry[]): string {
  const rows = [...entries.map((e) => [e.area, ...COLUMNS.map((c) => String(e[c]))]), ['**total**', ...COLUMNS.map((c) => `**${totals(entries)[c]}**`)]];
  const header = ['area', ...COLUMNS.map((c) => HEADINGS[c])];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]) => `| ${cells.map((cell, i) => (i === 0 ? cell.padEnd(widths[i] ?? 0) : cell.padStart(widths[i] ?? 0))).join(' | ')} |`;
  const rule = `| ${widths.map((w, i) => (i === 0 ? '-'.repeat(w) : `${'-'.repeat(Math.max(1, w - 1))}:`)).join(' | ')} |`;
  return [line(header), rule, ...rows.map(line)].join('\n');
}

/** Saves the table and the raw counts under e2e/artifacts/, and forgets this run's temporary file. */
export function saveSummary(entries: SummaryEntry[], file = summaryFile()): { markdown: string; json: string } {
  mkdirSync(ARTIFACTS, { recursive: true });
  const markdown = path.join(ARTIFACTS, 'reliability-summary.md');
  const json = path.join(ARTIFACTS, 'reliability-summary.json');
  const notes = entries.flatMap((e) => e.notes.map((note) => `- ${e.area}: ${note}`));
  writeFileSync(markdown, `${formatTable(entries)}\n\n${notes.join('\n')}\n`);
  writeFileSync(json, `${JSON.stringify({ at: new Date().toISOString(), entries, totals: totals(entries) }, null, 2)}\n`);
  if (!process.env.RELIABILITY_SUMMARY_FILE) rmSync(file, { force: true });
  return { markdown, json };
}
