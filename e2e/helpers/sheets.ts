// "One sheet visible at any time": the dialogs and sheets a person sees at this moment, open shadow roots included.
// A sheet is a visible dialog (role dialog/alertdialog or <dialog>) or the cashier page's own surface (CashierPage's
// root, `.cashier-page`) that is not inside another visible one, or one that floats over it (itself or an element
// between them fixed or absolutely positioned, or in the top layer): a step kept as a dialog for assistive
// technology inside the one sheet is part of that sheet; a dialog on its own backdrop over it is a second sheet.
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { defineNameHelper } from './page-functions';

export interface VisibleSheet {
  /** Its role ("dialog" for a <dialog>, "surface" for the cashier page) and accessible name, as far as aria-label/aria-labelledby give it. */
  role: string;
  name: string;
  rect: { x: number; y: number; width: number; height: number };
}

/** Every sheet visible in the viewport now, outermost first. */
export async function visibleSheets(page: Page): Promise<VisibleSheet[]> {
  await defineNameHelper(page);
  return page.evaluate(() => {
    const SELECTOR = '[role="dialog"], [role="alertdialog"], dialog[open], .cashier-sheet, .cashier-page';
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
    const visible = all.filter(shown);
    const layered = (node: Element): boolean => {
      const { position } = getComputedStyle(node);
      return position === 'fixed' || position === 'absolute' || node.matches(':modal');
    };
    // Inside another visible sheet, and in its flow (no own layer between the two): part of that sheet.
    const partOfAnother = (element: Element): boolean => {
      let ownLayer = layered(element);
      for (let node = parentOf(element); node; node = parentOf(node)) {
        if (visible.includes(node)) return !ownLayer;
        ownLayer ||= layered(node);
      }
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
      .filter((element) => !partOfAnother(element))
      .map((element) => {
        const { x, y, width, height } = element.getBoundingClientRect();
        const role = element.getAttribute('role') ?? (element.localName === 'dialog' ? 'dialog' : 'surface');
        return { role, name: nameOf(element) || (role === 'surface' ? 'cashier page' : ''), rect: { x, y, width, height } };
      });
  });
}

/** What is wrong at `step` (more than one sheet, or none when `expectOne`), naming every visible sheet; null when fine. */
export async function sheetProblem(page: Page, step: string, { expectOne = true } = {}): Promise<string | null> {
  const sheets = await visibleSheets(page);
  if (expectOne ? sheets.length === 1 : sheets.length <= 1) return null;
  const listed = sheets.map((s) => `${s.role} "${s.name}" at ${Math.round(s.rect.x)},${Math.round(s.rect.y)} ${Math.round(s.rect.width)}×${Math.round(s.rect.height)}`);
  return `${step}: ${sheets.length} sheets visible${listed.length ? `\n    ${listed.join('\n    ')}` : ''}`;
}

/** Asserts one sheet is visible (at most one when not `expectOne`) at this `step`. */
export async function assertOneSheet(page: Page, step: string, options: { expectOne?: boolean } = {}): Promise<void> {
  const problem = await sheetProblem(page, step, options);
  assert.equal(problem, null, problem ?? '');
}
