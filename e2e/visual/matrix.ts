// What the story passes render (e2e/visual/pass.ts): every story at the phone size in zh-CN and the light theme (shot
// and checked), every story in en-US and the dark theme (checked: the SAYS texts, axe on the dark tokens), and the
// password, verification-failed and result stories shot again in dark, in en-US and at desktop size (in en-US: one
// combination per variation keeps the run short; each variation alone shows its own regressions).
import type { Locator, Page } from 'playwright-core';
import type { StoryLocale } from '../storybook';

export interface Combination {
  /** Folder of its baselines under e2e/visual/baselines/ (and of its artifacts). */
  name: string;
  viewport: { width: number; height: number };
  locale: StoryLocale;
  theme: 'default' | 'dark';
  /** Which stories this combination renders. */
  covers(storyId: string): boolean;
  /** Its renders are compared with baselines under e2e/visual/baselines/<name>/. */
  shoots: boolean;
  /** Its renders go through the stories check (e2e/stories-check.ts). */
  checks: boolean;
  /** The test file that runs it: visual.e2e.ts, or visual-variants.e2e.ts (two files balance the runner's workers). */
  file: 'visual' | 'variants';
}

/** The stories where the payer pays or learns the outcome: the password keyboard, verification failed, results. */
const KEY_STORY = /^((widgets-passwordkeyboard|pages-verifyfaileddialog|pages-resultdialog)(-states)?--|pages-cashierpage--(enter-password|verification-failed|succeeded|failed)$)/;
export const isKeyStory = (id: string) => KEY_STORY.test(id);

const PHONE = { width: 375, height: 812 };
const DESKTOP = { width: 1280, height: 800 };
const every = () => true;

/** In the order each file runs them: a file opens its first combination by URL, the next ones in place. */
export const COMBINATIONS: readonly Combination[] = [
  { name: '375x812-zh-CN-light', viewport: PHONE, locale: 'zh-CN', theme: 'default', covers: every, shoots: true, checks: true, file: 'visual' },
  { name: '375x812-en-US-dark', viewport: PHONE, locale: 'en-US', theme: 'dark', covers: every, shoots: false, checks: true, file: 'variants' },
  { name: '375x812-zh-CN-dark', viewport: PHONE, locale: 'zh-CN', theme: 'dark', covers: isKeyStory, shoots: true, checks: false, file: 'variants' },
  { name: '375x812-en-US-light', viewport: PHONE, locale: 'en-US', theme: 'default', covers: isKeyStory, shoots: true, checks: false, file: 'variants' },
  { name: '1280x800-en-US-light', viewport: DESKTOP, locale: 'en-US', theme: 'default', covers: isKeyStory, shoots: true, checks: false, file: 'variants' },
];

/** The keys of a shuffled keypad, found by their names (one digit, or one letter or digit on the mixed keyboard). */
const randomKeys = (page: Page) => [page.locator('#storybook-root').getByRole('button', { name: /^[0-9A-Za-z]$/ })];

/** Parts of a story that differ on every render by design (a random key order): masked, not compared. */
export const MASKS: Record<string, (page: Page) => Locator[]> = {
  'widgets-passwordkeyboard--shuffled': randomKeys,
  'widgets-mixedpasswordinput--shuffled': randomKeys,
};
/** Masked in every story: live media (the fake camera's frames) never looks the same twice. */
export const ALWAYS_MASKED = 'video, canvas';
