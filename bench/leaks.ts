// Target 5: JS heap and DOM nodes after 100 openCashier open/close cycles against after one (vanilla host).
import type { Browser, Page } from 'playwright-core';
import { trackInflight, waitForNetworkIdle } from '../e2e/visual/steady-page';
import { type BenchWindow, cdp, pageUrl, probedContext, whenPainted } from './browser';
import type { BenchStack } from './setup';

export interface HeapSample {
  cycles: number;
  jsHeapUsedBytes: number;
  domNodes: number;
  eventListeners: number;
  documents: number;
}

/** Self sizes from a heap snapshot, by who holds the memory. */
export interface HeapBreakdown {
  /** V8's compiled code, type feedback and hidden classes: grows while code warms up, not with open/close cycles. */
  compiledCode: number;
  /** What the DevTools protocol keeps for the harness (Network domain request data): absent without a debugger. */
  devtools: number;
  /** Performance timeline entries (resource timing, paint entries): bounded buffers of the browser. */
  timeline: number;
  /** Everything else: the page's objects (host, remote, React) and the DOM. */
  page: number;
}

export interface LeakResult {
  /** After the 1st cycle, at some points between, and after the last one; each after forced garbage collection. */
  samples: HeapSample[];
  heapGrowthBytes: number;
  domNodeGrowth: number;
  listenerGrowth: number;
  /** Heap snapshots after the first and the last cycle: growth by holder. */
  snapshotGrowth: HeapBreakdown;
}

interface Snapshot {
  snapshot: { meta: { node_fields: string[]; node_types: [string[]] } };
  nodes: number[];
  strings: string[];
}

function holderOf(type: string, name: string): keyof HeapBreakdown {
  if (type === 'code' || type === 'object shape') return 'compiledCode';
  if (/NetworkResourcesData|XHRReplayData|InspectorNetwork|DevTools/.test(name)) return 'devtools';
  if (/^Performance\w*Timing$|ContentfulPaint$|^PerformanceEntry|^LargestContentfulPaint|^LayoutShift/.test(name)) return 'timeline';
  return 'page';
}

/** Takes a heap snapshot through CDP and sums the nodes' self sizes by holder. */
async function heapBreakdown(page: Page): Promise<HeapBreakdown> {
  const session = await cdp(page);
  const chunks: string[] = [];
  const collect = (event: { chunk: string }) => chunks.push(event.chunk);
  session.on('HeapProfiler.addHeapSnapshotChunk', collect);
  try {
    await session.send('HeapProfiler.takeHeapSnapshot', { reportProgress: false });
  } finally {
    session.off('HeapProfiler.addHeapSnapshotChunk', collect);
  }
  const { snapshot, nodes, strings } = JSON.parse(chunks.join('')) as Snapshot;
  const fields = snapshot.meta.node_fields;
  const [typeAt, nameAt, sizeAt] = [fields.indexOf('type'), fields.indexOf('name'), fields.indexOf('self_size')];
  const types = snapshot.meta.node_types[0];
  const sums: HeapBreakdown = { compiledCode: 0, devtools: 0, timeline: 0, page: 0 };
  for (let i = 0; i < nodes.length; i += fields.length) {
    sums[holderOf(types[nodes[i + typeAt]!] ?? '', strings[nodes[i + nameAt]!] ?? '')] += nodes[i + sizeAt]!;
  }
  return sums;
}

/** Collects garbage until the heap stops shrinking, then reads Chromium's own counters (Performance.getMetrics). */
async function settledMetrics(page: Page, cycles: number): Promise<HeapSample> {
  const session = await cdp(page);
  await session.send('Performance.enable');
  let previous = Number.POSITIVE_INFINITY;
  let metrics: Record<string, number> = {};
  for (let round = 0; round < 6; round++) {
    await session.send('HeapProfiler.collectGarbage');
    await page.waitForTimeout(100);
    const { metrics: list } = await session.send('Performance.getMetrics');
    metrics = Object.fromEntries(list.map((m) => [m.name, m.value]));
    const used = metrics.JSHeapUsedSize ?? 0;
    if (round >= 2 && previous - used < 16 * 1024) break;
    previous = used;
  }
  return {
    cycles,
    jsHeapUsedBytes: metrics.JSHeapUsedSize ?? Number.NaN,
    domNodes: metrics.Nodes ?? Number.NaN,
    eventListeners: metrics.JSEventListeners ?? Number.NaN,
    documents: metrics.Documents ?? Number.NaN,
  };
}

/** One openCashier() in the vanilla host, up to a painted 'Pay', closed with Escape; resolved as cancelled. */
async function cycle(page: Page, inflight: () => number): Promise<void> {
  // The probe's own records would otherwise grow with every cycle and count as the page's.
  await page.evaluate(() => {
    const probe = (window as unknown as BenchWindow).__bench;
    for (const list of [probe.pointerDowns, probe.remoteCalls, probe.remoteLoads, probe.cells, probe.slowEvents]) list.length = 0;
  });
  const pay = whenPainted(page, 'pay');
  await page.getByRole('button', { name: 'Open cashier' }).click();
  await pay;
  // As a person reads the summary: what the cashier fetches while it is idle (the password step's chunk and its
  // stylesheet, whose <link> then stays, once per page) is fetched in every cycle's time, the first one's too.
  await waitForNetworkIdle(page, inflight, 300);
  const closed = whenPainted(page, 'closed');
  await page.keyboard.press('Escape');
  await closed;
  await page.getByRole('status').filter({ hasText: 'Cashier: cancelled' }).waitFor();
}

export async function measureLeaks(browser: Browser, stack: BenchStack, cycles: number): Promise<LeakResult> {
  const context = await probedContext(browser);
  try {
    const page = await context.newPage();
    const inflight = trackInflight(page);
    await page.goto(pageUrl(stack.vanillaHostUrl, { remote: stack.manifestUrl, locale: 'en-US', methods: 'password' }));
    await cycle(page, inflight);
    // Buried points queued by the first cycle are sent before the baseline is read.
    await page.waitForTimeout(1500);
    const samples = [await settledMetrics(page, 1)];
    const before = await heapBreakdown(page);
    const checkpoints = new Set([Math.round(cycles / 4), Math.round(cycles / 2), Math.round((3 * cycles) / 4)]);
    for (let done = 2; done <= cycles; done++) {
      await cycle(page, inflight);
      if (checkpoints.has(done)) samples.push(await settledMetrics(page, done));
    }
    await page.waitForTimeout(1500);
    const last = await settledMetrics(page, cycles);
    samples.push(last);
    const after = await heapBreakdown(page);
    const first = samples[0]!;
    return {
      samples,
      heapGrowthBytes: last.jsHeapUsedBytes - first.jsHeapUsedBytes,
      domNodeGrowth: last.domNodes - first.domNodes,
      listenerGrowth: last.eventListeners - first.eventListeners,
      snapshotGrowth: {
        compiledCode: after.compiledCode - before.compiledCode,
        devtools: after.devtools - before.devtools,
        timeline: after.timeline - before.timeline,
        page: after.page - before.page,
      },
    };
  } finally {
    await context.close();
  }
}
