// The stories check, one locale per test file (each file gets the runner's per-file time): every Storybook story
// rendered in Chromium from the static build renders without an error, speaks its locale, reaches the state it
// names, logs no console error, and axe finds no violation. The preview iframe is opened once at the first story's
// URL; every story after it is selected in place, as Storybook's own sidebar does (a full load per story costs
// seconds of script start-up each on this machine).
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, describe, test } from 'node:test';
import type { Page } from 'playwright-core';
import { type E2EBrowser, launchBrowser, type TrackedPage } from './browser';
import { openStory, waitForQuiet } from './story-preview';
import {
  ensureStorybookBuild,
  type StorybookServer,
  type StoryEntry,
  type StoryLocale,
  serveStorybook,
  storyEntries,
} from './storybook';

/** Error answers a story asks for on purpose: Chromium logs each one as "Failed to load resource". */
const EXPECTED_HTTP_ERRORS: Record<string, string[]> = {
  'widgets-faceverify--not-enrolled': ['/api/cashier/face/challenge'],
  'widgets-fingerprintverify--not-enrolled': ['/api/cashier/webauthn/authentication/options'],
};

const AXE_SOURCE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
const CJK = /[\u4e00-\u9fff]/;

/** States whose name promises a text, in en-US (the widget gets there through the scripted browser or MSW). */
const SAYS: Record<string, string> = {
  'widgets-passwordkeyboard--partly-filled': '3 of 6 digits entered',
  'widgets-mixedpasswordinput--partly-filled': '4 characters entered',
  'widgets-fingerprintverify--available': 'Press “Verify fingerprint”, then touch the fingerprint sensor.',
  'widgets-fingerprintverify--waiting': 'Touch the fingerprint sensor…',
  'widgets-fingerprintverify--unavailable': 'This device cannot verify a fingerprint.',
  'widgets-fingerprintverify--failed': 'cancelled or the fingerprint was not recognised',
  'widgets-fingerprintverify--not-enrolled': 'Fingerprint payment is not turned on for this account.',
  'widgets-faceverify--detecting': 'Move closer.',
  'widgets-faceverify--captured': 'Face captured. Paying…',
  'widgets-faceverify--no-face': 'No face found.',
  'widgets-faceverify--camera-denied': 'Camera access was refused.',
  'widgets-faceverify--not-enrolled': 'Face payment is not turned on for this account.',
  // The page's resources come from MSW, answering like the mock server for acct-alice.
  'pages-cashierpage--ready': 'Merchant 001',
};

/** Every state the stories must cover (ids as Storybook derives them from the export names). */
const REQUIRED = [
  ...['empty', 'partly-filled', 'wrong', 'locked', 'shuffled'].map((s) => `widgets-passwordkeyboard--${s}`),
  'widgets-mixedpasswordinput--empty',
  'widgets-mixedpasswordinput--partly-filled',
  ...['loading', 'ready', 'verification-failed', 'succeeded', 'failed'].map((s) => `pages-cashierpage--${s}`),
  ...['available', 'unavailable', 'failed'].map((s) => `widgets-fingerprintverify--${s}`),
  ...['detecting', 'camera-denied', 'no-face'].map((s) => `widgets-faceverify--${s}`),
  'pages-verifyfaileddialog--single-limit',
  'pages-resultdialog--succeeded',
  'pages-resultdialog--failed',
];

let stories: StoryEntry[] = [];
let browser: E2EBrowser;
let storybook: StorybookServer;
let tab: TrackedPage;
/** Console errors with the URL they are about (a failed load names the resource there, not in the text). */
const consoleErrors: { text: string; url: string }[] = [];

function startStorybook() {
  // Built (when stale) while the file loads, so each story is its own test.
  ensureStorybookBuild();
  stories = storyEntries();
  before(async () => {
    storybook = await serveStorybook();
    browser = await launchBrowser();
    tab = await browser.newPage();
    tab.page.on('console', (message) => {
      if (message.type() === 'error') consoleErrors.push({ text: message.text(), url: message.location().url });
    });
  });
  after(async () => {
    await browser?.close();
    await storybook?.close();
  });
}

interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: unknown[] }[];
}

async function axeViolations(page: Page): Promise<AxeViolation[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ content: AXE_SOURCE });
  return page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (context: unknown, options: unknown) => Promise<{ violations: AxeViolation[] }> } }).axe;
    const { violations } = await axe.run({ include: ['#storybook-root'] }, { resultTypes: ['violations'] });
    return violations.map(({ id, impact, help, nodes }) => ({ id, impact, help, nodes: nodes.map(({ target }) => ({ target })) }));
  });
}

const describeViolations = (violations: AxeViolation[]) =>
  violations.map((v) => `${v.id} (${v.impact}): ${v.help} at ${v.nodes.map((n) => JSON.stringify(n.target)).join(', ')}`).join('\n');

/** Registers the tests of one locale: the index holds every required story, then one test per story. */
export function checkStories(locale: StoryLocale, theme: 'default' | 'dark' = 'default'): void {
  startStorybook();
  test('the build lists every story the widgets and pages need', () => {
    const ids = stories.map((story) => story.id);
    assert.ok(stories.length >= 40, `only ${stories.length} stories in index.json`);
    assert.deepEqual(
      REQUIRED.filter((id) => !ids.includes(id)),
      [],
    );
  });
  describe(`every story in ${locale}, ${theme === 'default' ? 'light' : theme} theme: renders, speaks the locale, reaches its state, logs no error, passes axe`, () => {
    stories.forEach((story, index) => {
      test(story.id, async () => {
        tab.clear();
        consoleErrors.length = 0;
        const phase = await openStory(tab.page, storybook.url, story.id, { locale, theme, manualA11y: true }, index === 0);
        assert.equal(phase, 'finished', `${story.id} did not render`);
        const root = tab.page.locator('#storybook-root');
        const expected = SAYS[story.id];
        if (locale === 'en-US' && expected) await root.getByText(expected, { exact: false }).first().waitFor();
        await waitForQuiet(tab.page);
        assert.equal(await tab.page.locator('body.sb-show-errordisplay').count(), 0, `${story.id} shows Storybook's error display`);
        assert.ok((await root.locator('.cashier-root > *').count()) > 0, `${story.id} rendered nothing`);
        const text = (await root.textContent()) ?? '';
        // The skeleton has no words in either language.
        if (!story.id.endsWith('--loading')) assert.equal(CJK.test(text), locale === 'zh-CN', `${story.id} does not speak ${locale}`);
        const violations = await axeViolations(tab.page);
        assert.deepEqual(violations, [], `${story.id}: axe violations\n${describeViolations(violations)}`);
        const expectedFailures = EXPECTED_HTTP_ERRORS[story.id] ?? [];
        const errors = [
          ...tab.errors.map((e) => `uncaught: ${e.message}`),
          ...consoleErrors
            .filter((c) => !(c.text.startsWith('Failed to load resource') && expectedFailures.some((path) => c.url.includes(path))))
            .map((c) => `console.error: ${c.text} (${c.url})`),
        ];
        assert.deepEqual(errors, [], `${story.id}: errors`);
      });
    });
  });
}
