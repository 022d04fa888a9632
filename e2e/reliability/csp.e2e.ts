// Strict CSP: both host shells served with a policy without 'unsafe-inline' and 'unsafe-eval' (only 'self'
// and the remote's origin, plus data:/blob: images): password, fingerprint and face payments work, zero violations.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { RunningServer } from '../../examples/static-server';
import { type E2EBrowser, type TrackedPage, waitVisible } from '../browser';
import { addVirtualAuthenticator } from '../helpers/biometrics';
import { faceVideo } from '../helpers/biometrics';
import { dists, startHostServer } from '../servers';
import {
  checkOut,
  enterPassword,
  type Host,
  hostPageUrl,
  launchReliabilityBrowser,
  payButton,
  resultDialog,
} from './support/cashier';
import { cspViolations, recordCspViolations } from './support/observe';
import { type ReliabilityRemote, startReliabilityRemote } from './support/remote';
import { emptyCounts, recordSummary } from './support/summary';

/** Face detection runs on the CPU in headless Chromium: a capture takes a few seconds. */
const FACE_TIMEOUT_MS = 40_000;
const counts = emptyCounts();
let remote: ReliabilityRemote;
let browser: E2EBrowser;
let tab: TrackedPage;
const hosts = {} as Record<Host, RunningServer>;

/** Only 'self' and the remote's origin; images may also be data: and blob:. No inline code, no eval. */
function strictPolicy(remoteOrigin: string): Record<string, string[]> {
  return {
    'default-src': ["'self'"],
    'script-src': ["'self'", remoteOrigin],
    'style-src': ["'self'", remoteOrigin],
    'img-src': ["'self'", remoteOrigin, 'data:', 'blob:'],
    'font-src': ["'self'", remoteOrigin],
    'connect-src': ["'self'", remoteOrigin],
    'media-src': ["'self'", 'blob:'],
    'worker-src': ["'self'", 'blob:'],
    'object-src': ["'none'"],
    'base-uri': ["'self'"],
    'form-action': ["'self'"],
  };
}

before(async () => {
  remote = await startReliabilityRemote();
  const csp = strictPolicy(new URL(remote.url).origin);
  hosts.react = await startHostServer(dists.reactHost, 'react-host (strict CSP)', { csp });
  hosts.vanilla = await startHostServer(dists.vanillaHost, 'vanilla-host (strict CSP)', { csp });
  browser = await launchReliabilityBrowser({ args: [`--use-file-for-fake-video-capture=${faceVideo('face-a')}`] });
  await recordCspViolations(browser.context);
  tab = await browser.newPage();
  // One authenticator for the tab, across both hosts (both are on localhost, the relying party).
  await addVirtualAuthenticator(tab.page);
  await remote.reset();
});

after(async () => {
  counts.serverErrors += remote?.unexpected5xx() ?? 0;
  recordSummary('strict CSP: password, fingerprint, face', counts);
  await browser?.close();
  await Promise.all(Object.values(hosts).map((host) => host.close()));
  await remote?.close();
});

/** Violations the page reported, plus those only the console tells (workers, early parse). */
async function violations(): Promise<string[]> {
  const reported = (await cspViolations(tab.page)).map((v) => `${v.directive} blocked ${v.blocked || v.sample} at ${v.source}`);
  const logged = tab.console.filter((c) => /Content Security Policy|Refused to/i.test(c.text)).map((c) => c.text);
  return [...reported, ...logged];
}

async function openHost(host: Host): Promise<void> {
  await tab.page.goto(hostPageUrl(host, remote.manifestUrl, {}, hosts[host].url));
  const header = await tab.page.evaluate(async () => (await fetch(location.href)).headers.get('content-security-policy'));
  assert.ok(header && !header.includes('unsafe-inline') && !header.includes('unsafe-eval'), `a strict policy is in force: ${header}`);
}

async function pay(host: Host, method: 'Password' | 'Fingerprint' | 'Face', amount: string): Promise<void> {
  const chargesBefore = remote.mock.state.charges.length;
  await checkOut(tab, host, { account: 'acct-alice', amount });
  const radio = tab.page.getByRole('radio', { name: method, exact: true });
  await waitVisible(tab, radio, `the "${method}" method`);
  await radio.check();
  await payButton(tab.page).click();
  if (method === 'Password') await enterPassword(tab, '123456');
  if (method === 'Fingerprint') {
    const dialog = tab.page.getByRole('dialog', { name: 'Verify with fingerprint' });
    await waitVisible(tab, dialog.getByRole('button', { name: 'Verify fingerprint' }), 'the "Verify fingerprint" button');
    await dialog.getByRole('button', { name: 'Verify fingerprint' }).click();
  }
  await waitVisible(tab, resultDialog(tab.page, 'succeeded'), `"Payment successful" (${method} on ${host})`, method === 'Face' ? FACE_TIMEOUT_MS : undefined);
  assert.equal(remote.mock.state.charges.length, chargesBefore + 1);
  counts.runs += 1;
}

async function finishHost(host: Host): Promise<void> {
  const seen = await violations();
  counts.cspViolations += seen.length;
  assert.deepEqual(seen, [], `${host}: CSP violations`);
  assert.deepEqual(tab.errors.map((e) => e.message), []);
}

test('react-host under a strict CSP: a password payment, fingerprint and face enrolment, a fingerprint and a face payment', async () => {
  await openHost('react');
  await pay('react', 'Password', '10.00');
  const success = resultDialog(tab.page, 'succeeded');
  await success.getByRole('button', { name: 'Enable fingerprint payment' }).click();
  const fingerprint = tab.page.getByRole('dialog', { name: 'Enable fingerprint payment' });
  await waitVisible(tab, fingerprint.getByRole('button', { name: 'Enable', exact: true }), 'the "Enable" button');
  await fingerprint.getByRole('button', { name: 'Enable', exact: true }).click();
  await waitVisible(tab, fingerprint.getByText('Fingerprint payment is on.'), 'fingerprint enrolled');
  await fingerprint.getByRole('button', { name: 'Done' }).click();
  // An enrollment token is single use: the face is enrolled after a second password payment.
  await openHost('react');
  await pay('react', 'Password', '10.50');
  await resultDialog(tab.page, 'succeeded').getByRole('button', { name: 'Enable face payment' }).click();
  const face = tab.page.getByRole('dialog', { name: 'Enable face payment' });
  await waitVisible(tab, face.getByText('Face payment is on.'), 'face enrolled', FACE_TIMEOUT_MS);
  await face.getByRole('button', { name: 'Done' }).click();

  await openHost('react');
  await pay('react', 'Fingerprint', '11.00');
  await openHost('react');
  await pay('react', 'Face', '12.00');
  await finishHost('react');
});

test('vanilla-host under a strict CSP: password, fingerprint and face payments', async () => {
  // The fingerprint was registered on this device from the react host's origin; the cashier keeps which credentials
  // this device holds per origin, so the same device's record is carried over as a person's browser would hold it.
  await openHost('react');
  const credentials = await tab.page.evaluate(() => localStorage.getItem('cashier.webauthn.credentials'));
  assert.ok(credentials, 'the react host kept the device credential record');
  await openHost('vanilla');
  await tab.page.evaluate((value) => localStorage.setItem('cashier.webauthn.credentials', value), credentials);
  await openHost('vanilla');
  for (const [method, amount] of [['Password', '13.00'], ['Fingerprint', '14.00'], ['Face', '15.00']] as const) {
    await pay('vanilla', method, amount);
    await resultDialog(tab.page, 'succeeded').getByRole('button', { name: 'Done' }).click();
    await tab.page.getByRole('dialog', { name: 'Cashier' }).waitFor({ state: 'detached' });
  }
  await finishHost('vanilla');
});
