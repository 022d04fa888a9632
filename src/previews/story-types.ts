import type { ComponentType } from 'react';

/** Component Story Format 3: a default-export meta and named stories with args. */
export interface StoryMeta<P = Record<string, unknown>> {
  title: string;
  component: ComponentType<P>;
  args?: Partial<P>;
}

export interface Story<P = Record<string, unknown>> {
  name?: string;
  args?: Partial<P>;
  render?: (args: P) => React.ReactElement;
}

export interface StoryModule {
  default: StoryMeta<Record<string, unknown>>;
  [name: string]: Story<Record<string, unknown>> | StoryMeta<Record<string, unknown>>;
}

export interface StoryEntry {
  id: string;
  title: string;
  name: string;
  meta: StoryMeta<Record<string, unknown>>;
  story: Story<Record<string, unknown>>;
}

/** Flattens story modules into entries with a stable id (`title--name`), as a shareable URL part. */
export function collectStories(modules: StoryModule[]): StoryEntry[] {
  const entries: StoryEntry[] = [];
  for (const module of modules) {
    const meta = module.default;
    for (const [exportName, value] of Object.entries(module)) {
      if (exportName === 'default' || exportName === '__esModule' || typeof value !== 'object' || !value) continue;
      const story = value as Story<Record<string, unknown>>;
      const name = story.name ?? exportName.replace(/([a-z])([A-Z])/g, '$1 $2');
      const id = `${meta.title}--${exportName}`.toLowerCase().replace(/[^a-z0-9-]+/g, '-');
      entries.push({ id, title: meta.title, name, meta, story });
    }
  }
  return entries;
}
