// Driving Storybook's preview iframe from a browser test: open a story (the first by URL, the next in place, as the
// sidebar does), wait for its render cycle to end and for its effects to settle. The visual files' passes (shot and
// stories check, e2e/visual/pass.ts) drive the preview with it.
import type { Page } from 'playwright-core';
import { type StoryUrlOptions, storyUrl } from './storybook';

/** The preview's first load, longer than one action's timeout (E2E_TIMEOUT_MS). */
const FIRST_LOAD_TIMEOUT_MS = Number(process.env.E2E_STORYBOOK_START_TIMEOUT_MS ?? 60_000);

interface PreviewWindow {
  __STORYBOOK_PREVIEW__?: { currentRender?: { id?: string; phase?: string } };
  __STORYBOOK_ADDONS_CHANNEL__?: { emit(event: string, payload: unknown): void };
}

/** Storybook's render cycle for this story has run to its end (loaders, render, afterEach), or failed; its phase. */
export async function waitForStory(page: Page, id: string, timeout?: number): Promise<string> {
  const phase = await page.waitForFunction(
    (storyId) => {
      const render = (window as PreviewWindow).__STORYBOOK_PREVIEW__?.currentRender;
      return render?.id === storyId && (render.phase === 'finished' || render.phase === 'errored') && render.phase;
    },
    id,
    { timeout },
  );
  return (await phase.jsonValue()) as string;
}

/**
 * Opens the story: by its URL when `first` (the globals, locale and theme, come from the URL and stay for the page's
 * life), otherwise in place with Storybook's setCurrentStory event (a full load costs seconds of script start-up).
 */
export async function openStory(page: Page, base: string, id: string, options: StoryUrlOptions, first: boolean): Promise<string> {
  if (!first) {
    await page.evaluate((storyId) => (window as PreviewWindow).__STORYBOOK_ADDONS_CHANNEL__?.emit('setCurrentStory', { storyId, viewMode: 'story' }), id);
    return waitForStory(page, id);
  }
  await page.goto(storyUrl(base, id, options), { timeout: FIRST_LOAD_TIMEOUT_MS });
  // The preview's first start (its scripts, the MSW worker) took 27 s once on a loaded 2-core machine.
  return waitForStory(page, id, FIRST_LOAD_TIMEOUT_MS);
}

/** Effects after the render (MSW answers, challenges, key presses) settle: the story's DOM stops changing. */
export async function waitForQuiet(page: Page): Promise<void> {
  await page.waitForFunction(
    () => {
      const w = window as { __quiet?: { html: string; same: number } };
      const html = document.querySelector('#storybook-root')?.innerHTML ?? '';
      const same = w.__quiet?.html === html ? w.__quiet.same + 1 : 0;
      w.__quiet = { html, same };
      return same >= 2;
    },
    undefined,
    { polling: 100 },
  );
}

/**
 * Sets Storybook's toolbar globals (locale, theme) in place, as the toolbar does, then opens `id` (which must differ
 * from the story on show, so its render starts after the new globals): no reload of the preview.
 */
export async function switchGlobals(page: Page, globals: { locale: string; theme: string }, id: string): Promise<string> {
  await page.evaluate((g) => (window as PreviewWindow).__STORYBOOK_ADDONS_CHANNEL__?.emit('updateGlobals', { globals: g }), globals);
  await page.waitForFunction((lang) => document.documentElement.lang === lang, globals.locale);
  await page.evaluate((storyId) => (window as PreviewWindow).__STORYBOOK_ADDONS_CHANNEL__?.emit('setCurrentStory', { storyId, viewMode: 'story' }), id);
  return waitForStory(page, id);
}
