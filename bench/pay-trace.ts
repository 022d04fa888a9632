// `npx tsx bench/pay-trace.ts [runs]` (after a build; not part of `npm run bench`): where the client's share of
// Pay → result goes, per window, for the cashier and the floor. Each payment in a fresh context (cold cache), as in
// bench/pay.ts, with a CDP trace (main-thread tasks: script, style and layout, paint, parse/compile, GC) and a CPU
// profile (script self time per file) around both windows, and the page's Resource Timing (what was fetched when).
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { SourceMapConsumer } from 'source-map-js';
import { ROOT } from '../examples/build-hosts';
import { resetMock } from '../e2e/browser';
import { cdp, launch, tap, whenPainted, withContext } from './browser';
import { bench, key, openToPay, PASSWORD, type PayTarget as Target } from './pay';
import { type BenchStack, snapshotBuilds, startBenchStack } from './setup';

interface TraceEvent {
  name: string;
  cat: string;
  ph: string;
  ts: number;
  dur?: number;
  tid: number;
  pid: number;
  args?: { name?: string; data?: { url?: string; startTime?: number } };
}
interface ProfileNode {
  id: number;
  callFrame: { url: string; functionName: string; lineNumber: number; columnNumber: number };
}
interface CpuProfile {
  nodes: ProfileNode[];
  startTime: number;
  samples: number[];
  timeDeltas: number[];
}

const CATEGORIES = [
  'devtools.timeline',
  'disabled-by-default-devtools.timeline',
  'v8',
  'v8.execute',
  'blink.user_timing',
  'loading',
  'toplevel',
];

async function tracing(page: Page): Promise<() => Promise<TraceEvent[]>> {
  const session = await cdp(page);
  const events: TraceEvent[] = [];
  session.on('Tracing.dataCollected', (e) => {
    events.push(...(e.value as unknown as TraceEvent[]));
  });
  await session.send('Tracing.start', { categories: CATEGORIES.join(','), transferMode: 'ReportEvents' });
  await session.send('Profiler.enable');
  await session.send('Profiler.setSamplingInterval', { interval: 100 });
  await session.send('Profiler.start');
  return async () => {
    const { profile } = (await session.send('Profiler.stop')) as unknown as { profile: CpuProfile };
    const done = new Promise<void>((resolve) => session.once('Tracing.tracingComplete', () => resolve()));
    await session.send('Tracing.end');
    await done;
    (events as unknown as { profile: CpuProfile }).profile = profile;
    return events;
  };
}


interface Window {
  start: number;
  end: number;
}

async function once(browser: Browser, stack: BenchStack, target: Target) {
  await resetMock(stack.cashierUrl);
  return withContext(browser, async (context) => {
    const page = await context.newPage();
    await openToPay(page, stack, target);
    const stop = await tracing(page);
    const resourcesBefore = await page.evaluate(() => performance.getEntriesByType('resource').length);
    const keyboardPainted = whenPainted(page, 'keyboard');
    await tap(page, page.getByRole('button', { name: 'Pay', exact: true }));
    const keyboardAt = (await keyboardPainted).paintedAt;
    const payAt = (await bench(page)).pointerDowns.findLast((p) => /^Pay(?![a-z])/.test(p.label.trim()))!.at;
    await page.waitForTimeout(400); // the challenge arrives, as while a person types
    for (const digit of PASSWORD.slice(0, -1)) {
      await tap(page, key(page, digit));
      await page.waitForTimeout(30);
    }
    const resultPainted = whenPainted(page, 'success');
    await tap(page, key(page, PASSWORD.at(-1)!));
    const resultAt = (await resultPainted).paintedAt;
    const lastKeyAt = (await bench(page)).pointerDowns.at(-1)!.at;
    const syncAt = await page.evaluate(() => performance.mark('bench-sync').startTime);
    const resources = await page.evaluate(
      (from) =>
        performance
          .getEntriesByType('resource')
          .slice(from)
          .map((e) => {
            const r = e as PerformanceResourceTiming;
            return { name: r.name, start: r.startTime, end: r.responseEnd, bytes: r.encodedBodySize };
          }),
      resourcesBefore,
    );
    const events = await stop();
    return { target, events, syncAt, windows: { toKeyboard: { start: payAt, end: keyboardAt }, toResult: { start: lastKeyAt, end: resultAt } }, resources };
  });
}

const mapDirs = ['dist', 'examples/react-host/dist', 'bench/artifacts/standalone'].map((d) => path.join(ROOT, d));
const consumers = new Map<string, SourceMapConsumer | null>();
/** A minified frame named by its source map: original name and file, where the build has a map. */
function named(frame: ProfileNode['callFrame']): string {
  const file = short(frame.url);
  if (!consumers.has(file)) {
    const dir = mapDirs.find((d) => existsSync(path.join(d, `${file}.map`)));
    consumers.set(file, dir ? new SourceMapConsumer(JSON.parse(readFileSync(path.join(dir, `${file}.map`), 'utf8'))) : null);
  }
  const fn = frame.functionName || '(anon)';
  const map = consumers.get(file);
  if (!map || frame.lineNumber < 0) return `${file}:${fn}`;
  const at = map.originalPositionFor({ line: frame.lineNumber + 1, column: frame.columnNumber });
  if (!at.source) return `${file}:${fn}`;
  return `${at.source.replace(/^webpack:\/\/[^/]*\//, '').replace(/.*node_modules\//, '')}:${at.line}:${at.name ?? fn}`;
}

const short = (url: string) => (url ? (url.split('/').pop() ?? url).replace(/\?.*$/, '') : '(native)');

function analyse(run: Awaited<ReturnType<typeof once>>) {
  const { events, syncAt, windows } = run;
  const sync = events.find((e) => e.name === 'bench-sync');
  if (!sync) throw new Error('no sync mark in the trace');
  const toPage = (ts: number) => ts / 1000 - (sync.ts / 1000 - syncAt);
  const main = events.find((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain' && events.some((x) => x.tid === e.tid && x.name === 'bench-sync'))
    ?? events.find((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain');
  const tid = main!.tid;
  const onMain = events.filter((e) => e.tid === tid && e.ph === 'X' && e.dur !== undefined);
  const out: Record<string, unknown> = {};
  for (const [name, w] of Object.entries(windows) as [string, Window][]) {
    const inside = (e: TraceEvent) => toPage(e.ts) < w.end && toPage(e.ts + e.dur!) > w.start;
    const tasks = onMain.filter((e) => e.name === 'RunTask').filter(inside);
    const kinds: Record<string, number> = {};
    const add = (k: string, ms: number) => (kinds[k] = (kinds[k] ?? 0) + ms);
    const within = onMain.filter(inside);
    for (const e of within) {
      const ms = e.dur! / 1000;
      if (e.name === 'Layout') add('layout', ms);
      else if (e.name === 'UpdateLayoutTree') add('style', ms);
      else if (e.name === 'Paint' || e.name === 'PrePaint' || e.name === 'Layerize') add('paint', ms);
      else if (e.name === 'ParseAuthorStyleSheet') add('parse css', ms);
      else if (e.name === 'v8.compile' || e.name === 'v8.compileModule') add('compile', ms);
      else if (e.name === 'MinorGC' || e.name === 'MajorGC') add('gc', ms);
      else if (e.name === 'FunctionCall' || e.name === 'EvaluateScript' || e.name === 'v8.evaluateModule' || e.name === 'TimerFire' || e.name === 'EventDispatch' || e.name === 'FireAnimationFrame' || e.name === 'RunMicrotasks') {
        // counted through the CPU profile below
      }
    }
    const busy = tasks.reduce((s, e) => s + e.dur! / 1000, 0);
    // Script self time per file from the CPU profile.
    const profile = (events as unknown as { profile: CpuProfile }).profile;
    const byId = new Map(profile.nodes.map((n) => [n.id, n]));
    const byFile: Record<string, number> = {};
    const byFn: Record<string, number> = {};
    let t = profile.startTime;
    for (const [i, id] of profile.samples.entries()) {
      t += profile.timeDeltas[i]!;
      const at = toPage(t);
      if (at < w.start || at > w.end) continue;
      const node = byId.get(id)!;
      const fn = node.callFrame.functionName || '(anon)';
      if (fn === '(idle)' || fn === '(program)') continue;
      const ms = (profile.timeDeltas[i + 1] ?? 100) / 1000;
      const file = short(node.callFrame.url) || fn;
      byFile[file] = (byFile[file] ?? 0) + ms;
      const k = fn === '(anon)' || node.callFrame.url ? named(node.callFrame) : `${file}:${fn}`;
      byFn[k] = (byFn[k] ?? 0) + ms;
    }
    const top = (o: Record<string, number>, n: number) =>
      Object.entries(o)
        .sort((a, b) => b[1] - a[1])
        .slice(0, n)
        .map(([k, v]) => `${k} ${v.toFixed(1)}`);
    // Each long task with what filled it: layout/style from the trace, the top functions from the profile.
    const timeline = tasks
      .filter((e) => e.dur! > 2000)
      .map((e) => {
        const from = toPage(e.ts);
        const to = toPage(e.ts + e.dur!);
        const parts: Record<string, number> = {};
        for (const c of within) {
          if (c.ts < e.ts || c.ts > e.ts + e.dur!) continue;
          if (c.name === 'Layout' || c.name === 'UpdateLayoutTree') parts[c.name] = (parts[c.name] ?? 0) + c.dur! / 1000;
        }
        const fns: Record<string, number> = {};
        let u = profile.startTime;
        for (const [i, id] of profile.samples.entries()) {
          u += profile.timeDeltas[i]!;
          const at = toPage(u);
          if (at < from || at > to) continue;
          const node = byId.get(id)!;
          const fn = node.callFrame.functionName || '(anon)';
          if (fn === '(idle)' || fn === '(program)') continue;
          const k = named(node.callFrame);
          fns[k] = (fns[k] ?? 0) + (profile.timeDeltas[i + 1] ?? 100) / 1000;
        }
        const layout = Object.entries(parts).map(([k, v]) => `${k} ${v.toFixed(1)}`);
        return `${(from - w.start).toFixed(1)}+${(e.dur! / 1000).toFixed(1)} [${[...layout, ...top(fns, 4)].join(', ')}]`;
      });
    const fetched = run.resources
      .filter((r) => r.end > w.start - 1 && r.start < w.end)
      .map((r) => `${short(r.name)} ${(r.start - w.start).toFixed(1)}→${(r.end - w.start).toFixed(1)}`);
    out[name] = {
      ms: +(w.end - w.start).toFixed(1),
      mainThreadBusy: +busy.toFixed(1),
      kinds: Object.fromEntries(Object.entries(kinds).map(([k, v]) => [k, +v.toFixed(1)])),
      scriptByFile: top(byFile, 8),
      scriptByFunction: top(byFn, 12),
      tasks: timeline,
      fetched,
    };
  }
  return out;
}

async function main() {
  const runs = Number(process.argv[2] ?? 2);
  const builds = snapshotBuilds();
  const stack = await startBenchStack(builds);
  const browser = await launch();
  try {
    await once(browser, stack, 'cashier'); // warm-up (disk caches)
    await once(browser, stack, 'floor');
    for (let i = 0; i < runs; i++) {
      for (const target of ['cashier', 'floor'] as const) {
        const run = await once(browser, stack, target);
        console.log(JSON.stringify({ target, ...analyse(run) }, null, 1));
      }
    }
  } finally {
    await browser.close();
    await stack.stop();
    builds.remove();
  }
}

main().then(
  () => process.exit(0),
  (error) => {
    console.error(error);
    process.exit(1);
  },
);
