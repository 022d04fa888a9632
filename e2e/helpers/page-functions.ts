// tsx compiles the tests with esbuild's keepNames, which wraps named functions in `__name(...)` calls; a function
// sent to the page (evaluate, addInitScript) then needs that helper there too. This defines it, as the identity.
import type { Page } from 'playwright-core';

const SHIM = 'globalThis.__name ??= (fn) => fn;';

/** Defines `__name` in the page's current document (before a page.evaluate of a function with named inner functions). */
export const defineNameHelper = (page: Page): Promise<unknown> => page.evaluate(SHIM);

/** Defines `__name` in every document the page loads from now on (before an addInitScript of such a function). */
export async function defineNameHelperOnLoad(page: Page): Promise<void> {
  await page.addInitScript({ content: SHIM });
}
