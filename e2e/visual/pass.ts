// One render per story per combination (e2e/visual/matrix.ts), serving both the visual regression test and the
// stories check: each render is shot and compared with its baseline, checked (e2e/stories-check.ts), or both.
// One browser context and one page per file: the combinations change the viewport and Storybook's globals in
// place, and the page moves between stories in place (a fresh preview load costs seconds each on this machine).
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { Page } from 'playwright-core';
import { STORY_AT } from '../../src/stories-support/page-fixtures';
import { ARTIFACTS, type E2EBrowser, launchBrowser } from '../browser';
import { checkRenderedStory, type ErrorLog, waitForPromisedState, watchErrors } from '../stories-check';
import { openStory, switchGlobals, waitForQuiet } from '../story-preview';
import { ensureStorybookBuild, type StoryEntry, type StorybookServer, serveStorybook, storyEntries } from '../storybook';
import { comparePngs, writeArtifacts } from './compare';
import { ALWAYS_MASKED, COMBINATIONS, type Combination, MASKS } from './matrix';
import { STEADY_CSS, trackInflight, waitForFontsAndPaint, waitForNetworkIdle } from './steady-page';

export const BASELINES = path.join(__dirname, 'baselines');
const VISUAL_ARTIFACTS = path.join(ARTIFACTS, 'visual');
export const UPDATE = process.env.VISUAL_UPDATE === '1';
export const UPDATE_HINT = 'run `npm run test:visual:update` to (re)generate the baselines, then review and commit them';

export const baselinePath = (combination: Combination, id: string) => path.join(BASELINES, combination.name, `${id}.png`);

/**
 * Registers the file's combinations (`file` in the matrix), one test per story in each; builds Storybook first when
 * stale (while the file loads, so each story is its own test). Returns the stories of the build's index.
 */
export function registerPasses(file: Combination['file']): StoryEntry[] {
  ensureStorybookBuild();
  const stories = storyEntries();
  const combinations = COMBINATIONS.filter((combination) => combination.file === file);
  let browser: E2EBrowser;
  let storybook: StorybookServer;
  let page: Page;
  let inflight: () => number;
  let errors: ErrorLog;
  /** The story on show, if any: the next story opens in place. */
  let current: string | null = null;
  const rewritten: string[] = [];

  before(async () => {
    // Each file clears only its own combinations' artifacts: the other file may be running beside it.
    for (const combination of combinations) rmSync(path.join(VISUAL_ARTIFACTS, combination.name), { recursive: true, force: true });
    storybook = await serveStorybook();
    browser = await launchBrowser({ context: { reducedMotion: 'reduce', deviceScaleFactor: 1 } });
    // Stories that show a time (results, a lock's end, an order's expiry) show the same one on every run.
    await browser.context.clock.setFixedTime(new Date(STORY_AT));
    page = await browser.context.newPage();
    inflight = trackInflight(page);
    errors = watchErrors(page);
  });

  after(async () => {
    await browser?.close();
    await storybook?.close();
    if (UPDATE) console.log(`[visual] ${rewritten.length} baseline(s) written${rewritten.length ? `:\n  ${rewritten.join('\n  ')}` : ''}`);
  });

  /** The story, settled, as a PNG of the viewport. */
  async function shoot(id: string): Promise<Buffer> {
    await waitForNetworkIdle(page, inflight);
    await waitForQuiet(page);
    await waitForFontsAndPaint(page);
    return page.screenshot({
      animations: 'disabled',
      caret: 'hide',
      style: STEADY_CSS,
      mask: [page.locator(ALWAYS_MASKED), ...(MASKS[id]?.(page) ?? [])],
    });
  }

  /** Compares with the baseline (or, when updating, writes the baseline unless it already matches). */
  function compare(combination: Combination, id: string, actual: Buffer): void {
    const baseline = baselinePath(combination, id);
    const relative = path.relative(process.cwd(), baseline);
    const expected = existsSync(baseline) ? readFileSync(baseline) : null;
    const comparison = expected ? comparePngs(actual, expected) : null;
    if (UPDATE) {
      if (comparison?.same) return;
      mkdirSync(path.dirname(baseline), { recursive: true });
      writeFileSync(baseline, actual);
      rewritten.push(relative);
      return;
    }
    const artifactsDir = path.join(VISUAL_ARTIFACTS, combination.name);
    if (!expected || !comparison) {
      const [actualFile] = writeArtifacts(artifactsDir, id, actual, null);
      assert.fail(`no baseline ${relative} (the screenshot is in ${actualFile}); ${UPDATE_HINT}`);
    }
    if (!comparison.same) {
      const files = writeArtifacts(artifactsDir, id, actual, expected, comparison.diff);
      assert.fail(`${combination.name}/${id} differs from its baseline: ${comparison.reason}.\n  ${files.join('\n  ')}\nIf the change is intended, ${UPDATE_HINT}.`);
    }
  }

  for (const combination of combinations) {
    const covered = stories.filter((story) => combination.covers(story.id));
    const does = [combination.shoots && 'shot', combination.checks && 'checked (locale, state, no error, axe)'].filter(Boolean).join(' and ');
    describe(`${combination.name}: ${covered.length} stories, ${does}`, () => {
      const { locale, theme } = combination;
      const globals = { locale, theme };
      before(() => page.setViewportSize(combination.viewport));

      covered.forEach((story, index) => {
        test(story.id, async () => {
          errors.reset();
          let phase: string;
          if (!current) phase = await openStory(page, storybook.url, story.id, { ...globals, manualA11y: true }, true);
          else if (index === 0) {
            assert.notEqual(current, story.id, 'a combination must start on another story than the last one shown');
            phase = await switchGlobals(page, globals, story.id);
          } else phase = await openStory(page, storybook.url, story.id, globals, false);
          current = story.id;
          assert.equal(phase, 'finished', `${story.id} did not render`);
          assert.equal(await page.evaluate(() => document.documentElement.lang), locale, "the story speaks the combination's locale");
          if (combination.checks) await waitForPromisedState(page, story.id, locale);
          // The shot waits for the story to settle; without one, the checks wait for its DOM to stop changing.
          const shot = combination.shoots ? await shoot(story.id) : null;
          if (!shot) await waitForQuiet(page);
          if (combination.checks) await checkRenderedStory(page, story.id, locale, errors);
          if (shot) compare(combination, story.id, shot);
        });
      });
    });
  }
  return stories;
}
