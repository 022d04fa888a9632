import { useEffect, useState } from 'react';
import { collectStories, type StoryModule } from './story-types';
import './previews.css';

// Every *.stories.tsx beside the widgets and pages.
const context = import.meta.webpackContext('../', { recursive: true, regExp: /\.stories\.tsx$/ });
const stories = collectStories(context.keys().map((key) => context(key) as StoryModule));

const idFromHash = () => decodeURIComponent(location.hash.replace(/^#\/?/, ''));

/** Storybook-style previews: a sidebar of stories, the canvas, a URL per story. */
export function PreviewsApp() {
  const [id, setId] = useState(() => idFromHash() || stories[0]?.id || '');
  useEffect(() => {
    const onHash = () => setId(idFromHash());
    window.addEventListener('hashchange', onHash);
    return () => window.removeEventListener('hashchange', onHash);
  }, []);
  const entry = stories.find((s) => s.id === id) ?? stories[0];
  const args = { ...entry?.meta.args, ...entry?.story.args };
  const Component = entry?.meta.component;
  return (
    <div className="previews">
      <nav className="previews__sidebar" aria-label="Stories">
        <ul>
          {stories.map((s) => (
            <li key={s.id}>
              <a href={`#/${s.id}`} aria-current={s.id === entry?.id ? 'page' : undefined}>
                {s.title} / {s.name}
              </a>
            </li>
          ))}
        </ul>
      </nav>
      <main className="previews__canvas" data-story-id={entry?.id}>
        {entry && Component ? (entry.story.render ? entry.story.render(args) : <Component {...args} />) : <p>No stories</p>}
      </main>
    </div>
  );
}
