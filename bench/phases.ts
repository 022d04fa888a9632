// Where federation's cold load goes: the runtime's hooks (bench/page-probe.js) and Resource Timing on one timeline.
import { median, round } from './stats';

export interface ResourceSpan {
  file: string;
  kind: 'manifest' | 'entry' | 'js' | 'css' | 'other';
  start: number;
  end: number;
}

export interface FederationRun {
  /** loadRemote('cashier/CashierPage') called (beforeRequest), page clock. */
  start: number;
  paintedAt: number;
  hooks: { hook: string; detail: string; at: number }[];
  resources: ResourceSpan[];
}

/** Resource Timing entries of `origin` (the API excepted) as spans; startTime/responseEnd need no Timing-Allow-Origin. */
export function resourceSpans(entries: { name: string; startTime: number; responseEnd: number }[], origin: string): ResourceSpan[] {
  return entries
    .filter((e) => e.name.startsWith(origin) && !new URL(e.name).pathname.startsWith('/api/'))
    .map((e) => {
      const file = new URL(e.name).pathname.slice(1);
      const kind = file.endsWith('mf-manifest.json') ? 'manifest' : file.endsWith('remoteEntry.js') ? 'entry' : file.endsWith('.css') ? 'css' : file.endsWith('.js') ? 'js' : 'other';
      return { file, kind, start: e.startTime, end: e.responseEnd } as ResourceSpan;
    });
}

/** The longest chain of files each requested only after the previous one arrived: the round trips in series. */
export function serialChain(spans: readonly ResourceSpan[]): ResourceSpan[] {
  const sorted = [...spans].sort((a, b) => a.start - b.start);
  const best: { length: number; previous: number }[] = [];
  sorted.forEach((span, i) => {
    best[i] = { length: 1, previous: -1 };
    for (let j = 0; j < i; j++) {
      if (sorted[j]!.end <= span.start && best[j]!.length + 1 > best[i]!.length) best[i] = { length: best[j]!.length + 1, previous: j };
    }
  });
  let at = best.reduce((top, b, i) => (b.length > (best[top]?.length ?? 0) ? i : top), -1);
  const chain: ResourceSpan[] = [];
  while (at >= 0) {
    chain.unshift(sorted[at]!);
    at = best[at]!.previous;
  }
  return chain;
}

/** Milestones of one load, in ms after loadRemote was called (NaN where a milestone did not happen). */
export interface Milestones {
  manifestStart: number;
  manifestEnd: number;
  entryStart: number;
  entryEnd: number;
  containerInitialised: number;
  firstChunkStart: number;
  lastChunkEnd: number;
  moduleEvaluated: number;
  painted: number;
  files: number;
  cssFiles: number;
  depth: number;
  chain: string[];
  files_: { file: string; start: number; end: number }[];
}

export function milestonesOf(run: FederationRun): Milestones {
  const t = (at: number | undefined) => (at === undefined ? Number.NaN : at - run.start);
  const after = run.resources.filter((r) => r.start >= run.start - 0.5);
  const manifest = after.find((r) => r.kind === 'manifest');
  const entry = after.find((r) => r.kind === 'entry');
  const chunks = after.filter((r) => r.kind === 'js' || r.kind === 'css');
  const hook = (name: string, detail?: string) => run.hooks.find((h) => h.hook === name && h.at >= run.start && (!detail || h.detail === detail))?.at;
  const chain = serialChain(after);
  return {
    manifestStart: t(manifest?.start),
    manifestEnd: t(manifest?.end),
    entryStart: t(entry?.start),
    entryEnd: t(entry?.end),
    containerInitialised: t(hook('initContainer')),
    firstChunkStart: t(chunks.length ? Math.min(...chunks.map((c) => c.start)) : undefined),
    lastChunkEnd: t(chunks.length ? Math.max(...chunks.map((c) => c.end)) : undefined),
    moduleEvaluated: t(hook('onLoad', 'cashier/CashierPage')),
    painted: t(run.paintedAt),
    files: after.length,
    cssFiles: after.filter((r) => r.kind === 'css').length,
    depth: chain.length,
    chain: chain.map((c) => c.file),
    files_: after.map((r) => ({ file: r.file, start: round(r.start - run.start), end: round(r.end - run.start) })),
  };
}

export type PhaseBreakdown = {
  /** Median of each milestone over the runs (those where it happened). */
  medians: Record<Exclude<keyof Milestones, 'chain' | 'files_'>, number>;
  /** The serial chain of the run with the median paint time, file by file. */
  medianRunChain: string[];
  /** Every file of that run, in ms after loadRemote was called. */
  medianRunFiles: { file: string; start: number; end: number }[];
  runs: number;
};

export function summarizePhases(runs: readonly FederationRun[]): PhaseBreakdown {
  const all = runs.map(milestonesOf);
  const keys = Object.keys(all[0] ?? {}).filter((k) => k !== 'chain' && k !== 'files_') as (keyof PhaseBreakdown['medians'])[];
  const medians = Object.fromEntries(
    keys.map((k) => {
      const values = all.map((m) => m[k]).filter(Number.isFinite);
      return [k, values.length ? round(median(values)) : Number.NaN];
    }),
  ) as PhaseBreakdown['medians'];
  const byPaint = [...all].sort((a, b) => a.painted - b.painted);
  const middle = byPaint[Math.floor(byPaint.length / 2)];
  return { medians, medianRunChain: middle?.chain ?? [], medianRunFiles: middle?.files_ ?? [], runs: all.length };
}
