// The fonts the cashier's sheet shows (size, weight, monospace, figure style), to check that each step's fonts were
// resolved ahead by the summary's TypeAhead (src/pages/cashier-page/type-ahead.ts) or already shown on the summary.
import type { Page } from 'playwright-core';
import { TYPE_AHEAD, typeKey } from '../../src/pages/cashier-page/type-ahead';
import { defineNameHelper } from './page-functions';

/** Every font of text (and of generated content) inside the cashier's sheet now, as typeKey writes it. */
export async function sheetFonts(page: Page): Promise<string[]> {
  await defineNameHelper(page);
  const raw = await page.evaluate(() => {
    const roots: ParentNode[] = [document];
    for (const element of document.querySelectorAll('*')) if (element.shadowRoot) roots.push(element.shadowRoot);
    const fonts: [string, string, boolean, boolean][] = [];
    for (const root of roots) {
      for (const element of root.querySelectorAll('.cashier-sheet *')) {
        if (element.closest('.cashier-type-ahead')) continue;
        for (const pseudo of [null, '::before', '::after']) {
          const style = getComputedStyle(element, pseudo);
          const shows = pseudo
            ? !['none', 'normal', '""'].includes(style.content)
            : [...element.childNodes].some((node) => node.nodeType === Node.TEXT_NODE && node.textContent?.trim());
          if (!shows || style.display === 'none') continue;
          fonts.push([style.fontSize, style.fontWeight, style.fontFamily.startsWith('ui-monospace'), style.fontVariantNumeric.includes('tabular-nums')]);
        }
      }
    }
    return fonts;
  });
  return [...new Set(raw.map(([size, weight, monospace, tabular]) => typeKey(size, weight, monospace, tabular)))];
}

/** The fonts shown now that were neither on the summary (`summary`) nor resolved ahead. */
export async function fontsNotAhead(page: Page, summary: readonly string[]): Promise<string[]> {
  const ahead = new Set([...summary, ...TYPE_AHEAD.map((s) => typeKey(s.size, s.weight, Boolean(s.monospace), Boolean(s.tabular)))]);
  return (await sheetFonts(page)).filter((font) => !ahead.has(font));
}
