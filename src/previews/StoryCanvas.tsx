import { Component, type ReactNode } from 'react';
import type { Locale } from '../core/types';
import { ThemeScope } from '../pages/cashier-page/ThemeScope';
import { resolveLocalized } from './story-kit';
import type { StoryEntry } from './story-types';
import { THEMES, type ThemeName } from './themes';

export interface StoryCanvasProps {
  entry: StoryEntry;
  locale: Locale;
  theme: ThemeName;
  /** Control values that replace the story's args. */
  overrides?: Record<string, unknown>;
}

/** The args a story renders with: meta's, the story's, the controls', and the locale switch (components take `locale`). */
export function storyArgs({ entry, locale, overrides = {} }: Omit<StoryCanvasProps, 'theme'>): Record<string, unknown> {
  return { ...resolveLocalized({ ...entry.meta.args, ...entry.story.args }, locale), ...overrides, locale };
}

/** One story, inside a `cashier-root` carrying the chosen theme; the app and the jest test both render this. */
export function StoryCanvas(props: StoryCanvasProps) {
  const { entry, locale, theme } = props;
  const args = storyArgs(props);
  const Story = entry.meta.component;
  return (
    <ThemeScope theme={THEMES[theme]}>
      <StoryErrorBoundary id={entry.id}>
        {entry.story.render ? entry.story.render(args, { id: entry.id, locale, theme: THEMES[theme] }) : <Story {...args} />}
      </StoryErrorBoundary>
    </ThemeScope>
  );
}

/** A story that throws shows its error instead of taking the sidebar down with it. */
class StoryErrorBoundary extends Component<{ id: string; children: ReactNode }, { error: Error | null }> {
  override state: { error: Error | null } = { error: null };

  static getDerivedStateFromError(error: Error) {
    return { error };
  }

  override render() {
    if (!this.state.error) return this.props.children;
    return (
      <div role="alert" className="previews__error">
        <p>
          Story <code>{this.props.id}</code> failed: {this.state.error.message}
        </p>
      </div>
    );
  }
}
