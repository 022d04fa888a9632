// "One sheet visible at any time": the dialogs and sheets a person sees at this moment, open shadow roots included.
// A sheet is a visible dialog (role dialog/alertdialog or <dialog>) that is not inside another visible one, or one
// that floats over it (fixed position or the top layer): a step kept as a dialog for assistive technology inside
// the one sheet is part of that sheet, a dialog stacked over it is a second sheet.
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';

export interface VisibleSheet {
  /** Its role (or "dialog" for a <dialog>) and accessible name, as far as aria-label/aria-labelledby give it. */
  role: string;
  name: string;
  rect: { x: number; y: number; width: number; height: number };
}

/** Every sheet visible in the viewport now, outermost first. */
export function visibleSheets(page: Page): Promise<VisibleSheet[]> {
  return page.evaluate(() => {
    const SELECTOR = '[role="dialog"], [role="alertdialog"], dialog[open]';
    const all: Element[] = [];
    const collect = (root: Document | ShadowRoot) => {
      all.push(...root.querySelectorAll(SELECTOR));
      for (const element of root.querySelectorAll('*')) if (element.shadowRoot) collect(element.shadowRoot);
    };
    collect(document);
    // The composed-tree parent: through a shadow root to its host.
    const parentOf = (element: Element): Element | null => element.parentElement ?? ((element.getRootNode() as ShadowRoot).host || null);
    const shown = (element: Element): boolean => {
      const rect = element.getBoundingClientRect();
      if (rect.width < 1 || rect.height < 1) return false;
      if (rect.bottom <= 0 || rect.right <= 0 || rect.top >= innerHeight || rect.left >= innerWidth) return false;
      for (let node: Element | null = element; node; node = parentOf(node)) {
        const style = getComputedStyle(node);
        if (style.display === 'none' || style.visibility === 'hidden' || Number(style.opacity) === 0) return false;
      }
      return true;
    };
    const floats = (element: Element): boolean => getComputedStyle(element).position === 'fixed' || element.matches(':modal');
    const visible = all.filter(shown);
    const insideAnother = (element: Element): boolean => {
      for (let node = parentOf(element); node; node = parentOf(node)) if (visible.includes(node)) return true;
      return false;
    };
    const nameOf = (element: Element): string => {
      const labelledBy = element.getAttribute('aria-labelledby');
      const root = element.getRootNode() as Document | ShadowRoot;
      const fromIds = labelledBy
        ?.split(/\s+/)
        .map((id) => root.getElementById(id)?.textContent?.trim() ?? '')
        .join(' ')
        .trim();
      return fromIds || element.getAttribute('aria-label') || '';
    };
    return visible
      .filter((element) => !insideAnother(element) || floats(element))
      .map((element) => {
        const { x, y, width, height } = element.getBoundingClientRect();
        return { role: element.getAttribute('role') ?? 'dialog', name: nameOf(element), rect: { x, y, width, height } };
      });
  });
}

/** Asserts at most one sheet is visible (exactly one when `expectOne`), naming them all when not, at this `step`. */
export async function assertOneSheet(page: Page, step: string, { expectOne = true } = {}): Promise<VisibleSheet[]> {
  const sheets = await visibleSheets(page);
  const listed = sheets.map((s) => `${s.role} "${s.name}" at ${Math.round(s.rect.x)},${Math.round(s.rect.y)} ${Math.round(s.rect.width)}×${Math.round(s.rect.height)}`);
  assert.ok(expectOne ? sheets.length === 1 : sheets.length <= 1, `${step}: ${sheets.length} sheets visible\n  ${listed.join('\n  ')}`);
  return sheets;
}
