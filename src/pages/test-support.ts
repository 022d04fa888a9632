// Test support for the page tests: axe as jsdom allows it.
import { act } from '@testing-library/react';
import axe from 'axe-core';

/**
 * Runs axe on `container` and expects no violations. jsdom does no layout (color-contrast is off) and has no
 * canvas (axe's icon-ligature measure gets none, as jsdom would give, without jsdom's console report). Runs inside
 * act, as the cashier may still be settling (method availability, page resources) while axe walks the tree.
 */
export async function expectNoAxeViolations(container: HTMLElement): Promise<void> {
  const canvas = jest.spyOn(HTMLCanvasElement.prototype, 'getContext').mockReturnValue(null);
  let results: axe.AxeResults | undefined;
  try {
    await act(async () => {
      results = await axe.run(container, { rules: { 'color-contrast': { enabled: false } } });
    });
  } finally {
    canvas.mockRestore();
  }
  expect(results!.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
}
