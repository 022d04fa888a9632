// Runs last (files run in name order): prints the reliability summary table the other files recorded, and saves it
// to e2e/artifacts/reliability-summary.{md,json}.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { formatTable, readSummary, saveSummary, summaryFile, totals } from './support/summary';

test('reliability summary: runs, faults injected, double charges, 5xx answers, leaks, CSP violations', () => {
  const entries = readSummary();
  assert.ok(entries.length > 0, `no counts were recorded in ${summaryFile()} (run the reliability files before this one)`);
  const table = formatTable(entries);
  const notes = entries.flatMap((e) => e.notes.map((note) => `  ${e.area}: ${note}`));
  console.log(`\nReliability summary\n\n${table}\n\n${notes.join('\n')}\n`);
  const { markdown } = saveSummary(entries);
  console.log(`saved to ${markdown}`);
  const sum = totals(entries);
  assert.equal(sum.doubleCharges, 0, 'double charges');
  assert.equal(sum.serverErrors, 0, '5xx answers nobody injected');
  assert.equal(sum.leaks, 0, 'leaks');
  assert.equal(sum.cspViolations, 0, 'CSP violations');
});
