import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { formatTimingTable, mergeTimings, parseCounts, plan, readTimings, writeTimings } from './schedule';

describe('plan', () => {
  const rules = { alone: ['e2e/solo.e2e.ts'], last: ['e2e/reliability/zz-summary.e2e.ts'] };

  test('orders the parallel files longest first and puts files without a time (new ones) before them', () => {
    const files = ['e2e/a.e2e.ts', 'e2e/b.e2e.ts', 'e2e/new.e2e.ts', 'e2e/c.e2e.ts'];
    const phases = plan(files, { 'e2e/a.e2e.ts': 10, 'e2e/b.e2e.ts': 90, 'e2e/c.e2e.ts': 30 }, rules);
    expect(phases).toEqual({ alone: [], parallel: ['e2e/new.e2e.ts', 'e2e/b.e2e.ts', 'e2e/c.e2e.ts', 'e2e/a.e2e.ts'], last: [] });
  });

  test('keeps the files that must be alone, and those that run last, out of the parallel phase', () => {
    const files = ['e2e/reliability/zz-summary.e2e.ts', 'e2e/a.e2e.ts', 'e2e/solo.e2e.ts'];
    expect(plan(files, {}, rules)).toEqual({ alone: ['e2e/solo.e2e.ts'], parallel: ['e2e/a.e2e.ts'], last: ['e2e/reliability/zz-summary.e2e.ts'] });
  });

  test('starts each waiting file with two busy ones after it, never two waiting files side by side', () => {
    const files = ['e2e/w1.e2e.ts', 'e2e/w2.e2e.ts', 'e2e/w3.e2e.ts', 'e2e/b1.e2e.ts', 'e2e/b2.e2e.ts', 'e2e/b3.e2e.ts'];
    const timings = { 'e2e/w1.e2e.ts': 100, 'e2e/w2.e2e.ts': 90, 'e2e/w3.e2e.ts': 80, 'e2e/b1.e2e.ts': 50, 'e2e/b2.e2e.ts': 40, 'e2e/b3.e2e.ts': 30 };
    const { parallel } = plan(files, timings, { ...rules, waiting: ['e2e/w1.e2e.ts', 'e2e/w2.e2e.ts', 'e2e/w3.e2e.ts'] });
    expect(parallel).toEqual(['e2e/w1.e2e.ts', 'e2e/b1.e2e.ts', 'e2e/b2.e2e.ts', 'e2e/w2.e2e.ts', 'e2e/b3.e2e.ts', 'e2e/w3.e2e.ts']);
  });

  test('runs every file it is given exactly once', () => {
    const files = Array.from({ length: 30 }, (_, i) => `e2e/f${i}.e2e.ts`).concat(rules.alone, rules.last);
    const timings = Object.fromEntries(files.map((file, i) => [file, (i * 7) % 13]));
    const { alone, parallel, last } = plan(files, timings, { ...rules, waiting: ['e2e/f3.e2e.ts', 'e2e/f4.e2e.ts', 'e2e/f29.e2e.ts'] });
    expect([...alone, ...parallel, ...last].sort()).toEqual([...files].sort());
  });
});

describe('timings files', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'cashier-timings-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  test('round-trips through a file, the newer layer winning', () => {
    const file = path.join(dir, 'nested', 'timings.json');
    writeTimings(file, { 'e2e/b.e2e.ts': 2, 'e2e/a.e2e.ts': 1 });
    expect(readTimings(file)).toEqual({ 'e2e/a.e2e.ts': 1, 'e2e/b.e2e.ts': 2 });
    expect(mergeTimings(readTimings(file), { 'e2e/b.e2e.ts': 5 })).toEqual({ 'e2e/a.e2e.ts': 1, 'e2e/b.e2e.ts': 5 });
  });

  test('a missing or broken file gives no timings, and non-numbers are dropped', () => {
    expect(readTimings(path.join(dir, 'none.json'))).toEqual({});
    const broken = path.join(dir, 'broken.json');
    writeFileSync(broken, '{"e2e/a.e2e.ts": 3,');
    expect(readTimings(broken)).toEqual({});
    writeFileSync(broken, '{"e2e/a.e2e.ts": 3, "e2e/b.e2e.ts": "slow"}');
    expect(readTimings(broken)).toEqual({ 'e2e/a.e2e.ts': 3 });
  });
});

test('parseCounts reads the last summary of node\'s spec (ℹ) or TAP (#) reporter', () => {
  expect(parseCounts('✔ one\nℹ tests 3\nℹ pass 2\nℹ fail 1\nℹ cancelled 0\n')).toEqual({ pass: 2, fail: 1, cancelled: 0 });
  expect(parseCounts('# pass 4\n# fail 0\n# cancelled 1\n')).toEqual({ pass: 4, fail: 0, cancelled: 1 });
  expect(parseCounts('crashed before any test')).toEqual({ pass: 0, fail: 0, cancelled: 0 });
});

test('the timing table lists files slowest first, then the sum of their times and the wall time', () => {
  const table = formatTimingTable(
    [
      { file: 'e2e/a.e2e.ts', seconds: 12.34, worker: 0, pass: 3, fail: 0, ok: true },
      { file: 'e2e/b.e2e.ts', seconds: 40, worker: 1, pass: 1, fail: 1, ok: false },
    ],
    45.6,
  ).split('\n');
  expect(table[1]).toMatch(/^e2e\/b\.e2e\.ts\s+40\.0\s+1\s+1\/1\s+FAILED$/);
  expect(table[2]).toMatch(/^e2e\/a\.e2e\.ts\s+12\.3\s+0\s+3\/0\s+ok$/);
  expect(table[3]).toMatch(/^sum of 2 files\s+52\.3/);
  expect(table[4]).toMatch(/^wall time\s+45\.6/);
});
