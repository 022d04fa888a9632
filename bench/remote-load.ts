// Remote load as ratios of interleaved runs: federated (cold) and preloaded federated against the code-split page.
import type { Browser, Page } from 'playwright-core';
import { type BenchWindow, pageUrl, waitInPage, whenPainted, withContext } from './browser';
import { interleave } from './pairs';
import { type FederationRun, type PhaseBreakdown, type ResourceSpan, resourceSpans, serialChain, summarizePhases } from './phases';
import type { BenchStack } from './setup';
import { pairRatios, type RatioSummary, type Summary, summarize, summarizeRatios } from './stats';

export interface LoadResult {
  /** Per-pair ratio: federated cold ÷ split cold (target ≤ 1.15). */
  federatedOverSplit: RatioSummary;
  /** Per-pair ratio: federated with the react-host's preloadRemote on hover ÷ split cold (target ≤ 1). */
  preloadedOverSplit: RatioSummary;
  /** Absolute times, information only. */
  federated: Summary;
  federatedPreloaded: Summary;
  split: Summary;
  /** Where federation's cold time goes, medians over the cold federated runs. */
  phases: PhaseBreakdown;
  /** The split page's own files after the click, for comparison with federation's waterfall. */
  splitDepth: Summary;
}

const CHECKOUT = 'form[aria-label="Order"] button[type="submit"]';

async function clickInPage(page: Page, selector: string): Promise<void> {
  // HTMLElement.click(): no hover, no focus, so the react-host's preload-on-intent does not start early.
  await page.evaluate((s) => (document.querySelector(s) as HTMLElement).click(), selector);
}

/** What the page's Resource Timing buffer holds for one origin (all of it: the page is fresh). */
async function spansOf(page: Page, origin: string): Promise<ResourceSpan[]> {
  const entries = await page.evaluate(() =>
    (performance.getEntriesByType('resource') as PerformanceResourceTiming[]).map((e) => ({ name: e.name, startTime: e.startTime, responseEnd: e.responseEnd })),
  );
  return resourceSpans(entries, origin);
}

/** loadRemote -> Pay painted in a fresh context; `preload` hovers the checkout button first and waits for the network to settle. */
export async function federatedRun(browser: Browser, stack: BenchStack, preload: boolean): Promise<FederationRun> {
  return withContext(browser, async (context) => {
    const page = await context.newPage();
    await page.goto(pageUrl(stack.reactHostUrl, { remote: stack.manifestUrl, locale: 'en-US', methods: 'password' }));
    await page.locator(CHECKOUT).waitFor();
    if (preload) {
      await page.locator(CHECKOUT).hover();
      await page.waitForLoadState('networkidle');
    }
    const painted = whenPainted(page, 'pay');
    await clickInPage(page, CHECKOUT);
    const { paintedAt } = await painted;
    const { remoteCalls, federation } = await page.evaluate(() => (window as unknown as BenchWindow).__bench);
    const start = remoteCalls.find((call) => call.id === 'cashier/CashierPage');
    if (!start) throw new Error(`loadRemote('cashier/CashierPage') was not seen (calls: ${JSON.stringify(remoteCalls)})`);
    return { start: start.at, paintedAt, hooks: federation, resources: await spansOf(page, new URL(stack.cashierUrl).origin) };
  });
}

/** split.html: import() of the page chunk -> 'Pay' painted, React already in the page; fresh context. */
async function splitRun(browser: Browser, stack: BenchStack): Promise<{ ms: number; depth: number }> {
  return withContext(browser, async (context) => {
    const page = await context.newPage();
    await page.goto(pageUrl(`${stack.standaloneUrl}/split.html`, { api: stack.apiUrl, trigger: 'click' }));
    await page.locator('#open').waitFor();
    const painted = whenPainted(page, 'pay');
    await clickInPage(page, '#open');
    const { paintedAt } = await painted;
    await waitInPage(page, "performance.getEntriesByName('bench:import').length > 0", 'the bench:import mark');
    const start = await page.evaluate(() => performance.getEntriesByName('bench:import')[0]!.startTime);
    const after = (await spansOf(page, new URL(stack.standaloneUrl).origin)).filter((r) => r.start >= start);
    return { ms: paintedAt - start, depth: serialChain(after).length };
  });
}

export async function measureRemoteLoad(browser: Browser, stack: BenchStack, pairs: number): Promise<LoadResult> {
  const runs = await interleave(pairs, {
    federated: () => federatedRun(browser, stack, false),
    preloaded: () => federatedRun(browser, stack, true),
    split: () => splitRun(browser, stack),
  });
  const federated = runs.map((r) => r.federated.paintedAt - r.federated.start);
  const preloaded = runs.map((r) => r.preloaded.paintedAt - r.preloaded.start);
  const split = runs.map((r) => r.split.ms);
  const result: LoadResult = {
    federatedOverSplit: summarizeRatios(pairRatios(federated, split)),
    preloadedOverSplit: summarizeRatios(pairRatios(preloaded, split)),
    federated: summarize(federated),
    federatedPreloaded: summarize(preloaded),
    split: summarize(split),
    phases: summarizePhases(runs.map((r) => r.federated)),
    splitDepth: summarize(runs.map((r) => r.split.depth)),
  };
  console.log(
    `[bench]   federated ÷ split ${result.federatedOverSplit.median}× (p10–p90 ${result.federatedOverSplit.p10}–${result.federatedOverSplit.p90}), ` +
      `preloaded ÷ split ${result.preloadedOverSplit.median}× over ${pairs} rounds`,
  );
  return result;
}
