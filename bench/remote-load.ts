// Target 2: from loadRemote('cashier/CashierPage') to the painted 'Pay' button, cold cache; and the page bundled directly.
import type { Browser, Page } from 'playwright-core';
import { type BenchWindow, pageUrl, waitInPage, whenPainted, withContext } from './browser';
import type { BenchStack } from './setup';
import { type Summary, summarize } from './stats';

export interface LoadResult {
  /** react-host, cold cache, no preload: loadRemote -> 'Pay' painted. */
  federated: Summary;
  /** Of that: loadRemote -> the federation runtime hands the evaluated module over (its onLoad hook). */
  federatedModuleReady: Summary;
  /** The same with the remote preloaded on hover (preloadRemote) before the click. */
  federatedPreloaded: Summary;
  /** bench/standalone bundled.html, cold cache: navigation start -> 'Pay' painted (React and the page in one bundle). */
  bundled: Summary;
  /** bench/standalone split.html: import() of the page chunk (no federation) -> 'Pay' painted; React already loaded. */
  split: Summary;
  /** bundled.html?trigger=click: render -> 'Pay' painted with all code in memory (the floor). */
  renderOnly: Summary;
  ratio: number;
}

const CHECKOUT = 'form[aria-label="Order"] button[type="submit"]';

async function clickInPage(page: Page, selector: string): Promise<void> {
  // HTMLElement.click(): no hover, no focus, so the react-host's preload-on-intent does not start early.
  await page.evaluate((s) => (document.querySelector(s) as HTMLElement).click(), selector);
}

/** loadRemote -> Pay painted in a fresh context; `preload` hovers the checkout button first and waits for the network to settle. */
export async function federatedRun(browser: Browser, stack: BenchStack, preload: boolean): Promise<{ painted: number; moduleReady: number }> {
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
    const { remoteCalls, remoteLoads } = await page.evaluate(() => (window as unknown as BenchWindow).__bench);
    const start = remoteCalls.find((call) => call.id === 'cashier/CashierPage');
    const ready = remoteLoads.find((load) => load.id === 'cashier/CashierPage');
    if (!start || !ready) throw new Error(`loadRemote('cashier/CashierPage') was not seen (calls: ${JSON.stringify(remoteCalls)})`);
    return { painted: paintedAt - start.at, moduleReady: ready.at - start.at };
  });
}

async function standaloneRun(browser: Browser, stack: BenchStack, file: 'bundled' | 'split', trigger: 'load' | 'click'): Promise<number> {
  return withContext(browser, async (context) => {
    const page = await context.newPage();
    const url = pageUrl(`${stack.standaloneUrl}/${file}.html`, { api: stack.apiUrl, trigger });
    if (trigger === 'load') {
      // The watch starts before navigation so the first painted 'Pay' is not missed; time 0 is navigation start.
      await page.goto(`${url}&benchWatch=pay`);
      await waitInPage(page, 'window.__bench.watched', "the bundled page's 'Pay' button");
      return page.evaluate(() => (window as unknown as BenchWindow).__bench.watched!.paintedAt);
    }
    await page.goto(url);
    await page.locator('#open').waitFor();
    const painted = whenPainted(page, 'pay');
    await clickInPage(page, '#open');
    const { paintedAt } = await painted;
    const mark = file === 'split' ? 'bench:import' : 'bench:render';
    await waitInPage(page, `performance.getEntriesByName('${mark}').length > 0`, `the ${mark} mark`);
    const start = await page.evaluate((name) => performance.getEntriesByName(name)[0]!.startTime, mark);
    return paintedAt - start;
  });
}

async function samplesOf<T>(runs: number, once: () => Promise<T>): Promise<T[]> {
  await once(); // warm-up: disk caches of Chromium and of the servers, not measured
  const samples: T[] = [];
  for (let i = 0; i < runs; i++) samples.push(await once());
  return samples;
}

function logged(label: string, summary: Summary): Summary {
  console.log(`[bench]   ${label}: median ${summary.median} ms over ${summary.n} runs`);
  return summary;
}

async function repeat(runs: number, label: string, once: () => Promise<number>): Promise<Summary> {
  return logged(label, summarize(await samplesOf(runs, once)));
}

export async function measureRemoteLoad(browser: Browser, stack: BenchStack, runs: number): Promise<LoadResult> {
  const cold = await samplesOf(runs, () => federatedRun(browser, stack, false));
  const federated = logged('remote load (react-host, cold)', summarize(cold.map((s) => s.painted)));
  const federatedModuleReady = summarize(cold.map((s) => s.moduleReady));
  const federatedPreloaded = logged(
    'remote load after preloadRemote',
    summarize((await samplesOf(runs, () => federatedRun(browser, stack, true))).map((s) => s.painted)),
  );
  const bundled = await repeat(runs, 'bundled page (navigation -> Pay)', () => standaloneRun(browser, stack, 'bundled', 'load'));
  const split = await repeat(runs, 'code-split page (import() -> Pay)', () => standaloneRun(browser, stack, 'split', 'click'));
  const renderOnly = await repeat(runs, 'render only (code in memory)', () => standaloneRun(browser, stack, 'bundled', 'click'));
  return { federated, federatedModuleReady, federatedPreloaded, bundled, split, renderOnly, ratio: Math.round((federated.median / bundled.median) * 100) / 100 };
}
