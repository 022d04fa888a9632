import { act, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import axe from 'axe-core';
import type { Locale } from '../core/types';
import { PreviewsApp } from './PreviewsApp';
import { action, localized } from './story-kit';
import { collectStories, type StoryModule } from './story-types';

interface GreetingProps {
  name: string;
  shout?: boolean;
  times?: number;
  locale?: Locale;
  onPress?: () => void;
}

function Greeting({ name, shout, times = 1, locale, onPress }: GreetingProps) {
  const hello = locale === 'en-US' ? 'Hello' : '你好';
  return (
    <button type="button" onClick={onPress}>
      {`${hello} ${name}${shout ? '!' : ''} ×${times}`}
    </button>
  );
}

function Broken(): never {
  throw new Error('story exploded');
}

const greetings = {
  default: { title: 'Demo/Greeting', component: Greeting, args: { name: 'Ann', times: 1, onPress: action('onPress') }, argTypes: { shout: { control: 'boolean' } } },
  __namedExportsOrder: ['Plain', 'Loud'],
  Loud: { args: { shout: true, name: localized('Bob', '小明') } },
  Plain: {},
} as unknown as StoryModule;
const broken = { default: { title: 'Errors/Broken', component: Broken }, Throws: {} } as unknown as StoryModule;
const stories = collectStories([greetings, broken]);

const canvas = () => document.querySelector<HTMLElement>('[data-story-id]')!;
const hash = () => decodeURIComponent(window.location.hash);

beforeEach(() => window.history.replaceState(null, '', '/previews.html'));

describe('PreviewsApp', () => {
  it('lists stories by title in the sidebar, in CSF export order, and shows the first', () => {
    render(<PreviewsApp stories={stories} />);
    const nav = screen.getByRole('navigation', { name: 'Stories' });
    const greeting = within(nav).getByRole('region', { name: 'Demo/Greeting' });
    expect(within(greeting).getAllByRole('link').map((a) => a.textContent)).toEqual(['Plain', 'Loud']);
    expect(within(nav).getByRole('link', { name: 'Throws' })).toHaveAttribute('href', '#/errors-broken--throws');
    expect(canvas()).toHaveAttribute('data-story-id', 'demo-greeting--plain');
    expect(within(nav).getByRole('link', { name: 'Plain' })).toHaveAttribute('aria-current', 'page');
  });

  it('opens the story, locale and theme a shared URL names, and follows later hash changes', () => {
    window.history.replaceState(null, '', '/previews.html#/demo-greeting--loud?locale=en-US&theme=dark');
    render(<PreviewsApp stories={stories} />);
    expect(canvas()).toHaveAttribute('data-story-id', 'demo-greeting--loud');
    expect(within(canvas()).getByRole('button')).toHaveTextContent('Hello Bob! ×1');
    expect(canvas().querySelector<HTMLElement>('.cashier-root')!.style.getPropertyValue('--cashier-color-surface')).toBe('#1e1f22');
    act(() => {
      window.location.hash = '#/demo-greeting--plain';
      window.dispatchEvent(new HashChangeEvent('hashchange'));
    });
    expect(within(canvas()).getByRole('button')).toHaveTextContent('你好 Ann ×1');
  });

  it('switches locale and theme, and writes both into the URL', async () => {
    window.history.replaceState(null, '', '/previews.html#/demo-greeting--loud');
    const user = userEvent.setup();
    render(<PreviewsApp stories={stories} />);
    expect(within(canvas()).getByRole('button')).toHaveTextContent('你好 小明! ×1');
    await user.selectOptions(screen.getByLabelText('Locale'), 'en-US');
    expect(within(canvas()).getByRole('button')).toHaveTextContent('Hello Bob! ×1');
    await user.selectOptions(screen.getByLabelText('Theme'), 'brand');
    expect(canvas().querySelector<HTMLElement>('.cashier-root')!.style.getPropertyValue('--cashier-color-primary')).toBe('#b8290f');
    expect(hash()).toBe('#/demo-greeting--loud?locale=en-US&theme=brand');
    expect(screen.getByRole('link', { name: 'Open canvas alone' })).toHaveAttribute(
      'href',
      '#/demo-greeting--loud?locale=en-US&theme=brand&view=canvas',
    );
  });

  it('renders controls for simple args and argTypes; a change re-renders the story and is kept in the URL', async () => {
    window.history.replaceState(null, '', '/previews.html#/demo-greeting--plain');
    const user = userEvent.setup();
    render(<PreviewsApp stories={stories} />);
    const controls = screen.getByRole('region', { name: 'Controls' });
    // onPress is a function: no control; shout comes from argTypes.
    expect(within(controls).getAllByRole('textbox').map((input) => input.id.split('-').pop())).toEqual(['name']);
    await user.clear(within(controls).getByLabelText('name'));
    await user.type(within(controls).getByLabelText('name'), 'Cy');
    await user.click(within(controls).getByLabelText('shout'));
    await user.clear(within(controls).getByLabelText('times'));
    await user.type(within(controls).getByLabelText('times'), '3');
    expect(within(canvas()).getByRole('button')).toHaveTextContent('你好 Cy! ×3');
    expect(hash()).toBe('#/demo-greeting--plain?arg.name=Cy&arg.shout=true&arg.times=3');
    await user.click(within(controls).getByRole('button', { name: 'Reset args' }));
    expect(within(canvas()).getByRole('button')).toHaveTextContent('你好 Ann ×1');
    expect(hash()).toBe('#/demo-greeting--plain');
  });

  it("shows the story's callback calls in the Actions panel", async () => {
    window.history.replaceState(null, '', '/previews.html#/demo-greeting--plain');
    const user = userEvent.setup();
    render(<PreviewsApp stories={stories} />);
    const actions = screen.getByRole('region', { name: 'Actions' });
    expect(actions).toHaveTextContent('No actions yet.');
    await user.click(within(canvas()).getByRole('button'));
    expect(within(actions).getByRole('listitem')).toHaveTextContent('onPress');
  });

  it('shows the canvas alone in canvas view, for screenshots', () => {
    window.history.replaceState(null, '', '/previews.html#/demo-greeting--plain?view=canvas');
    render(<PreviewsApp stories={stories} />);
    expect(screen.queryByRole('navigation')).toBeNull();
    expect(canvas()).toHaveAttribute('data-story-id', 'demo-greeting--plain');
  });

  it('contains a story that throws: its error shows in the canvas, the sidebar keeps working', async () => {
    const spy = jest.spyOn(console, 'error').mockImplementation(() => undefined);
    window.history.replaceState(null, '', '/previews.html#/errors-broken--throws');
    const user = userEvent.setup();
    render(<PreviewsApp stories={stories} />);
    expect(within(canvas()).getByRole('alert')).toHaveTextContent('Story errors-broken--throws failed: story exploded');
    await user.click(screen.getByRole('link', { name: 'Plain' }));
    spy.mockRestore();
    expect(within(canvas()).getByRole('button')).toHaveTextContent('你好 Ann ×1');
  });

  it('is accessible as a whole page', async () => {
    window.history.replaceState(null, '', '/previews.html#/demo-greeting--plain');
    const { container } = render(<PreviewsApp stories={stories} />);
    const results = await axe.run(container, { rules: { 'color-contrast': { enabled: false } } });
    expect(results.violations.map((v) => v.id)).toEqual([]);
  });

  it('says so when there are no stories', () => {
    render(<PreviewsApp stories={[]} />);
    expect(screen.getByText(/No stories found/)).toBeInTheDocument();
  });
});
