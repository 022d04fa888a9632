// Pay → result as a ratio: the cashier (react-host, federated) against the floor page (bench/floor), interleaved.
import type { Browser, Page, Response } from 'playwright-core';
import { resetMock } from '../e2e/browser';
import { armed, type BenchWindow, cdp, pageUrl, tap, whenPainted, withContext } from './browser';
import { interleave } from './pairs';
import type { BenchStack } from './setup';
import { coveredLength, type Interval, pairRatios, type RatioSummary, round, type Summary, summarize, summarizeRatios } from './stats';

export const PASSWORD = '123456'; // acct-alice's, from the fixtures of docs/api.md, The mock payment server

export type PayTarget = 'cashier' | 'floor';

export interface ServerRequest {
  path: string;
  serverMs: number;
}

/** Main-thread time Chromium counted in a window (Performance.getMetrics deltas), ms. */
export interface MainThread {
  script: number;
  task: number;
  layoutAndStyle: number;
}

export interface PayWindow {
  ms: number;
  serverMs: number;
  clientMs: number;
  requests: ServerRequest[];
  mainThread: MainThread;
}

export interface PayRun {
  totalMs: number;
  serverMs: number;
  clientMs: number;
  /** 'Pay' pointerdown → password keyboard painted. */
  toKeyboard: PayWindow;
  /** Last digit pointerdown → "Payment successful" painted. */
  toResult: PayWindow;
  profile?: PayProfile;
}

/** Profiling runs only (?benchProfile=1, not timed): what React and the store did in each window. */
export interface PayProfile {
  toKeyboard: WindowProfile;
  typing: WindowProfile;
  toResult: WindowProfile;
  subscriptionsAtResult: number;
}

export interface WindowProfile {
  commits: number;
  componentsRendered: number;
  actions: string[];
  storeNotifications: number;
}

export interface PayResult {
  /** Per-pair ratio of the client shares: cashier ÷ floor (target ≤ 1.5). */
  clientOverFloor: RatioSummary;
  cashier: PayStats;
  floor: PayStats;
  /** One profiling run of the cashier (and its requests), after the timed pairs. */
  profile: PayProfile;
  /** The API calls in the windows of the cashier's median run, with the mock's own Server-Timing. */
  medianRunRequests: { toKeyboard: ServerRequest[]; toResult: ServerRequest[] };
}

export interface PayStats {
  total: Summary;
  server: Summary;
  client: Summary;
  toKeyboardClient: Summary;
  toResultClient: Summary;
  mainThreadToKeyboard: Summary;
  mainThreadToResult: Summary;
}

interface TimedResponse {
  path: string;
  serverMs: number;
  /** When the mock was handling it, in epoch ms: [responseStart - serverMs, responseStart]. */
  start: number;
  end: number;
}

function recordApi(page: Page, apiUrl: string): TimedResponse[] {
  const seen: TimedResponse[] = [];
  page.on('response', (response: Response) => {
    const url = response.url();
    if (!url.startsWith(apiUrl)) return;
    const path = new URL(url).pathname.slice(new URL(apiUrl).pathname.length);
    // Buried points and the message-push stream run beside the flow, not in its way.
    if (path === '/track' || path.startsWith('/events') || response.request().method() === 'OPTIONS') return;
    const match = /app;dur=([\d.]+)/.exec(response.headers()['server-timing'] ?? '');
    const timing = response.request().timing();
    if (!match || timing.responseStart < 0) return;
    const serverMs = Number(match[1]);
    const end = timing.startTime + timing.responseStart;
    seen.push({ path, serverMs, start: end - serverMs, end });
  });
  return seen;
}

export const bench = (page: Page) => page.evaluate(() => (window as unknown as BenchWindow).__bench);
const keyboard = (page: Page) => page.getByRole('dialog', { name: 'Enter payment password' });
export const key = (page: Page, digit: string) => keyboard(page).getByRole('button', { name: digit, exact: true });

async function metrics(page: Page): Promise<MainThread> {
  const { metrics: list } = (await (await cdp(page)).send('Performance.getMetrics')) as { metrics: { name: string; value: number }[] };
  const get = (name: string) => (list.find((m) => m.name === name)?.value ?? 0) * 1000;
  return { script: get('ScriptDuration'), task: get('TaskDuration'), layoutAndStyle: get('LayoutDuration') + get('RecalcStyleDuration') };
}

const minus = (a: MainThread, b: MainThread): MainThread => ({
  script: round(a.script - b.script, 2),
  task: round(a.task - b.task, 2),
  layoutAndStyle: round(a.layoutAndStyle - b.layoutAndStyle, 2),
});

/** Opens the target up to an enabled 'Pay' button. */
export async function openToPay(page: Page, stack: BenchStack, target: PayTarget, profile = false): Promise<void> {
  const extra: Record<string, string> = profile ? { benchProfile: '1' } : {};
  if (target === 'floor') {
    await page.goto(pageUrl(`${stack.standaloneUrl}/floor.html`, { api: stack.apiUrl, ...extra }));
  } else {
    await page.goto(pageUrl(stack.reactHostUrl, { remote: stack.manifestUrl, locale: 'en-US', methods: 'password', account: 'acct-alice', ...extra }));
    await page.getByRole('button', { name: /^Check out/ }).click();
  }
  await page.getByRole('button', { name: 'Pay', exact: true }).waitFor();
  // BENCH_READ_MS: a person reading the summary this long before Pay (0 by default: Pay as soon as it is shown).
  const readMs = Number(process.env.BENCH_READ_MS ?? 0);
  if (readMs > 0) await page.waitForTimeout(readMs);
}

function profileOf(probe: BenchWindow['__bench'], windows: Interval[]): PayProfile {
  const within = (w: Interval) => (at: number) => at >= w.start && at <= w.end;
  const one = (w: Interval): WindowProfile => {
    const inside = within(w);
    const commits = (probe.commits ?? []).filter((c) => inside(c.at));
    return {
      commits: commits.length,
      componentsRendered: commits.reduce((sum, c) => sum + c.components, 0),
      actions: (probe.actions ?? []).filter((a) => inside(a.at)).map((a) => a.type),
      storeNotifications: (probe.storeEvents ?? []).filter((e) => e.kind === 'notified' && inside(e.at)).length,
    };
  };
  const [toKeyboard, typing, toResult] = windows as [Interval, Interval, Interval];
  const events = probe.storeEvents ?? [];
  const live = (at: number) => events.filter((e) => e.at <= at && e.kind === 'subscribed').length - events.filter((e) => e.at <= at && e.kind === 'unsubscribed').length;
  return { toKeyboard: one(toKeyboard), typing: one(typing), toResult: one(toResult), subscriptionsAtResult: live(toResult.end) };
}

/** One payment in a fresh context: Pay → keyboard painted, then (after typing) last digit → success painted. */
export async function payOnce(browser: Browser, stack: BenchStack, target: PayTarget, profile = false): Promise<PayRun> {
  await resetMock(stack.cashierUrl);
  return withContext(browser, async (context) => {
    const page = await context.newPage();
    const responses = recordApi(page, stack.apiUrl);
    await openToPay(page, stack, target, profile);
    await (await cdp(page)).send('Performance.enable', { timeDomain: 'threadTicks' });
    const challenge = armed(page.waitForResponse((r) => r.url().includes('/password/challenge')));
    const keyboardPainted = whenPainted(page, 'keyboard');
    const beforePay = await metrics(page);
    await tap(page, page.getByRole('button', { name: 'Pay', exact: true }));
    const keyboardAt = (await keyboardPainted).paintedAt;
    const afterKeyboard = await metrics(page);
    // The button's text is 'Pay' and the amount beside it (aria-hidden, so its name stays 'Pay').
    const payAt = (await bench(page)).pointerDowns.findLast((p) => /^Pay(?![a-z])/.test(p.label.trim()))!.at;
    await challenge; // a person types for longer than the challenge takes
    for (const [i, digit] of [...PASSWORD.slice(0, -1)].entries()) {
      const painted = armed(page.evaluate((n) => (window as unknown as BenchWindow).__bench.cellsPainted(n), i + 1));
      await tap(page, key(page, digit));
      await painted;
    }
    const resultPainted = whenPainted(page, 'success');
    const beforeLastKey = await metrics(page);
    await tap(page, key(page, PASSWORD.at(-1)!));
    const resultAt = (await resultPainted).paintedAt;
    const afterResult = await metrics(page);
    const probe = await bench(page);
    const lastKeyAt = probe.pointerDowns.at(-1)!.at;
    const origin = await page.evaluate(() => performance.timeOrigin);
    const inPage = responses.map((r) => ({ ...r, start: r.start - origin, end: r.end - origin }));
    const windowOf = (w: Interval, main: MainThread): PayWindow => {
      const inside = inPage.filter((r) => r.end > w.start && r.start < w.end);
      const serverMs = coveredLength(inside, [w]);
      return {
        ms: w.end - w.start,
        serverMs,
        clientMs: w.end - w.start - serverMs,
        requests: inside.map((r) => ({ path: r.path, serverMs: round(r.serverMs, 2) })),
        mainThread: main,
      };
    };
    const toKeyboard = windowOf({ start: payAt, end: keyboardAt }, minus(afterKeyboard, beforePay));
    const toResult = windowOf({ start: lastKeyAt, end: resultAt }, minus(afterResult, beforeLastKey));
    const run: PayRun = {
      totalMs: toKeyboard.ms + toResult.ms,
      serverMs: toKeyboard.serverMs + toResult.serverMs,
      clientMs: toKeyboard.clientMs + toResult.clientMs,
      toKeyboard,
      toResult,
    };
    if (profile) {
      run.profile = profileOf(probe, [
        { start: payAt, end: keyboardAt },
        { start: keyboardAt, end: lastKeyAt },
        { start: lastKeyAt, end: resultAt },
      ]);
    }
    return run;
  });
}

function statsOf(runs: PayRun[]): PayStats {
  return {
    total: summarize(runs.map((r) => r.totalMs)),
    server: summarize(runs.map((r) => r.serverMs)),
    client: summarize(runs.map((r) => r.clientMs)),
    toKeyboardClient: summarize(runs.map((r) => r.toKeyboard.clientMs)),
    toResultClient: summarize(runs.map((r) => r.toResult.clientMs)),
    mainThreadToKeyboard: summarize(runs.map((r) => r.toKeyboard.mainThread.task)),
    mainThreadToResult: summarize(runs.map((r) => r.toResult.mainThread.task)),
  };
}

export async function measurePay(browser: Browser, stack: BenchStack, pairs: number): Promise<PayResult> {
  const rounds = await interleave(pairs, {
    cashier: () => payOnce(browser, stack, 'cashier'),
    floor: () => payOnce(browser, stack, 'floor'),
  });
  const cashier = rounds.map((r) => r.cashier);
  const floor = rounds.map((r) => r.floor);
  const byClient = [...cashier].sort((a, b) => a.clientMs - b.clientMs);
  const median = byClient[Math.floor(byClient.length / 2)]!;
  const profiled = await payOnce(browser, stack, 'cashier', true);
  const result: PayResult = {
    clientOverFloor: summarizeRatios(pairRatios(cashier.map((r) => r.clientMs), floor.map((r) => r.clientMs))),
    cashier: statsOf(cashier),
    floor: statsOf(floor),
    profile: profiled.profile!,
    medianRunRequests: { toKeyboard: median.toKeyboard.requests, toResult: median.toResult.requests },
  };
  console.log(
    `[bench]   client share cashier ÷ floor ${result.clientOverFloor.median}× (p10–p90 ${result.clientOverFloor.p10}–${result.clientOverFloor.p90}); ` +
      `medians ${result.cashier.client.median} vs ${result.floor.client.median} ms`,
  );
  return result;
}
