import type { Locale } from '../core/types';
import type { ControlKind } from './story-types';
import { isThemeName, type ThemeName } from './themes';

/** Everything a shared previews URL carries: `#/<story-id>?locale=en-US&theme=dark&view=canvas&arg.error=…`. */
export interface PreviewLocation {
  id: string;
  locale: Locale;
  theme: ThemeName;
  /** `canvas` shows the story alone, for screenshots and for opening in a new tab. */
  view: 'app' | 'canvas';
  /** Control values the person changed, as text. */
  args: Record<string, string>;
}

export const DEFAULT_LOCATION: Omit<PreviewLocation, 'id'> = { locale: 'zh-CN', theme: 'default', view: 'app', args: {} };

export function parsePreviewHash(hash: string): PreviewLocation {
  const text = hash.replace(/^#\/?/, '');
  const at = text.indexOf('?');
  const path = at === -1 ? text : text.slice(0, at);
  const query = new URLSearchParams(at === -1 ? '' : text.slice(at + 1));
  const args: Record<string, string> = {};
  for (const [key, value] of query) if (key.startsWith('arg.') && key.length > 4) args[key.slice(4)] = value;
  const locale = query.get('locale');
  const theme = query.get('theme') ?? '';
  let id = path;
  try {
    id = decodeURIComponent(path);
  } catch {
    // A hand-edited URL with a stray '%': keep it as typed; it matches no story and the first one shows.
  }
  return {
    id,
    locale: locale === 'en-US' || locale === 'zh-CN' ? locale : DEFAULT_LOCATION.locale,
    theme: isThemeName(theme) ? theme : DEFAULT_LOCATION.theme,
    view: query.get('view') === 'canvas' ? 'canvas' : 'app',
    args,
  };
}

/** Defaults are left out, so the URL of an untouched story stays short. */
export function formatPreviewHash(location: PreviewLocation): string {
  const query = new URLSearchParams();
  if (location.locale !== DEFAULT_LOCATION.locale) query.set('locale', location.locale);
  if (location.theme !== DEFAULT_LOCATION.theme) query.set('theme', location.theme);
  if (location.view !== 'app') query.set('view', location.view);
  for (const [name, value] of Object.entries(location.args)) query.set(`arg.${name}`, value);
  const search = query.toString();
  return `#/${encodeURIComponent(location.id)}${search ? `?${search}` : ''}`;
}

/** A control's text back to its arg type; undefined when the text is not one (the story's own arg then stays). */
export function argFromText(text: string, kind: ControlKind): string | number | boolean | undefined {
  if (kind === 'boolean') return text === 'true' ? true : text === 'false' ? false : undefined;
  if (kind === 'number') {
    const value = Number(text);
    return text.trim() !== '' && Number.isFinite(value) ? value : undefined;
  }
  return text;
}
