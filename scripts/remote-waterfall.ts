// `npx tsx scripts/remote-waterfall.ts [--runs N] [--host react|vanilla]`: how a host loads the remote, from resource
// timing in Chromium. Cold context per run; for each manifest (full and slim entry; the vanilla host: full) prints, per file, when it was
// requested and when its last byte came, relative to the manifest request (medians), and the number of request
// waves: a file starts a new wave when it was requested only after an earlier file of the load had finished.
// Needs `npm run build` and the host shells built (npx tsx e2e/run.ts builds them).
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS, FULL_CHROMIUM } from '../e2e/browser';
import { dists, startHostServer, startRemoteServer } from '../e2e/servers';

interface Timing {
  file: string;
  start: number;
  end: number;
}

const arg = (name: string, fallback: string) => {
  const at = process.argv.indexOf(`--${name}`);
  return at > 0 && process.argv[at + 1] ? process.argv[at + 1]! : fallback;
};

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};

/** Waves: sorted by request time, a file joins the current wave unless some earlier file ended before it started. */
export function waves<T extends Timing>(timings: readonly T[]): T[][] {
  const sorted = [...timings].sort((a, b) => a.start - b.start);
  const result: T[][] = [];
  for (const timing of sorted) {
    const current = result.at(-1);
    const waited = current?.some((earlier) => earlier.end <= timing.start);
    if (!current || waited) result.push([timing]);
    else current.push(timing);
  }
  return result;
}

async function main(): Promise<void> {
  const runs = Number(arg('runs', '7'));
  const hostName = arg('host', 'react');
  const remote = await startRemoteServer({ port: 0 });
  const host = await startHostServer(hostName === 'react' ? dists.reactHost : dists.vanillaHost, `${hostName}-host`, { port: 0 });
  const browser = await chromium.launch({ executablePath: FULL_CHROMIUM, headless: true, args: CHROMIUM_ARGS });
  try {
    // The vanilla host lends no runtime core: only the full entry runs there.
    const manifests = hostName === 'react' ? ['mf-manifest.json', 'mf-manifest.slim.json'] : ['mf-manifest.json'];
    for (const manifest of manifests) {
      const perRun: Timing[][] = [];
      for (let run = 0; run < runs; run += 1) {
        const context = await browser.newContext({ locale: 'en-US' });
        const page = await context.newPage();
        const url = new URL('/', host.url);
        for (const [key, value] of Object.entries({ remote: `${remote.url}/${manifest}`, locale: 'en-US', methods: 'password' })) {
          url.searchParams.set(key, value);
        }
        await page.goto(url.href);
        const open = page.getByRole('button', { name: /^(Check out|Open cashier)/ }).first();
        await open.waitFor();
        // HTMLElement.click(): no hover, so no preload-on-intent before the measured load.
        await open.evaluate((button) => (button as HTMLElement).click());
        await page.getByRole('button', { name: 'Pay', exact: true }).waitFor({ timeout: 30_000 });
        const entries = await page.evaluate((origin) => {
          return performance
            .getEntriesByType('resource')
            .filter((e) => e.name.startsWith(origin) && !e.name.includes('/api/'))
            .map((e) => ({ file: new URL(e.name).pathname.slice(1), start: e.startTime, end: (e as PerformanceResourceTiming).responseEnd }));
        }, remote.url);
        const zero = entries.find((e) => e.file === manifest)?.start ?? 0;
        perRun.push(entries.map((e) => ({ ...e, start: e.start - zero, end: e.end - zero })));
        await context.close();
      }
      const files = [...new Set(perRun.flat().map((t) => t.file))];
      const summary = files.map((file) => {
        const seen = perRun.flatMap((r) => r.filter((t) => t.file === file));
        return { file, start: median(seen.map((t) => t.start)), end: median(seen.map((t) => t.end)), runs: seen.length };
      });
      const wavesPerRun = perRun.map((r) => waves(r).length);
      const lastEnd = median(perRun.map((r) => Math.max(...r.map((t) => t.end))));
      console.log(`\n${hostName}-host, ${manifest}: ${runs} cold runs; waves (median) ${median(wavesPerRun)}; manifest request -> last file ${lastEnd.toFixed(1)} ms`);
      for (const [index, wave] of waves(summary).entries()) {
        for (const t of wave) console.log(`  wave ${index + 1}  ${t.start.toFixed(1).padStart(7)} -> ${t.end.toFixed(1).padStart(7)} ms  ${t.file}${t.runs < runs ? ` (${t.runs}/${runs} runs)` : ''}`);
      }
    }
  } finally {
    await browser.close();
    await host.close();
    await remote.close();
  }
}

if (require.main === module) {
  main().catch((error) => {
    console.error(error);
    process.exit(1);
  });
}
