// Storybook's theme toolbar: CSS custom property sets, as a host would pass them in CashierOptions.theme.
// One token set serves the pages and the widgets (--cashier-color-key is the widgets' own key background).

const DARK: Record<string, string> = {
  '--cashier-color-primary': '#8ab4ff',
  '--cashier-color-on-primary': '#0b1a33',
  '--cashier-color-surface': '#1e1f22',
  '--cashier-color-key': '#2f3033',
  '--cashier-color-text': '#ececec',
  '--cashier-color-muted': '#b5b5b5',
  '--cashier-color-border': '#4a4a4a',
  '--cashier-color-error': '#ffb4ab',
  '--cashier-color-success': '#8fd99b',
  '--cashier-color-warning': '#ffcc80',
};

const BRAND: Record<string, string> = {
  '--cashier-color-primary': '#b8290f',
  '--cashier-color-on-primary': '#ffffff',
  '--cashier-radius': '4px',
  '--cashier-radius-small': '2px',
  '--cashier-font': 'Georgia, "Songti SC", serif',
};

export const THEMES = { default: undefined, dark: DARK, brand: BRAND } as const satisfies Record<string, Record<string, string> | undefined>;

export type ThemeName = keyof typeof THEMES;
export const isThemeName = (name: unknown): name is ThemeName => typeof name === 'string' && Object.hasOwn(THEMES, name);
