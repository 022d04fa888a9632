// The stories check, run on the visual test's renders (e2e/visual/pass.ts): every Storybook story renders without
// an error, speaks its locale, reaches the state it names, logs no console error, and axe finds no violation; the
// build's index lists every story the widgets and pages need.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import type { StoryEntry, StoryLocale } from './storybook';

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

/** The index.json test: enough stories, and every required one. */
export function assertIndexListsRequired(stories: readonly StoryEntry[]): void {
  const ids = stories.map((story) => story.id);
  assert.ok(stories.length >= 40, `only ${stories.length} stories in index.json`);
  assert.deepEqual(
    REQUIRED.filter((id) => !ids.includes(id)),
    [],
  );
}

/** What a page threw and logged as an error since the last reset (with the URL a failed load is about). */
export interface ErrorLog {
  reset(): void;
  /** The errors, less the HTTP errors `storyId` asks for on purpose, as lines. */
  unexpected(storyId: string): string[];
}

export function watchErrors(page: Page): ErrorLog {
  const thrown: string[] = [];
  const logged: { text: string; url: string }[] = [];
  page.on('pageerror', (error) => thrown.push(error.message));
  page.on('console', (message) => {
    if (message.type() === 'error') logged.push({ text: message.text(), url: message.location().url });
  });
  return {
    reset() {
      thrown.length = 0;
      logged.length = 0;
    },
    unexpected(storyId) {
      const expectedFailures = EXPECTED_HTTP_ERRORS[storyId] ?? [];
      return [
        ...thrown.map((message) => `uncaught: ${message}`),
        ...logged
          .filter((c) => !(c.text.startsWith('Failed to load resource') && expectedFailures.some((path) => c.url.includes(path))))
          .map((c) => `console.error: ${c.text} (${c.url})`),
      ];
    },
  };
}

/** Waits for the text the story's name promises (en-US only: the texts are the en-US ones), when it promises one. */
export async function waitForPromisedState(page: Page, storyId: string, locale: StoryLocale): Promise<void> {
  const expected = SAYS[storyId];
  if (locale === 'en-US' && expected) await page.locator('#storybook-root').getByText(expected, { exact: false }).first().waitFor();
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

/**
 * The checks on a rendered, settled story (after waitForPromisedState and waitForQuiet): no Storybook error
 * display, something rendered, the locale's script, no axe violation, no unexpected error since `errors.reset()`.
 */
export async function checkRenderedStory(page: Page, storyId: string, locale: StoryLocale, errors: ErrorLog): Promise<void> {
  assert.equal(await page.locator('body.sb-show-errordisplay').count(), 0, `${storyId} shows Storybook's error display`);
  const root = page.locator('#storybook-root');
  assert.ok((await root.locator('.cashier-root > *').count()) > 0, `${storyId} rendered nothing`);
  const text = (await root.textContent()) ?? '';
  // The skeleton has no words in either language.
  if (!storyId.endsWith('--loading')) assert.equal(CJK.test(text), locale === 'zh-CN', `${storyId} does not speak ${locale}`);
  const violations = await axeViolations(page);
  assert.deepEqual(violations, [], `${storyId}: axe violations\n${describeViolations(violations)}`);
  assert.deepEqual(errors.unexpected(storyId), [], `${storyId}: errors`);
}
