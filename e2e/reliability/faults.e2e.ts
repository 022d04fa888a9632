// Faults in the browser: slow answers, 5xx on pre-verification, payment and status query, a dropped pay
// answer, the event stream cut mid-payment, the browser offline during payment; 50+ seeded runs, zero double charges.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { BrowserContext } from 'playwright-core';
import type { E2EBrowser, TrackedPage } from '../browser';
import { waitUntil, waitVisible } from '../browser';
import {
  checkOut,
  closeResult,
  enterPassword,
  type FinalKind,
  finalKind,
  type Host,
  hostPageUrl,
  isolatedPage,
  launchReliabilityBrowser,
  type Order,
  PASSWORDS,
  passwordDialog,
  payButton,
  payRequests,
  resultDialog,
  sentOrderId,
  shownReminder,
  statusQueries,
  visibleText,
} from './support/cashier';
import { arm, FAULTS, type Fault, firedScenarioFaults, payUrl, statusUrl } from './support/faults';
import { type ReliabilityRemote, startReliabilityRemote } from './support/remote';
import { type Random, reliabilitySeed, seededRandom } from './support/seed';
import { emptyCounts, recordSummary } from './support/summary';

const SEED = reliabilitySeed();
const RUNS = Number(process.env.RELIABILITY_RUNS ?? 50);
/** Runs go two at a time, each lane with its own remote + mock (its own charges and scenario) and its own pages. */
const LANES = Number(process.env.RELIABILITY_LANES ?? 2);
const counts = emptyCounts();
let browser: E2EBrowser;

interface Lane {
  remote: ReliabilityRemote;
  pages: Record<Host, { tab: TrackedPage; context: BrowserContext }>;
}
const lanes: Lane[] = [];

before(async () => {
  console.log(`[reliability] fault runs seed ${SEED} (replay: RELIABILITY_SEED=${SEED})`);
  browser = await launchReliabilityBrowser();
  for (let i = 0; i < LANES; i++) {
    // A short heartbeat: the drop-events scenario cuts a stream after its first heartbeat.
    const remote = await startReliabilityRemote({ heartbeatMs: 150 });
    const pages = { react: await isolatedPage(browser), vanilla: await isolatedPage(browser) };
    for (const host of ['react', 'vanilla'] as const) await pages[host].tab.page.goto(hostPageUrl(host, remote.manifestUrl));
    lanes.push({ remote, pages });
  }
});

after(async () => {
  for (const lane of lanes) counts.serverErrors += lane.remote.unexpected5xx();
  recordSummary('browser faults: seeded runs + dedicated', counts, [`seed ${SEED}, ${RUNS} seeded runs in ${LANES} lanes`]);
  await browser?.close();
  await Promise.all(lanes.map((lane) => lane.remote.close()));
});

interface RunPlan {
  /** Seeds this run's own choices (delays, how many errors), whichever lane runs it and when. */
  seed: number;
  fault: Fault;
  host: Host;
  order: Order;
  expected: Extract<FinalKind, 'succeeded' | 'failed'>;
  via: 'keys' | 'clicks';
}

function planRun(index: number, rng: Random): RunPlan {
  // Every fault once first, then at random.
  const fault = index < FAULTS.length ? (FAULTS[index] as Fault) : rng.pick(FAULTS);
  const seed = rng.int(0, 2 ** 31 - 1);
  const host: Host = rng.chance(0.4) ? 'react' : 'vanilla';
  const via = rng.chance(0.8) ? 'keys' : 'clicks';
  const yuan = (minor: number) => `${Math.floor(minor / 100)}.${String(minor % 100).padStart(2, '0')}`;
  if (rng.chance(0.2)) {
    // Bob's balance is ¥100.00: above it the server declines (nothing is taken).
    const over = rng.chance(0.5);
    const amount = over ? rng.int(10_001, 50_000) : rng.int(1, 10_000);
    return { seed, fault, host, via, order: { account: 'acct-bob', amount: yuan(amount) }, expected: over ? 'failed' : 'succeeded' };
  }
  return { seed, fault, host, via, order: { account: 'acct-alice', amount: yuan(rng.int(1, 99_999)) }, expected: 'succeeded' };
}

/** One payment under one fault, checked end to end. */
async function runOnce(plan: RunPlan, lane: Lane): Promise<void> {
  const { remote } = lane;
  const { tab, context } = lane.pages[plan.host];
  const label = `${plan.fault} on ${plan.host}, ${plan.order.account} ¥${plan.order.amount}`;
  await remote.reset();
  // A fresh react-host page per run: its CashierPage keeps the last result dialog up (see double-actions.e2e.ts).
  if (plan.host === 'react') await tab.page.goto(hostPageUrl('react', remote.manifestUrl));
  tab.clear();
  const rng = seededRandom(plan.seed);
  try {
    const injected = await arm(plan.fault, remote, tab, context, rng);
    await checkOut(tab, plan.host, plan.order);
    await payButton(tab.page).click();
    if (injected.payAgain) {
      const alert = tab.page.getByRole('alert').filter({ hasText: /\S/ });
      await waitVisible(tab, alert.first(), `the pre-verification error message (${label})`);
      assert.ok((await visibleText(alert.first())).length > 5, 'the error says what happened');
      await payButton(tab.page).click();
    }
    await enterPassword(tab, PASSWORDS[plan.order.account] ?? '', plan.via);
    const kind = await finalKind(tab);
    counts.faults += firedScenarioFaults(remote, injected) + injected.routed;
    const orderId = sentOrderId(tab);
    assert.ok(orderId, 'the cashier sent the order');
    const charges = (await remote.charges()).filter((c) => c.orderId === orderId);
    if (charges.length > 1) counts.doubleCharges += 1;
    assert.ok(charges.length <= 1, `${label}: charged ${charges.length} times`);
    if (charges.length === 1) assert.notEqual(kind, 'failed', `${label}: the server took the payment, the page said failed`);
    assert.equal(kind, plan.expected, label);
    if (kind === 'failed') {
      assert.equal(await visibleText(resultDialog(tab.page, 'failed').getByTestId('failure-reason')), 'Insufficient balance');
    }
    // Every resend of this attempt, and every status query, used the attempt's one key.
    const keys = new Set(payRequests(tab).map((p) => p.key));
    assert.equal(keys.size, 1, `${label}: one Idempotency-Key for the attempt, saw ${[...keys].join(', ')}`);
    for (const key of statusQueries(tab)) assert.ok(keys.has(key ?? ''), `${label}: a status query with another key`);

    await closeResult(tab, kind, plan.host === 'vanilla');
    const reminder = await shownReminder(tab, orderId);
    assert.equal(reminder.status, plan.expected);
    assert.ok(reminder.message.length > 3, 'the reminder says what happened');
    assert.equal(charges.length, plan.expected === 'succeeded' ? 1 : 0);
    if (plan.expected === 'succeeded') assert.equal(reminder.paymentId, charges[0]?.paymentId);
    assert.deepEqual(tab.errors.map((e) => e.message), [], `${label}: no uncaught errors`);
    counts.runs += 1;
  } finally {
    await tab.page.unrouteAll({ behavior: 'ignoreErrors' });
    await context.setOffline(false);
  }
}

test(`${RUNS} seeded random runs end in the right state, with one charge at most and one key per attempt`, async () => {
  const rng = seededRandom(SEED);
  const plans = Array.from({ length: RUNS }, (_, i) => planRun(i, rng));
  let stopped = false;
  const runLane = async (lane: Lane, first: number) => {
    for (let i = first; i < plans.length && !stopped; i += lanes.length) {
      const plan = plans[i] as RunPlan;
      const started = Date.now();
      try {
        await runOnce(plan, lane);
      } catch (error) {
        stopped = true;
        throw new Error(`run ${i + 1}/${RUNS} (seed ${SEED}; ${plan.fault} on ${plan.host}): ${(error as Error).message}`);
      }
      if (process.env.RELIABILITY_DEBUG) console.log(`run ${i + 1}: ${plan.fault} ${plan.host} ${plan.via} ${Date.now() - started} ms`);
    }
  };
  const outcomes = await Promise.allSettled(lanes.map((lane, i) => runLane(lane, i)));
  for (const outcome of outcomes) if (outcome.status === 'rejected') throw outcome.reason;
  assert.equal(counts.doubleCharges, 0);
});

test('a 3 s answer: the page shows it is paying, extra key presses do nothing, one payment', async () => {
  const { remote } = lanes[0] as Lane;
  const { tab } = (lanes[0] as Lane).pages.react;
  await remote.reset();
  await tab.page.goto(hostPageUrl('react', remote.manifestUrl));
  tab.clear();
  await checkOut(tab, 'react', { account: 'acct-alice', amount: '88.00' });
  await payButton(tab.page).click();
  await remote.scenario('slow', { delayMs: 3000, endpoints: ['pay'], times: 1 });
  await enterPassword(tab, '123456');
  await tab.page.getByTestId('payment-phase').filter({ hasText: 'Payment state: paying' }).waitFor();
  await tab.page.keyboard.type('123456');
  assert.equal(payRequests(tab).length, 1);
  assert.equal(await finalKind(tab, 10_000), 'succeeded');
  counts.faults += 1;
  counts.runs += 1;
  assert.equal(payRequests(tab).length, 1);
  assert.equal((await remote.charges()).length, 1);
});

test('a payment the server took but whose outcome stays unknown is reported unknown, never failed; "Check again" reuses the key', async () => {
  // The recovery deadline (45 s) is not an option a host can set: the page's clock is moved instead.
  const { remote } = lanes[0] as Lane;
  const { tab, context } = await isolatedPage(browser);
  try {
    await tab.page.clock.install();
    await tab.page.goto(hostPageUrl('react', remote.manifestUrl));
    await remote.reset();
    await checkOut(tab, 'react', { account: 'acct-alice', amount: '66.00' });
    await payButton(tab.page).click();
    await waitVisible(tab, passwordDialog(tab.page), 'the password dialog');
    // The answer is lost after the server took the payment (dropped in the page: Chromium may silently resend a
    // POST whose keep-alive socket the server reset, which the key makes harmless but not deterministic).
    await tab.page.route(payUrl, async (route) => {
      await route.fetch();
      await route.abort('connectionreset');
    });
    let failedQueries = 0;
    await tab.page.route(statusUrl, (route) => {
      failedQueries += 1;
      return route.fulfill({ status: 503, contentType: 'application/json', body: '{"code":"UNAVAILABLE","message":"Injected by the test"}' });
    });
    await tab.page.route('**/api/cashier/events?*', (route) => route.abort('connectionreset'));
    await enterPassword(tab, '123456');
    const unknown = resultDialog(tab.page, 'unknown');
    for (let i = 0; i < 40 && !(await unknown.isVisible()); i++) {
      await tab.page.clock.fastForward(4000);
      await tab.page.waitForTimeout(100);
    }
    await waitVisible(tab, unknown, 'the "Payment result unknown" dialog');
    assert.equal(await resultDialog(tab.page, 'failed').count(), 0);
    assert.match(await visibleText(unknown), /\S{10,}/);
    assert.ok(failedQueries >= 3, `the status was asked for several times (${failedQueries})`);
    assert.equal((await remote.charges()).length, 1, 'the server did take it');
    counts.faults += 1 + failedQueries;

    await tab.page.unrouteAll({ behavior: 'ignoreErrors' });
    await unknown.getByRole('button', { name: 'Check again' }).click();
    await waitVisible(tab, resultDialog(tab.page, 'succeeded'), 'the "Payment successful" dialog after Check again');
    const keys = new Set(payRequests(tab).map((p) => p.key));
    assert.equal(keys.size, 1, 'Check again resent under the same Idempotency-Key');
    assert.equal((await remote.charges()).length, 1, 'and nothing was charged twice');
    counts.runs += 1;
  } finally {
    await context.close();
  }
});

test('a retry after a wrong password, which the server takes, is reported succeeded (not as the earlier failure)', async () => {
  const { remote } = lanes[0] as Lane;
  for (const host of ['vanilla', 'react'] as const) {
    const { tab } = (lanes[0] as Lane).pages[host];
    await remote.reset();
    await tab.page.goto(hostPageUrl(host, remote.manifestUrl));
    tab.clear();
    await checkOut(tab, host, { account: 'acct-alice', amount: '77.00' });
    await payButton(tab.page).click();
    await enterPassword(tab, '000000');
    // A wrong password is answered inline: the keypad stays with the attempts left, and takes the next entry.
    const keypad = tab.page.getByRole('dialog', { name: 'Enter payment password' });
    await keypad.getByRole('alert').filter({ hasText: 'Wrong password, 4 attempts left' }).waitFor();
    await keypad.getByRole('status').filter({ hasText: '0 of 6 digits entered' }).waitFor();
    await enterPassword(tab, '123456');
    await waitUntil(() => remote.mock.state.charges.length === 1, 'the charge of the second attempt');
    const kind = await finalKind(tab);
    counts.runs += 1;
    assert.equal(kind, 'succeeded', `${host}: the server took the second attempt; the page said ${kind}`);
    await closeResult(tab, kind, host === 'vanilla');
    assert.equal((await shownReminder(tab, sentOrderId(tab) as string)).status, 'succeeded');
  }
});
