import { useEffect, useId, useState } from 'react';
import type { Locale } from '../core/types';
import { ActionsLog } from './ActionsLog';
import { argFromText, formatPreviewHash, type PreviewLocation, parsePreviewHash } from './preview-url';
import { StoryCanvas, storyArgs } from './StoryCanvas';
import { controlsOf, StoryControls } from './StoryControls';
import type { StoryEntry } from './story-types';
import { THEME_NAMES, type ThemeName } from './themes';
import './previews.css';

const LOCALES: Locale[] = ['zh-CN', 'en-US'];

function groupByTitle(stories: StoryEntry[]): [string, StoryEntry[]][] {
  const groups = new Map<string, StoryEntry[]>();
  for (const story of stories) groups.set(story.title, [...(groups.get(story.title) ?? []), story]);
  return [...groups];
}

/** Storybook-style previews: a sidebar of stories, the canvas, controls, locale and theme switches, a URL per story. */
export function PreviewsApp({ stories }: { stories: StoryEntry[] }) {
  const [at, setAt] = useState<PreviewLocation>(() => parsePreviewHash(window.location.hash));
  const ids = useId();
  useEffect(() => {
    const onHash = () => setAt(parsePreviewHash(window.location.hash));
    window.addEventListener('hashchange', onHash);
    return () => window.removeEventListener('hashchange', onHash);
  }, []);

  const entry = stories.find((s) => s.id === at.id) ?? stories[0];
  if (!entry) return <p>No stories found: add a *.stories.tsx file beside a widget or page.</p>;

  const go = (next: PreviewLocation) => {
    setAt(next);
    const hash = formatPreviewHash(next);
    if (window.location.hash !== hash) window.history.replaceState(null, '', hash);
  };
  const here: PreviewLocation = { ...at, id: entry.id };
  const controls = controlsOf(entry);
  const overrides: Record<string, unknown> = {};
  for (const { name, kind } of controls) {
    const text = at.args[name];
    const value = text === undefined ? undefined : argFromText(text, kind);
    if (value !== undefined) overrides[name] = value;
  }
  const canvas = (
    <main className={at.view === 'canvas' ? 'previews__canvas previews__canvas--alone' : 'previews__canvas'} data-story-id={entry.id}>
      <StoryCanvas key={`${entry.id}|${at.locale}|${at.theme}`} entry={entry} locale={at.locale} theme={at.theme} overrides={overrides} />
    </main>
  );
  if (at.view === 'canvas') return canvas;

  const shownArgs = storyArgs({ entry, locale: at.locale, overrides });
  return (
    <div className="previews">
      <nav className="previews__sidebar" aria-label="Stories">
        <h1 className="previews__brand">Cashier previews</h1>
        {groupByTitle(stories).map(([title, group]) => (
          <section key={title} aria-label={title}>
            <h2 className="previews__group">{title}</h2>
            <ul>
              {group.map((s) => (
                <li key={s.id}>
                  <a href={formatPreviewHash({ ...at, id: s.id, args: {} })} aria-current={s.id === entry.id ? 'page' : undefined}>
                    {s.name}
                  </a>
                </li>
              ))}
            </ul>
          </section>
        ))}
      </nav>
      <div className="previews__main">
        <div className="previews__toolbar">
          <label htmlFor={`${ids}-locale`}>Locale</label>
          <select id={`${ids}-locale`} value={at.locale} onChange={(e) => go({ ...here, locale: e.target.value as Locale })}>
            {LOCALES.map((locale) => (
              <option key={locale}>{locale}</option>
            ))}
          </select>
          <label htmlFor={`${ids}-theme`}>Theme</label>
          <select id={`${ids}-theme`} value={at.theme} onChange={(e) => go({ ...here, theme: e.target.value as ThemeName })}>
            {THEME_NAMES.map((theme) => (
              <option key={theme}>{theme}</option>
            ))}
          </select>
          <a href={formatPreviewHash({ ...here, view: 'canvas' })} target="_blank" rel="noreferrer">
            Open canvas alone
          </a>
        </div>
        {canvas}
        <section className="previews__panel" aria-labelledby={`${ids}-controls`}>
          <h2 id={`${ids}-controls`}>Controls</h2>
          <StoryControls
            controls={controls}
            values={shownArgs}
            texts={at.args}
            onChange={(name, text) => go({ ...here, args: { ...at.args, [name]: text } })}
            onReset={() => go({ ...here, args: {} })}
          />
        </section>
        <section className="previews__panel" aria-labelledby={`${ids}-actions`}>
          <h2 id={`${ids}-actions`}>Actions</h2>
          <ActionsLog storyId={entry.id} />
        </section>
      </div>
    </div>
  );
}
