// Storybook's toolbar globals (locale, theme) as the values the cashier's components take.
import type { Locale } from '../core/types';
import { isThemeName, THEMES } from './themes';

interface WithGlobals {
  globals: Record<string, unknown>;
}

export const LOCALES: readonly Locale[] = ['zh-CN', 'en-US'];

/** The toolbar's locale; zh-CN (the cashier's default) when none is chosen. */
export function storyLocale({ globals }: WithGlobals): Locale {
  return globals.locale === 'en-US' ? 'en-US' : 'zh-CN';
}

/** The chosen theme's CSS custom properties; undefined for the default theme. */
export function storyTheme({ globals }: WithGlobals): Record<string, string> | undefined {
  return isThemeName(globals.theme) ? THEMES[globals.theme] : undefined;
}
