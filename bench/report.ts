// The bench's verdicts and its Markdown tables (printed, and pasted into docs/performance.md).
import type { PayResult, KeypressResult } from './interaction';
import type { LeakResult } from './leaks';
import type { HostCost, LazyStep } from './network';
import type { LoadResult } from './remote-load';
import type { SizeRow, Sizes } from './sizes';
import type { Summary } from './stats';

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
  return [
    size('remoteEntry.js', r.sizes.remoteEntry.gzip, 18),
    size('./CashierPage initial, own code', gzipOf(r.sizes.exposes, './CashierPage'), 35),
    size('./PasswordKeyboard initial', gzipOf(r.sizes.exposes, './PasswordKeyboard'), 8),
    size('./FingerprintVerify initial', gzipOf(r.sizes.exposes, './FingerprintVerify'), 10),
    size('./FaceVerify before the detector', gzipOf(r.sizes.exposes, './FaceVerify'), 15),
    { target: "Remote load → 'Pay' painted, median (cold)", limit: '≤ 150 ms', measured: ms(load.federated.median), met: load.federated.median <= 150 },
    {
      target: 'Remote load ÷ bundled page (medians)',
      limit: '≤ 1.5 ×',
      measured: `${load.ratio.toFixed(2)} × (${ms(load.federated.median)} ÷ ${ms(load.bundled.median)})`,
      met: load.ratio <= 1.5,
    },
    { target: 'Keypress → paint, p95', limit: '≤ 16 ms', measured: ms(r.keypress.pointerToPaint.p95), met: r.keypress.pointerToPaint.p95 <= 16 },
    { target: "Pay → result, client's share, median", limit: '≤ 50 ms', measured: ms(r.pay.client.median), met: r.pay.client.median <= 50 },
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
  out.push('', '### Timings (headless Chromium, localhost)', '');
  out.push(
    table(['measure', 'median', 'p95', 'min', 'max', 'n'], [
      timing("remote load: loadRemote → 'Pay' painted, cold (react-host)", l.federated),
      timing('  of which loadRemote → module evaluated (onLoad)', l.federatedModuleReady),
      timing('remote load after preloadRemote on hover', l.federatedPreloaded),
      timing("bundled page: navigation → 'Pay' painted, cold", l.bundled),
      timing('code-split page (no federation): import() → Pay, cold', l.split),
      timing('render only (code in memory): render → Pay', l.renderOnly),
      timing('keypress: pointerdown → filled cell painted', r.keypress.pointerToPaint),
      timing('Pay → result: total (Pay → keyboard + last key → success)', r.pay.total),
      timing('  Pay → password keyboard painted', r.pay.payToKeyboard),
      timing('  last key → success dialog painted', r.pay.lastKeyToResult),
      timing("  server's share (Server-Timing)", r.pay.server),
      timing("  client's share", r.pay.client),
    ]),
  );
  const et = r.keypress.eventTimingOver16ms;
  out.push('', `Event Timing cross-check: ${et.count} of ${et.of} key taps reported at ≥ 16 ms (worst ${et.worst} ms).`);
  out.push(`Requests in the Pay windows of the median run: ${r.pay.medianRunRequests.map((q) => `${q.path} ${q.serverMs} ms`).join(', ')}.`);
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
