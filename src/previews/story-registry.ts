import { collectStories, type StoryEntry, type StoryModule } from './story-types';

/** Every `*.stories.tsx` under src/, found by webpack at build time (jest globs the files instead). */
export function loadStories(): StoryEntry[] {
  const context = import.meta.webpackContext('../', { recursive: true, regExp: /\.stories\.tsx$/ });
  const keys = context.keys();
  return collectStories(
    keys.map((key) => context(key) as StoryModule),
    keys,
  );
}
