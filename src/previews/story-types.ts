import type { ComponentType, ReactElement } from 'react';
import type { Locale } from '../core/types';

/** What the previews app hands every story besides its args (Storybook calls these globals). */
export interface StoryContext {
  id: string;
  locale: Locale;
  /** The chosen theme's CSS custom properties; undefined for the default theme. */
  theme?: Record<string, string>;
}

export type ControlKind = 'text' | 'number' | 'boolean';

/** An arg whose text follows the locale switch; its control edits the text of the current locale. */
export type Localized = Record<Locale, string>;

/** A story's args: any prop, and text props may be Localized. */
export type StoryArgs<P> = { [K in keyof P]?: P[K] | Localized };

/** Component Story Format 3: a default-export meta and named stories with args. */
export interface StoryMeta<P = Record<string, unknown>> {
  title: string;
  component: ComponentType<P>;
  args?: StoryArgs<P>;
  /** Controls for optional props a story does not set (CSF3 `argTypes`, `control` only). */
  argTypes?: Partial<Record<keyof P & string, { control: ControlKind }>>;
}

export interface Story<P = Record<string, unknown>> {
  name?: string;
  args?: StoryArgs<P>;
  render?: (args: P, context: StoryContext) => ReactElement;
}

type AnyMeta = StoryMeta<Record<string, unknown>>;
type AnyStory = Story<Record<string, unknown>>;

export interface StoryModule {
  default: AnyMeta;
  /** CSF: the order stories appear in (module namespaces list exports alphabetically). */
  __namedExportsOrder?: string[];
  [name: string]: AnyStory | AnyMeta | string[] | undefined;
}

export interface StoryEntry {
  id: string;
  title: string;
  name: string;
  meta: AnyMeta;
  story: AnyStory;
}

/** `Widgets/PasswordKeyboard` + `PartlyFilled` → `widgets-passwordkeyboard--partlyfilled`, the URL part. */
export function storyId(title: string, exportName: string): string {
  const slug = (text: string) =>
    text
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '');
  return `${slug(title)}--${slug(exportName)}`;
}

function checkMeta(meta: unknown, where: string): asserts meta is AnyMeta {
  const m = meta as Partial<AnyMeta> | undefined;
  if (!m || typeof m.title !== 'string' || !m.title || (typeof m.component !== 'function' && typeof m.component !== 'object')) {
    throw new TypeError(`${where}: a stories file needs a default export { title, component }`);
  }
}

/** Flattens story modules into entries sorted by title, each with a stable id; duplicate ids are an error. */
export function collectStories(modules: StoryModule[], names: string[] = []): StoryEntry[] {
  const entries: StoryEntry[] = [];
  modules.forEach((module, index) => {
    const meta = module.default;
    checkMeta(meta, names[index] ?? `stories module ${index}`);
    const order = module.__namedExportsOrder ?? [];
    const rank = (name: string) => (order.includes(name) ? order.indexOf(name) : order.length);
    const exportNames = Object.keys(module)
      .filter((key) => !key.startsWith('__') && key !== 'default')
      .sort((a, b) => rank(a) - rank(b) || a.localeCompare(b));
    for (const exportName of exportNames) {
      const value = module[exportName];
      if (typeof value !== 'object' || !value || Array.isArray(value)) continue;
      const story = value as AnyStory;
      const name = story.name ?? exportName.replace(/([a-z0-9])([A-Z])/g, '$1 $2');
      entries.push({ id: storyId(meta.title, exportName), title: meta.title, name, meta, story });
    }
  });
  const seen = new Set<string>();
  for (const entry of entries) {
    if (seen.has(entry.id)) throw new Error(`Two stories have the id "${entry.id}"`);
    seen.add(entry.id);
  }
  // Stable sort: a title's stories keep their export order.
  return entries.sort((a, b) => a.title.localeCompare(b.title));
}
