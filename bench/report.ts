// The bench's verdicts and its Markdown tables (printed, and written into docs/performance.md's generated section).
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { KeypressResult } from './interaction';
import { readBudgets } from '../scripts/size-budget';
import type { LeakResult } from './leaks';
import type { HostCost, LazyStep } from './network';
import type { PayResult, WindowProfile } from './pay';
import type { LoadResult } from './remote-load';
import type { SizeRow, Sizes } from './sizes';
import type { RatioSummary, Summary } from './stats';

const KB = 1024;
const MB = 1024 * 1024;

export interface BenchResults {
  sizes: Sizes;
  lazySteps: LazyStep[];
  remoteLoad: LoadResult;
  keypress: KeypressResult;
  pay: PayResult;
  leaks: LeakResult;
  hostCost: HostCost;
}

export interface Verdict {
  target: string;
  limit: string;
  measured: string;
  met: boolean;
}

const kb = (bytes: number) => `${(bytes / KB).toFixed(1)} KB`;
const x = (r: RatioSummary) => `${r.median.toFixed(2)} × (p10–p90 ${r.p10.toFixed(2)}–${r.p90.toFixed(2)}, IQR ${r.p25.toFixed(2)}–${r.p75.toFixed(2)}, n ${r.n})`;
const ms = (value: number) => `${value.toFixed(1)} ms`;

function gzipOf(rows: SizeRow[], name: string): number {
  const row = rows.find((r) => r.target === name);
  if (!row) throw new Error(`no size row for ${name}`);
  return row.gzip;
}

export function verdicts(r: BenchResults): Verdict[] {
  const size = (target: string, bytes: number, limitKb: number): Verdict => ({
    target,
    limit: `≤ ${limitKb} KB gzip`,
    measured: kb(bytes),
    met: bytes <= limitKb * KB,
  });
  const load = r.remoteLoad;
  // The limits are the build's size budgets (scripts/size-budget.config.json, with the reason for each change), so
  // the bench and `npm test` never judge the same file by two numbers.
  const budgets = readBudgets();
  const expose = (name: string, label: string) => size(`${name} ${label}`, gzipOf(r.sizes.exposes, name), budgets.exposes[name] ?? 0);
  return [
    size('remoteEntry.js', r.sizes.remoteEntry.gzip, budgets.remoteEntry),
    size('remoteEntry.slim.js (on the host\'s runtime)', gzipOf(r.sizes.exposes, 'remoteEntry.slim.js'), budgets.slimRemoteEntry),
    expose('./CashierPage', 'initial, own code'),
    expose('./openCashier', 'initial, own code'),
    expose('./PasswordKeyboard', 'initial'),
    expose('./FingerprintVerify', 'initial'),
    expose('./FaceVerify', 'before the detector'),
    expose('./paymentSlice', 'initial'),
    size('Face path to the first detection (detector + weights)', r.sizes.faceDetector.totals.gzip, budgets.facePath?.kb ?? 0),
    {
      target: 'Remote load: federated ÷ split, cold (median of per-round ratios)',
      limit: '≤ 1.15 ×',
      measured: x(load.federatedOverSplit),
      met: load.federatedOverSplit.median <= 1.15,
    },
    {
      target: 'Remote load: preloaded federated ÷ split cold (median of per-round ratios)',
      limit: '≤ 1 ×',
      measured: x(load.preloadedOverSplit),
      met: load.preloadedOverSplit.median <= 1,
    },
    {
      target: "Pay → result, client's share: cashier ÷ floor (median of per-pair ratios)",
      limit: '≤ 1.5 ×',
      measured: x(r.pay.clientOverFloor),
      met: r.pay.clientOverFloor.median <= 1.5,
    },
    {
      target: 'Heap growth, 100 cycles vs 1 (page objects)',
      limit: '≤ 1 MB',
      measured: `${(r.leaks.snapshotGrowth.page / MB).toFixed(2)} MB (JSHeapUsedSize ${(r.leaks.heapGrowthBytes / MB).toFixed(2)} MB)`,
      met: r.leaks.snapshotGrowth.page <= MB,
    },
    { target: 'DOM nodes back to baseline', limit: '+0', measured: `${r.leaks.domNodeGrowth >= 0 ? '+' : ''}${r.leaks.domNodeGrowth}`, met: r.leaks.domNodeGrowth <= 0 },
    {
      target: 'React host fetches no react/react-dom chunk',
      limit: '0 files',
      measured: `${r.hostCost.reactChunks.length} files`,
      met: r.hostCost.reactChunks.length === 0,
    },
  ];
}

/** A Markdown table; `textColumns` are left-aligned, the rest (numbers) right-aligned. */
function table(header: string[], rows: string[][], textColumns = 1): string {
  const line = (cells: string[]) => `| ${cells.join(' | ')} |`;
  return [line(header), line(header.map((_, i) => (i < textColumns ? '---' : '---:'))), ...rows.map(line)].join('\n');
}

const timing = (name: string, s: Summary) => [name, ms(s.median), ms(s.p95), ms(s.min), ms(s.max), String(s.n)];
const sizeRow = (name: string, raw: number, gzip: number, brotli: number) => [name, kb(raw), kb(gzip), kb(brotli)];

export function markdown(r: BenchResults): string {
  const v = verdicts(r);
  const l = r.remoteLoad;
  const out: string[] = [];
  out.push('### Targets', '', table(['target', 'limit', 'measured', ''], v.map((x) => [x.target, x.limit, x.measured, x.met ? 'met' : '**missed**']), 4));
  out.push('', '### Sizes (each file compressed on its own: gzip -9, brotli q11)', '');
  out.push(
    table(['download', 'raw', 'gzip', 'brotli'], [
      sizeRow('remoteEntry.js', r.sizes.remoteEntry.raw, r.sizes.remoteEntry.gzip, r.sizes.remoteEntry.brotli),
      ...r.sizes.exposes.map((e) => sizeRow(`${e.target} initial, own code (${e.files.length} files)`, e.raw, e.gzip, e.brotli)),
      ...r.lazySteps.map((s) => sizeRow(`lazy: ${s.step} (${s.totals.files} files)`, s.totals.transferred, s.totals.gzip, s.totals.brotli)),
      sizeRow(`lazy: face detector + weights (${r.sizes.faceDetector.totals.files} files)`, r.sizes.faceDetector.totals.transferred, r.sizes.faceDetector.totals.gzip, r.sizes.faceDetector.totals.brotli),
      ...r.sizes.weights.map((w) => sizeRow(`  of which ${w.target}`, w.raw, w.gzip, w.brotli)),
      ...(r.sizes.axiosFallback ? [sizeRow('axios fallback (shared, not singleton)', r.sizes.axiosFallback.raw, r.sizes.axiosFallback.gzip, r.sizes.axiosFallback.brotli)] : []),
    ]),
  );
  out.push('', '<details><summary>Every lazily loaded file</summary>', '');
  out.push(table(['file', 'raw', 'gzip', 'brotli'], r.sizes.lazyFiles.map((f) => sizeRow(f.target, f.raw, f.gzip, f.brotli))), '', '</details>');
  out.push('', '### Remote load: absolute times (information only, never pass/fail)', '');
  out.push(
    table(['measure', 'median', 'p95', 'min', 'max', 'n'], [
      timing("federated, cold: loadRemote → 'Pay' painted (react-host)", l.federated),
      timing('federated after preloadRemote on hover', l.federatedPreloaded),
      timing("split (no federation), cold: import() → 'Pay' painted", l.split),
    ]),
  );
  out.push('', phaseTable(l), '');
  out.push(
    table(['file of the median cold run', 'requested', 'arrived'], l.phases.medianRunFiles.map((f) => [`\`${f.file}\``, ms(f.start), ms(f.end)])),
    '',
  );
  out.push(`Serial chain of the median cold run (each file requested only after the one before arrived): ${l.phases.medianRunChain.map((f) => `\`${f}\``).join(' → ') || 'none'}. The split page's chain after the click: ${l.splitDepth.median} file(s).`);
  out.push('', "### Pay → result: the cashier against the floor (absolute times, information only)", '');
  out.push(
    table(['measure (median / p95)', 'cashier', 'floor'], [
      payRow('total (Pay → keyboard + last key → result)', r.pay.cashier.total, r.pay.floor.total),
      payRow("server's share (Server-Timing)", r.pay.cashier.server, r.pay.floor.server),
      payRow("client's share", r.pay.cashier.client, r.pay.floor.client),
      payRow('  of which Pay → keyboard painted', r.pay.cashier.toKeyboardClient, r.pay.floor.toKeyboardClient),
      payRow('  of which last key → result painted', r.pay.cashier.toResultClient, r.pay.floor.toResultClient),
      payRow('main-thread task time, Pay → keyboard', r.pay.cashier.mainThreadToKeyboard, r.pay.floor.mainThreadToKeyboard),
      payRow('main-thread task time, last key → result', r.pay.cashier.mainThreadToResult, r.pay.floor.mainThreadToResult),
    ]),
  );
  const q = r.pay.medianRunRequests;
  const reqs = (list: { path: string; serverMs: number }[]) => list.map((x) => `${x.path} ${x.serverMs} ms`).join(', ') || 'none';
  out.push('', `Requests in the windows of the cashier's median run: Pay → keyboard: ${reqs(q.toKeyboard)}; last key → result: ${reqs(q.toResult)}.`);
  const p = r.pay.profile;
  out.push('', "### The cashier's share, broken down (one profiling run: React DevTools hook and a Redux enhancer, not timed)", '');
  out.push(
    table(['window', 'React commits', 'components rendered', 'store notifications', 'actions'], [
      profileRow('Pay → keyboard painted', p.toKeyboard),
      profileRow('typing digits 1–5', p.typing),
      profileRow('last key → result painted', p.toResult),
    ]),
  );
  out.push('', `Store subscriptions live when the result is painted: ${p.subscriptionsAtResult}.`);
  out.push('', '### Keypress (information only)', '');
  out.push(table(['measure', 'median', 'p95', 'min', 'max', 'n'], [timing('keypress: pointerdown → filled cell painted', r.keypress.pointerToPaint)]));
  const et = r.keypress.eventTimingOver16ms;
  out.push('', `Event Timing cross-check: ${et.count} of ${et.of} key taps reported at ≥ 16 ms (worst ${et.worst} ms).`);
  const first = r.leaks.samples[0]!;
  const last = r.leaks.samples.at(-1)!;
  const g = r.leaks.snapshotGrowth;
  out.push('', `### Leaks: ${last.cycles} openCashier open/close cycles (vanilla host), after forced GC`, '');
  out.push(
    table(
      ['after cycle', 'JS heap used', 'DOM nodes', 'listeners', 'documents'],
      r.leaks.samples.map((s) => [String(s.cycles), `${(s.jsHeapUsedBytes / MB).toFixed(2)} MB`, String(s.domNodes), String(s.eventListeners), String(s.documents)]),
      0,
    ),
  );
  out.push(
    '',
    `Heap snapshots, cycle ${first.cycles} → ${last.cycles}: compiled code and type feedback ${kb(g.compiledCode)}, DevTools (harness) ${kb(g.devtools)}, ` +
      `performance timeline ${kb(g.timeline)}, page objects ${kb(g.page)}.`,
  );
  const hc = r.hostCost;
  out.push('', '### Host cost: what the React host downloads from the remote (fresh cache)', '');
  out.push(
    table(['file', 'why', 'as served', 'gzip', 'brotli'], [
      ...hc.payment.map((f) => [f.file, f.kind, kb(f.transferred), kb(f.gzip), kb(f.brotli)]),
      ['**to Pay visible**', `${hc.totals.toPay.files} files`, kb(hc.totals.toPay.transferred), kb(hc.totals.toPay.gzip), kb(hc.totals.toPay.brotli)],
      ['**whole password payment**', `${hc.totals.payment.files} files`, kb(hc.totals.payment.transferred), kb(hc.totals.payment.gzip), kb(hc.totals.payment.brotli)],
    ], 2),
  );
  out.push('', `Chunks with react / react-dom / scheduler fetched: ${hc.reactChunks.length ? hc.reactChunks.join(', ') : 'none'}.`);
  return out.join('\n');
}

const payRow = (name: string, a: Summary, b: Summary) => [name, `${ms(a.median)} / ${ms(a.p95)}`, `${ms(b.median)} / ${ms(b.p95)}`];

function profileRow(name: string, w: WindowProfile): string[] {
  const counts = new Map<string, number>();
  for (const type of w.actions) counts.set(type, (counts.get(type) ?? 0) + 1);
  const actions = [...counts].map(([type, n]) => (n > 1 ? `\`${type}\` ×${n}` : `\`${type}\``)).join(', ');
  return [name, String(w.commits), String(w.componentsRendered), String(w.storeNotifications), `${w.actions.length}: ${actions || 'none'}`];
}

/** Federation's cold load on one timeline: each milestone's median, in ms after loadRemote was called. */
function phaseTable(l: LoadResult): string {
  const m = l.phases.medians;
  const rows: [string, number, string][] = [
    ['manifest requested', m.manifestStart, 'runtime work before the first request'],
    ['manifest arrived', m.manifestEnd, 'manifest fetch (round trip 1)'],
    ['remoteEntry.js requested', m.entryStart, 'manifest parsed, snapshot made'],
    ['remoteEntry.js arrived', m.entryEnd, 'entry fetch (round trip 2)'],
    ['first expose chunk requested', m.firstChunkStart, 'in parallel with the entry if earlier than its arrival'],
    ['container initialised (share scope)', m.containerInitialised, 'entry evaluated, init() with the share scope: share negotiation'],
    ['last chunk arrived', m.lastChunkEnd, 'chunk waterfall (JS, CSS, shared fallbacks)'],
    ['CashierPage evaluated (onLoad)', m.moduleEvaluated, 'module factories run'],
    ["'Pay' painted", m.painted, 'React render, commit, effects, the frame'],
  ];
  const fmt = (v: number) => (Number.isFinite(v) ? `${v.toFixed(1)} ms` : '—');
  return [
    `Federation's cold load, milestone medians over ${l.phases.runs} runs (Resource Timing start/responseEnd and the runtime's hooks; ms after \`loadRemote\` was called). ` +
      `Files after the call: ${m.files} (${m.cssFiles} CSS), serial depth ${m.depth}.`,
    '',
    table(['milestone', 'what happens before it', 'at (median)'], rows.map(([name, at, what]) => [name, what, fmt(at)]), 2),
  ].join('\n');
}

export const DOCS_FILE = path.join(__dirname, '..', 'docs', 'performance.md');
const BEGIN = '<!-- bench:generated:start (npm run bench rewrites this section) -->';
const END = '<!-- bench:generated:end -->';

export interface ReportHeader {
  date: string;
  commit: { head: string; modifiedFiles: number };
  machine: { cpu: string; cores: number; memoryGb: number; os: string; node: string; chromium: string; loadAverage: { start: number[]; end: number[] } };
  settings: { pairs: number; durationS: number };
}

/** Replaces the generated section of docs/performance.md with this run's tables; returns the file's path. */
export function writeDocsSection(report: ReportHeader & BenchResults): string {
  const m = report.machine;
  const heading =
    `**${report.date.slice(0, 10)}**, commit ${report.commit.head}${report.commit.modifiedFiles ? ` + ${report.commit.modifiedFiles} modified file(s)` : ''} — ` +
    `${m.cpu}, ${m.cores} cores, ${m.memoryGb} GB, ${m.os}; Node ${m.node}, Chromium ${m.chromium}; load average ${m.loadAverage.start.join(' / ')} at the start, ` +
    `${m.loadAverage.end.join(' / ')} at the end; ${report.settings.pairs} interleaved rounds, ${report.settings.durationS} s in all.`;
  const body = `${BEGIN}\n\n${heading}\n\n${markdown(report)}\n\n${END}`;
  const text = readFileSync(DOCS_FILE, 'utf8');
  const from = text.indexOf(BEGIN);
  const to = text.indexOf(END);
  if (from < 0 || to < from) throw new Error(`${DOCS_FILE} has no generated section (${BEGIN} … ${END})`);
  writeFileSync(DOCS_FILE, text.slice(0, from) + body + text.slice(to + END.length));
  return path.relative(path.join(__dirname, '..'), DOCS_FILE);
}
