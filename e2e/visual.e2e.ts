// Visual regression: every Storybook story at 375×812 (zh-CN, light), and the password, verification-failed and
// result stories also at 1280×800, in dark and in en-US (e2e/visual/matrix.ts), compared with the PNGs committed
// under e2e/visual/baselines/. `npm run test:visual:update` (VISUAL_UPDATE=1) rewrites the baselines that changed.
// One browser and one page: the combinations change the viewport and Storybook's globals in place, and the page moves
// between stories in place (a fresh preview load costs seconds each on this machine).
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { Page } from 'playwright-core';
import { STORY_AT } from '../src/stories-support/page-fixtures';
import { ARTIFACTS, type E2EBrowser, launchBrowser } from './browser';
import { openStory, switchGlobals, waitForQuiet } from './story-preview';
import { ensureStorybookBuild, type StorybookServer, serveStorybook, storyEntries } from './storybook';
import { comparePngs, writeArtifacts } from './visual/compare';
import { ALWAYS_MASKED, COMBINATIONS, type Combination, MASKS } from './visual/matrix';
import { STEADY_CSS, trackInflight, waitForFontsAndPaint, waitForNetworkIdle } from './visual/steady-page';

const BASELINES = path.join(__dirname, 'visual', 'baselines');
const VISUAL_ARTIFACTS = path.join(ARTIFACTS, 'visual');
const UPDATE = process.env.VISUAL_UPDATE === '1';
const UPDATE_HINT = 'run `npm run test:visual:update` to (re)generate the baselines, then review and commit them';

ensureStorybookBuild();
const stories = storyEntries();
const baselinePath = (combination: Combination, id: string) => path.join(BASELINES, combination.name, `${id}.png`);

let browser: E2EBrowser;
let storybook: StorybookServer;
let page: Page;
let inflight: () => number;
/** The story on show, if any: the next story opens in place. */
let current: string | null = null;
const rewritten: string[] = [];

before(async () => {
  rmSync(VISUAL_ARTIFACTS, { recursive: true, force: true });
  storybook = await serveStorybook();
  browser = await launchBrowser({ context: { reducedMotion: 'reduce', deviceScaleFactor: 1 } });
  // Stories that show a time (results, a lock's end, an order's expiry) show the same one on every run.
  await browser.context.clock.setFixedTime(new Date(STORY_AT));
  page = await browser.context.newPage();
  inflight = trackInflight(page);
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
function check(combination: Combination, id: string, actual: Buffer): void {
  const file = baselinePath(combination, id);
  const relative = path.relative(process.cwd(), file);
  const expected = existsSync(file) ? readFileSync(file) : null;
  const comparison = expected ? comparePngs(actual, expected) : null;
  if (UPDATE) {
    if (comparison?.same) return;
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, actual);
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

for (const combination of COMBINATIONS) {
  const covered = stories.filter((story) => combination.covers(story.id));
  describe(`${combination.name}: ${covered.length} stories`, () => {
    const globals = { locale: combination.locale, theme: combination.theme };
    before(() => page.setViewportSize(combination.viewport));

    covered.forEach((story, index) => {
      test(story.id, async () => {
        let phase: string;
        if (!current) phase = await openStory(page, storybook.url, story.id, { ...globals, manualA11y: true }, true);
        else if (index === 0) phase = await switchGlobals(page, globals, story.id);
        else phase = await openStory(page, storybook.url, story.id, globals, false);
        current = story.id;
        assert.equal(phase, 'finished', `${story.id} did not render`);
        assert.equal(await page.evaluate(() => document.documentElement.lang), combination.locale, 'the story speaks the combination\'s locale');
        check(combination, story.id, await shoot(story.id));
      });
    });
  });
}

test('every baseline belongs to a story that is still shot', () => {
  const wanted = new Set(COMBINATIONS.flatMap((c) => stories.filter((s) => c.covers(s.id)).map((s) => baselinePath(c, s.id))));
  const present = existsSync(BASELINES)
    ? readdirSync(BASELINES, { recursive: true, withFileTypes: true })
        .filter((entry) => entry.isFile() && entry.name.endsWith('.png'))
        .map((entry) => path.join(entry.parentPath, entry.name))
    : [];
  const orphans = present.filter((file) => !wanted.has(file));
  if (UPDATE) for (const file of orphans) rmSync(file);
  else assert.deepEqual(orphans.map((file) => path.relative(process.cwd(), file)), [], `baselines of no story; ${UPDATE_HINT}`);
});
