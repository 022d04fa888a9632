// The README's own path, as a person runs it: `npm start` (the remote's dev server with the mock payment server) and
// `npm run hosts` (the production host shells), each on free ports, then a password payment in each shell, charged once.
import assert from 'node:assert/strict';
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ModuleFederationPlugin } from '@module-federation/enhanced/webpack';
import webpack from 'webpack';
import { hostConfig } from '../examples/host-webpack';
import type { RunningServer } from '../examples/static-server';
import { after, before, test } from 'node:test';
import { type E2EBrowser, getCharges, launchBrowser, resetMock, type TrackedPage, waitVisible } from './browser';
import { freePort } from './federation-info';
import { dists, startHostServer } from './servers';
import { ALICE, BOB, type HostName, payWithPassword, readReminder } from './helpers/cashier';

const ROOT = path.resolve(__dirname, '..');
// A cold development compile of the remote (face detection included) takes a while on two shared cores.
const START_TIMEOUT_MS = Number(process.env.README_PATH_START_TIMEOUT_MS ?? 240_000);

interface Started {
  child: ChildProcess;
  output: string[];
}

/** Runs an npm script in its own process group (npm → sh → node), so stopping it stops every process it started. */
function npmRun(script: string, env: Record<string, string>): Started {
  const child = spawn('npm', ['run', script], { cwd: ROOT, env: { ...process.env, ...env }, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  const output: string[] = [];
  const keep = (chunk: Buffer) => output.push(...chunk.toString().split('\n'));
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  return { child, output };
}

/** Resolves with the first printed line that matches; rejects when the process exits or the deadline passes. */
function waitForLine(started: Started, pattern: RegExp, what: string, timeoutMs = START_TIMEOUT_MS): Promise<RegExpMatchArray> {
  return new Promise((resolve, reject) => {
    const tail = () => started.output.slice(-25).join('\n');
    const check = () => {
      for (const line of started.output) {
        const match = line.match(pattern);
        if (match) return finish(() => resolve(match));
      }
    };
    const onExit = (code: number | null) => finish(() => reject(new Error(`${what}: the process exited (${code}) first\n${tail()}`)));
    const timer = setTimeout(() => finish(() => reject(new Error(`${what}: not printed within ${timeoutMs} ms\n${tail()}`))), timeoutMs);
    const finish = (settle: () => void) => {
      clearTimeout(timer);
      started.child.stdout?.off('data', check);
      started.child.stderr?.off('data', check);
      started.child.off('exit', onExit);
      settle();
    };
    started.child.stdout?.on('data', check);
    started.child.stderr?.on('data', check);
    started.child.once('exit', onExit);
    check();
  });
}

/** SIGTERM to the whole group, SIGKILL if it is still there after 10 s. */
async function stop(started: Started | undefined): Promise<void> {
  const pid = started?.child.pid;
  if (!started || pid === undefined || started.child.exitCode !== null || started.child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => started.child.once('exit', () => resolve()));
  const signal = (name: NodeJS.Signals) => {
    try {
      process.kill(-pid, name);
    } catch {
      // The group is already gone.
    }
  };
  signal('SIGTERM');
  const timer = setTimeout(() => signal('SIGKILL'), 10_000);
  await exited;
  clearTimeout(timer);
  signal('SIGKILL'); // anything of the group that outlived npm
}

let devServer: Started | undefined;
let hosts: Started | undefined;
let devUrl = '';
const hostUrls: Record<HostName, string> = { react: '', vanilla: '' };
let browser: E2EBrowser | undefined;
let tab: TrackedPage;

before(
  async () => {
    const scripts = (JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts;
    assert.equal(scripts.start, 'webpack serve --mode development', 'the README runs the dev server');
    const [devPort, reactPort, vanillaPort] = [await freePort(), await freePort(), await freePort()];
    devServer = npmRun('start', { PORT: String(devPort) });
    hosts = npmRun('hosts', { REACT_HOST_PORT: String(reactPort), VANILLA_HOST_PORT: String(vanillaPort) });
    const [react, vanilla, manifest] = await Promise.all([
      waitForLine(hosts, /^react-host: (http:\/\/localhost:\d+)\//, 'npm run hosts: react-host URL'),
      waitForLine(hosts, /^vanilla-host: (http:\/\/localhost:\d+)\//, 'npm run hosts: vanilla-host URL'),
      waitForLine(devServer, /manifest\s+(http:\/\/localhost:\d+)\/mf-manifest\.json/, 'npm start: the manifest URL'),
    ]);
    hostUrls.react = react[1]!;
    hostUrls.vanilla = vanilla[1]!;
    devUrl = manifest[1]!;
    assert.equal(devUrl, `http://localhost:${devPort}`, 'the dev server listens on PORT');
    browser = await launchBrowser();
    tab = await browser.newPage();
  },
  { timeout: START_TIMEOUT_MS + 30_000 },
);

after(async () => {
  await browser?.close();
  await Promise.all([stop(devServer), stop(hosts)]);
});

test('npm start prints where the playground, previews, mock API and manifest are, and each answers', async () => {
  const printed = (label: string) => {
    const line = devServer?.output.find((l) => new RegExp(`^\\s*${label}\\s+http://`).test(l));
    assert.ok(line, `npm start printed the ${label} URL`);
    return line.trim().split(/\s+/).pop()!;
  };
  const playground = await fetch(printed('playground'));
  assert.equal(playground.status, 200);
  assert.match(await playground.text(), /<div id="root">/, 'the playground page');
  assert.equal((await fetch(printed('previews'))).status, 200, 'the previews page');
  const charges = await fetch(`${printed('mock API')}/__admin/charges`);
  assert.equal(charges.status, 200, 'the mock payment server');
  const manifest = (await (await fetch(printed('manifest'))).json()) as Manifest;
  assert.equal(manifest.name, 'cashier', 'the remote manifest');
});

interface Manifest {
  name: string;
  shared: { name: string }[];
}

test('the development remote asks hosts for the same shared packages as the production build (react/jsx-runtime, never jsx-dev-runtime)', async () => {
  const development = (await (await fetch(`${devUrl}/mf-manifest.json`)).json()) as Manifest;
  const production = JSON.parse(readFileSync(path.join(dists.remote, 'mf-manifest.json'), 'utf8')) as Manifest;
  const names = (manifest: Manifest) => manifest.shared.map((shared) => shared.name).sort();
  assert.ok(names(development).includes('react/jsx-runtime'), `development shares: ${names(development).join(', ')}`);
  assert.ok(!names(development).includes('react/jsx-dev-runtime'), 'no development JSX runtime');
  assert.deepEqual(names(development), names(production));
});

const PAYERS: Record<HostName, typeof ALICE | typeof BOB> = { react: ALICE, vanilla: BOB };

for (const host of ['react', 'vanilla'] as const) {
  test(`${host}-host (production build) pays by password through the development remote, charged once`, async () => {
    const payer = PAYERS[host];
    await resetMock(devUrl);
    tab.clear();
    const url = new URL('/', hostUrls[host]);
    const query = { remote: `${devUrl}/mf-manifest.json`, locale: 'en-US', account: payer.account, card: payer.card, amount: '50.00' };
    for (const [key, value] of Object.entries(query)) url.searchParams.set(key, value);
    await tab.page.goto(url.href);
    const checkout = host === 'react' ? tab.page.getByRole('button', { name: /^Check out/ }) : tab.page.getByRole('button', { name: 'Open cashier' });
    await checkout.click();
    await waitVisible(tab, tab.page.getByRole('button', { name: 'Pay', exact: true }), 'the cashier "Pay" button');
    await payWithPassword(tab, payer.password);
    const success = tab.page.getByRole('dialog', { name: 'Payment successful', exact: true });
    await waitVisible(tab, success, 'the success dialog');
    // openCashier (vanilla) resolves when its dialog closes; the React page reports success at once.
    if (host === 'vanilla') await success.getByRole('button', { name: 'Done' }).click();
    const reminder = await readReminder(tab.page, 'succeeded');
    assert.equal(reminder.method, 'password');
    assert.deepEqual(reminder.amount, { amount: 5000, currency: 'CNY' });

    const charges = await getCharges(devUrl);
    assert.equal(charges.length, 1, 'exactly one charge');
    assert.equal(charges[0]?.orderId, reminder.orderId);
    assert.equal(charges[0]?.accountId, payer.account);
    assert.ok(
      tab.requests.some((r) => r.url === `${devUrl}/remoteEntry.js`),
      'the remote came from the dev server',
    );
    assert.deepEqual(
      tab.errors.map((e) => e.message),
      [],
      'no uncaught error on the page',
    );
  });
}

/** The react-host's production build with a federation config that shares `react` and `react-dom` but not their subpaths. */
async function buildHostWithoutSubpaths(outputPath: string): Promise<void> {
  const deps = (JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { dependencies: Record<string, string> }).dependencies;
  const singleton = (name: string) => ({ singleton: true, eager: false, requiredVersion: deps[name] });
  const config = hostConfig({
    dir: path.join(ROOT, 'examples/react-host'),
    production: true,
    // Production React is what matters here; terser and source maps would be CPU nobody reads.
    kind: 'fixture',
    plugins: [
      new ModuleFederationPlugin({
        name: 'react_host_no_subpaths',
        remotes: {},
        shared: { react: singleton('react'), 'react-dom': singleton('react-dom'), 'react-redux': singleton('react-redux'), '@reduxjs/toolkit': singleton('@reduxjs/toolkit') },
        shareStrategy: 'loaded-first',
        dts: false,
        manifest: false,
      }),
    ],
  });
  config.output = { ...config.output, path: outputPath };
  const compiler = webpack(config);
  await new Promise<void>((resolve, reject) =>
    compiler.run((error, stats) =>
      compiler.close(() => {
        if (error || stats?.hasErrors()) reject(error ?? new Error(stats?.toString('errors-only')));
        else resolve();
      }),
    ),
  );
}

test("a production host that shares react but not react/ gets the development remote's refusal, naming the fix", { timeout: 300_000 }, async () => {
  const out = mkdtempSync(path.join(os.tmpdir(), 'cashier-host-no-subpaths-'));
  let server: RunningServer | undefined;
  try {
    await buildHostWithoutSubpaths(out);
    server = await startHostServer(out, 'react-host without subpaths');
    tab.clear();
    const url = new URL('/', server.url);
    url.searchParams.set('remote', `${devUrl}/mf-manifest.json`);
    url.searchParams.set('locale', 'en-US');
    await tab.page.goto(url.href);
    await tab.page.getByRole('button', { name: /^Check out/ }).click();
    const alert = tab.page.getByRole('alert').filter({ hasText: 'The cashier is unavailable' });
    await waitVisible(tab, alert, 'the host\'s "unavailable" fallback');
    const text = (await alert.textContent()) ?? '';
    assert.match(text, /development react\/jsx-runtime cannot run with the host's production React/);
    assert.match(text, /share the 'react\/' and 'react-dom\/' subpaths/);
    assert.doesNotMatch(text, /getOwner/, 'not the cryptic React error');
  } finally {
    await server?.close();
    rmSync(out, { recursive: true, force: true });
  }
});
