// Targets 1 (lazy chunks by step) and 6 (host cost): what the react-host downloads from the remote's origin, and why.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Page, Request } from 'playwright-core';
import { measureFile, packageOf } from '../scripts/size-budget';
import { setScenario } from '../e2e/browser';
import { resetMock } from '../e2e/browser';
import { cdp, pageUrl, probedContext, tap, whenPainted } from './browser';
import type { BenchStack } from './setup';

export interface FetchedFile {
  file: string;
  /** Bytes on the wire as served here (the static server does not compress), headers excluded. */
  transferred: number;
  gzip: number;
  brotli: number;
  /** Why a host downloads it: the entry, an expose's code, a shared package's fallback copy, an asset. */
  kind: string;
}

interface Assets {
  js: { sync: string[]; async: string[] };
  css: { sync: string[]; async: string[] };
}

interface Manifest {
  metaData: { remoteEntry: { name: string } };
  shared: { name: string; assets: { js: { sync: string[]; async: string[] } } }[];
  exposes: { name: string; assets: Assets }[];
}

/** The files the CashierPage expose loads only on demand (its async chunks and CSS), none of its sync ones. */
function lazyFilesOfPage(dist: string): Set<string> {
  const manifest = JSON.parse(readFileSync(path.join(dist, 'mf-manifest.json'), 'utf8')) as Manifest;
  const page = manifest.exposes.find((e) => e.name === 'CashierPage');
  if (!page) throw new Error('mf-manifest.json lists no CashierPage expose');
  const sync = new Set([...page.assets.js.sync, ...page.assets.css.sync]);
  return new Set([...page.assets.js.async, ...page.assets.css.async].filter((file) => !sync.has(file)));
}

/** Records every finished request to the remote's static files (not its API) with its body size. */
function recordRemoteFiles(page: Page, stack: BenchStack): Map<string, number> {
  const files = new Map<string, number>();
  page.on('requestfinished', (request: Request) => {
    const url = request.url();
    if (!url.startsWith(`${stack.cashierUrl}/`) || url.startsWith(`${stack.apiUrl}/`)) return;
    request.sizes().then(
      (sizes) => files.set(new URL(url).pathname.slice(1), sizes.responseBodySize),
      () => undefined,
    );
  });
  return files;
}

/** The npm packages bundled into one built file, from its source map. */
export function packagesIn(dist: string, file: string): Set<string> {
  const map = path.join(dist, `${file}.map`);
  if (!existsSync(map)) return new Set();
  const sources = (JSON.parse(readFileSync(map, 'utf8')) as { sources?: string[] }).sources ?? [];
  return new Set(sources.map(packageOf).filter((name): name is string => name !== null));
}

function describe(dist: string, files: Map<string, number>): FetchedFile[] {
  const manifest = JSON.parse(readFileSync(path.join(dist, 'mf-manifest.json'), 'utf8')) as Manifest;
  const sharedOf = new Map(manifest.shared.flatMap((s) => [...s.assets.js.sync, ...s.assets.js.async].map((file) => [file, s.name] as const)));
  return [...files].sort(([a], [b]) => a.localeCompare(b)).map(([file, transferred]) => {
    const onDisk = path.join(dist, file);
    const { gzip, brotli } = existsSync(onDisk) ? measureFile(onDisk) : { gzip: Number.NaN, brotli: Number.NaN };
    const shared = sharedOf.get(file);
    const kind =
      file === manifest.metaData.remoteEntry.name
        ? 'remote entry (federation runtime)'
        : file.endsWith('.json') && !file.startsWith('assets/')
          ? 'manifest'
          : shared
            ? `shared fallback: ${shared}`
            : file.startsWith('assets/')
              ? 'asset'
              : `code (${[...packagesIn(dist, file)].join(', ') || 'own'})`;
    return { file, transferred, gzip, brotli, kind };
  });
}

export interface HostCost {
  /** Checkout -> 'Pay' painted, with the react-host's own preload on hover. */
  toPay: FetchedFile[];
  /** A whole password payment: the above plus the keyboard. */
  payment: FetchedFile[];
  totals: { toPay: Totals; payment: Totals };
  /** Files whose source map holds react, react-dom or scheduler: a host sharing React must fetch none. */
  reactChunks: string[];
}

export interface Totals {
  files: number;
  transferred: number;
  gzip: number;
  brotli: number;
}

export const totals = (files: FetchedFile[]): Totals => ({
  files: files.length,
  transferred: files.reduce((s, f) => s + f.transferred, 0),
  gzip: files.reduce((s, f) => s + f.gzip, 0),
  brotli: files.reduce((s, f) => s + f.brotli, 0),
});

const REACT = new Set(['react', 'react-dom', 'scheduler']);

/** Target 6: bytes a React host downloads for the cashier beyond what it already has, in a fresh context. */
export async function measureHostCost(browser: Browser, stack: BenchStack, dist: string): Promise<HostCost> {
  const context = await probedContext(browser);
  try {
    await resetMock(stack.cashierUrl);
    const page = await context.newPage();
    const files = recordRemoteFiles(page, stack);
    await page.goto(pageUrl(stack.reactHostUrl, { remote: stack.manifestUrl, locale: 'en-US', methods: 'password' }));
    const pay = whenPainted(page, 'pay');
    await page.getByRole('button', { name: /^Check out/ }).click();
    await pay;
    await page.waitForLoadState('networkidle');
    const toPay = describe(dist, files);
    const keyboard = whenPainted(page, 'keyboard');
    await tap(page, page.getByRole('button', { name: 'Pay', exact: true }));
    await keyboard;
    for (const digit of '123456') await tap(page, page.getByRole('dialog', { name: 'Enter payment password' }).getByRole('button', { name: digit, exact: true }));
    await page.getByRole('dialog', { name: 'Payment successful' }).waitFor();
    await page.waitForLoadState('networkidle');
    const payment = describe(dist, files);
    const reactChunks = payment.filter((f) => [...packagesIn(dist, f.file)].some((p) => REACT.has(p))).map((f) => f.file);
    return { toPay, payment, totals: { toPay: totals(toPay), payment: totals(payment) }, reactChunks };
  } finally {
    await context.close();
  }
}

export interface LazyStep {
  step: string;
  files: FetchedFile[];
  totals: Totals;
}

/** The credential id the scenario lists and the browser's record names (an id only: no key behind it). */
const BENCH_CREDENTIAL = 'YmVuY2gtY3JlZGVudGlhbA';

type StepName = 'password: six-digit' | 'password: mixed' | 'fingerprint' | 'face (before the detector)';

/** Waits until no request to the remote's files started for `quietMs` (and at least one did). */
async function settle(files: Map<string, number>, quietMs: number, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let size = -1;
  let since = Date.now();
  while (Date.now() < deadline) {
    if (files.size !== size) {
      size = files.size;
      since = Date.now();
    } else if (size > 0 && Date.now() - since >= quietMs) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/**
 * What each authentication step adds to the download, observed in the react-host: the files fetched after 'Pay', and
 * for a password step the page's lazy chunks fetched before it (its chunk is fetched ahead, once the summary is idle).
 */
async function lazyStep(browser: Browser, stack: BenchStack, dist: string, step: StepName): Promise<LazyStep> {
  const context = await probedContext(browser);
  try {
    await resetMock(stack.cashierUrl);
    if (step === 'password: mixed') await setScenario('normal', { pageResources: { passwordComponent: 'mixed' } }, stack.cashierUrl);
    const method = step === 'fingerprint' ? 'fingerprint' : step.startsWith('face') ? 'face' : 'password';
    if (method !== 'password') {
      // The page offers a biometric method only when the account enrolled it (and, for the fingerprint, this browser
      // registered the credential): the scenario says so, and the device's record names the same id. Only the files
      // the step fetches are counted here; its verification is the e2e suite's.
      await setScenario('normal', { pageResources: { enrolled: { credentialIds: [BENCH_CREDENTIAL], face: true } } }, stack.cashierUrl);
      await context.addInitScript((id) => localStorage.setItem('cashier.webauthn.credentials', JSON.stringify([id])), BENCH_CREDENTIAL);
    }
    const page = await context.newPage();
    if (method === 'fingerprint') {
      // A platform authenticator, so the page offers fingerprint at all.
      const session = await cdp(page);
      await session.send('WebAuthn.enable', { enableUI: false });
      await session.send('WebAuthn.addVirtualAuthenticator', {
        options: { protocol: 'ctap2', transport: 'internal', hasResidentKey: true, hasUserVerification: true, isUserVerified: true },
      });
    }
    const files = recordRemoteFiles(page, stack);
    await page.goto(pageUrl(stack.reactHostUrl, { remote: stack.manifestUrl, locale: 'en-US', methods: method }));
    const pay = whenPainted(page, 'pay');
    await page.getByRole('button', { name: /^Check out/ }).click();
    await pay;
    await page.waitForLoadState('networkidle');
    if (method !== 'password') await page.getByRole('radio', { name: method === 'face' ? 'Face' : 'Fingerprint' }).check();
    // The password step's chunk is fetched ahead of Pay (the summary shows password as the default choice), so for a
    // password step the page's lazy files fetched before Pay count too; a biometric step counts only what Pay fetched.
    const lazy = method === 'password' ? lazyFilesOfPage(dist) : new Set<string>();
    const before = new Set([...files.keys()].filter((file) => !lazy.has(file)));
    await tap(page, page.getByRole('button', { name: 'Pay', exact: true }));
    await settle(files, method === 'face' ? 2500 : 1000);
    const added = new Map([...files].filter(([file]) => !before.has(file)));
    const described = describe(dist, added);
    return { step, files: described, totals: totals(described) };
  } finally {
    await resetMock(stack.cashierUrl);
    await context.close();
  }
}

export async function measureLazySteps(browser: Browser, stack: BenchStack, dist: string): Promise<LazyStep[]> {
  const steps: StepName[] = ['password: six-digit', 'password: mixed', 'fingerprint', 'face (before the detector)'];
  const results: LazyStep[] = [];
  for (const step of steps) results.push(await lazyStep(browser, stack, dist, step));
  return results;
}
