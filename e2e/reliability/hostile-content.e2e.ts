// Hostile server content: correction links and check messages with javascript:, data:, markup, very long
// strings and bidirectional overrides (the mock's pageResources.checks overrides) are neutralised in the page.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { type E2EBrowser, type TrackedPage, waitVisible } from '../browser';
import { checkOut, type Host, hostPageUrl, launchReliabilityBrowser, payButton, sentOrderId, shownReminder } from './support/cashier';
import { recordCspViolations } from './support/observe';
import { type ReliabilityRemote, startReliabilityRemote } from './support/remote';
import { emptyCounts, recordSummary } from './support/summary';

const counts = emptyCounts();
let remote: ReliabilityRemote;
let browser: E2EBrowser;

before(async () => {
  remote = await startReliabilityRemote();
  browser = await launchReliabilityBrowser();
  await recordCspViolations(browser.context);
});

after(async () => {
  counts.serverErrors += remote?.unexpected5xx() ?? 0;
  recordSummary('hostile server content', counts);
  await browser?.close();
  await remote?.close();
});

interface Override {
  message: string;
  correctionUrl?: string;
}

const LONG = 'Your single-payment limit was exceeded. '.repeat(50).slice(0, 2000);
const SETS: { name: string; checks: Record<string, Override>; safeLinks: string[] }[] = [
  {
    name: 'script URLs, markup, a bidi override in a long text, one honest link',
    checks: {
      // The single limit's words are the cashier's own (with the figures), so the markup rides on another check.
      'amount.amount': { message: 'Limit exceeded', correctionUrl: 'javascript:window.__pwned=1' },
      'payerAccount#owned': { message: `\u202Eexe.drac\u202C ${LONG}`.slice(0, 2000), correctionUrl: 'data:text/html,<script>parent.__pwned=1</script>' },
      accountId: { message: '<img src=x onerror="window.__pwned=1">The account is frozen', correctionUrl: 'https://bank.example/unfreeze?x=1' },
    },
    safeLinks: ['https://bank.example/unfreeze?x=1'],
  },
  {
    name: 'protocol-relative and padded script links, credentials in a URL, isolates and zero-width characters',
    checks: {
      'amount.amount': { message: 'A'.repeat(2000), correctionUrl: '//evil.example/steal' },
      'payerAccount#owned': { message: '<script>window.__pwned=1</script>Use another card', correctionUrl: ' javascript:window.__pwned=1' },
      accountId: { message: 'ok \u2066hidden\u2069 text\u200B\u202A', correctionUrl: 'https://user:pw@evil.example/' },
    },
    safeLinks: [],
  },
];

const FORMATTING = /[\u200B-\u200F\u202A-\u202E\u2060-\u2069\uFEFF]/;

async function showHostileChecks(tab: TrackedPage, host: Host, set: (typeof SETS)[number]): Promise<void> {
  await remote.reset();
  await tab.page.goto(hostPageUrl(host, remote.manifestUrl));
  tab.clear();
  await remote.scenario('normal', { pageResources: { checks: set.checks } });
  // Carol's account is frozen; Alice's card is not hers; ¥2,000.00 is over that card's limit: three checks fail.
  await checkOut(tab, host, { account: 'acct-carol', card: '6222020000000000018', amount: '2000.00' });
  await payButton(tab.page).click();
  const dialog = tab.page.getByRole('dialog', { name: 'Verification failed' });
  await waitVisible(tab, dialog, 'the "Verification failed" dialog');
  const items = dialog.getByRole('listitem');
  assert.equal(await items.count(), 3, 'each failed check is listed');
  counts.faults += Object.keys(set.checks).length;

  const texts = await items.allTextContents();
  for (const text of texts) {
    assert.doesNotMatch(text, FORMATTING, `no formatting characters shown: ${JSON.stringify(text.slice(0, 80))}`);
    assert.ok(text.length <= 400, `a long message is cut (${text.length} characters shown)`);
  }
  assert.ok(texts.some((t) => t.includes('<img') || t.includes('<script>')), 'markup is shown as text, not parsed');
  assert.equal(await dialog.locator('img, script, iframe, object, embed').count(), 0, 'no element came from the server text');
  const hrefs = await dialog.locator('a').evaluateAll((links) => links.map((a) => a.getAttribute('href') ?? ''));
  for (const href of hrefs) assert.match(href, /^https?:\/\/[^/@]+\//, `only plain http(s) links remain: ${href}`);
  assert.deepEqual(hrefs, set.safeLinks);
  assert.equal(await tab.page.evaluate(() => (window as { __pwned?: unknown }).__pwned), undefined, 'nothing ran');

  // The dialog still does its job: closing it ends the flow as verification_failed.
  await dialog.getByRole('button', { name: 'Close', exact: true }).first().click();
  if (host === 'vanilla') await dialog.waitFor({ state: 'detached' });
  const reminder = await shownReminder(tab, sentOrderId(tab) as string);
  assert.equal(reminder.status, 'verification_failed');
  assert.deepEqual(tab.errors.map((e) => e.message), []);
  counts.runs += 1;
}

for (const set of SETS) {
  test(`${set.name}: neutralised in both host shells`, async () => {
    for (const host of ['react', 'vanilla'] as const) {
      const tab = await browser.newPage();
      try {
        await showHostileChecks(tab, host, set);
      } finally {
        await tab.page.close();
      }
    }
  });
}
