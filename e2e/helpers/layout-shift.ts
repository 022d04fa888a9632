// Cumulative layout shift as the browser reports it: a PerformanceObserver on `layout-shift` (buffered), installed
// before the page's own scripts, keeping every entry, those after input too (the cashier must not move at all).
import type { Page } from 'playwright-core';
import { defineNameHelperOnLoad } from './page-functions';

export interface ShiftSource {
  /** The shifted node, described (tag, id, classes, start of its text; "<gone>" when no longer in the document). */
  node: string;
  from: string;
  to: string;
}

export interface LayoutShift {
  /** ms since the page's time origin. */
  startTime: number;
  value: number;
  hadRecentInput: boolean;
  sources: ShiftSource[];
}

interface ShiftWindow {
  __layoutShifts?: LayoutShift[];
}

/** Starts recording on every document the page loads from now on (call before goto). */
export async function recordLayoutShifts(page: Page): Promise<void> {
  await defineNameHelperOnLoad(page);
  await page.addInitScript(() => {
    const shifts: LayoutShift[] = [];
    (window as ShiftWindow).__layoutShifts = shifts;
    const describe = (node: Node | null | undefined): string => {
      if (!node) return '<gone>';
      if (!(node instanceof Element)) return `#text "${(node.textContent ?? '').trim().slice(0, 40)}"`;
      const id = node.id ? `#${node.id}` : '';
      const classes = [...node.classList].map((c) => `.${c}`).join('');
      const text = (node.textContent ?? '').trim().replace(/\s+/g, ' ').slice(0, 40);
      return `<${node.localName}${id}${classes}>${text ? ` "${text}"` : ''}`;
    };
    // Chromium gives no node for a shift inside a shadow root: name the innermost element at the rect's centre.
    const atRect = (r: DOMRectReadOnly): string => {
      if (!r.width || !r.height) return '<gone>';
      let root: Document | ShadowRoot = document;
      let found: Element | null = null;
      for (;;) {
        const hit: Element | null = root.elementFromPoint(r.x + r.width / 2, r.y + r.height / 2);
        if (!hit || hit === found) break;
        found = hit;
        if (!hit.shadowRoot) break;
        root = hit.shadowRoot;
      }
      return found ? `in a shadow root, at its centre now: ${describe(found)}` : '<gone>';
    };
    const rect = (r: DOMRectReadOnly) => `${Math.round(r.x)},${Math.round(r.y)} ${Math.round(r.width)}×${Math.round(r.height)}`;
    type Entry = PerformanceEntry & {
      value: number;
      hadRecentInput: boolean;
      sources: { node?: Node | null; previousRect: DOMRectReadOnly; currentRect: DOMRectReadOnly }[];
    };
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries() as Entry[]) {
        shifts.push({
          startTime: entry.startTime,
          value: entry.value,
          hadRecentInput: entry.hadRecentInput,
          sources: entry.sources.map((s) => ({ node: s.node ? describe(s.node) : atRect(s.currentRect), from: rect(s.previousRect), to: rect(s.currentRect) })),
        });
      }
    }).observe({ type: 'layout-shift', buffered: true });
  });
}

/** The page's clock now: shifts after this mark belong to what follows. */
export const shiftMark = (page: Page): Promise<number> => page.evaluate(() => performance.now());

/** Every shift since `from` (a shiftMark), after two frames so the last paint's entries are in. */
export async function shiftsSince(page: Page, from: number): Promise<LayoutShift[]> {
  return page.evaluate(async (since) => {
    await new Promise<void>((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => resolve())));
    return ((window as ShiftWindow).__layoutShifts ?? []).filter((shift) => shift.startTime >= since);
  }, from);
}

/** Sum of every shift's value (the cumulative layout shift, all sessions, input or not). */
export const cumulative = (shifts: LayoutShift[]): number => shifts.reduce((sum, shift) => sum + shift.value, 0);

/** The shifts, one a line, with their sources, for a failure message or a report. */
export function describeShifts(shifts: LayoutShift[]): string {
  return shifts
    .map(
      (shift) =>
        `  ${shift.value.toFixed(4)} at ${Math.round(shift.startTime)} ms${shift.hadRecentInput ? ' (after input)' : ''}\n${shift.sources
          .map((s) => `    ${s.node}: ${s.from} -> ${s.to}`)
          .join('\n')}`,
    )
    .join('\n');
}
