import { useId } from 'react';
import { isLocalized } from './story-kit';
import type { ControlKind, StoryEntry } from './story-types';

export interface StoryControl {
  name: string;
  kind: ControlKind;
}

function kindOf(value: unknown): ControlKind | null {
  if (typeof value === 'boolean') return 'boolean';
  if (typeof value === 'number') return 'number';
  if (typeof value === 'string' || isLocalized(value)) return 'text';
  return null;
}

/** Simple args (text, number, boolean) of the story and its meta, plus the meta's argTypes; locale has its own switch. */
export function controlsOf(entry: StoryEntry): StoryControl[] {
  const controls = new Map<string, ControlKind>();
  for (const [name, value] of Object.entries({ ...entry.meta.args, ...entry.story.args })) {
    const kind = kindOf(value);
    if (kind && name !== 'locale') controls.set(name, kind);
  }
  for (const [name, type] of Object.entries(entry.meta.argTypes ?? {})) {
    if (type && !controls.has(name) && name !== 'locale') controls.set(name, type.control);
  }
  return [...controls].map(([name, kind]) => ({ name, kind }));
}

interface StoryControlsProps {
  controls: StoryControl[];
  values: Record<string, unknown>;
  /** What the person typed, kept as typed (an emptied number field stays empty). */
  texts: Record<string, string>;
  onChange: (name: string, text: string) => void;
  onReset: () => void;
}

export function StoryControls({ controls, values, texts, onChange, onReset }: StoryControlsProps) {
  const prefix = useId();
  if (controls.length === 0) return <p className="previews__hint">This story has no simple args.</p>;
  return (
    <form className="previews__controls" onSubmit={(event) => event.preventDefault()}>
      {controls.map(({ name, kind }) => {
        const id = `${prefix}-${name}`;
        const value = values[name];
        return (
          <div key={name} className="previews__control">
            <label htmlFor={id}>{name}</label>
            {kind === 'boolean' ? (
              <input id={id} type="checkbox" checked={value === true} onChange={(e) => onChange(name, String(e.target.checked))} />
            ) : (
              <input
                id={id}
                type={kind === 'number' ? 'number' : 'text'}
                value={texts[name] ?? (value === undefined ? '' : String(value))}
                onChange={(e) => onChange(name, e.target.value)}
              />
            )}
          </div>
        );
      })}
      <button type="button" onClick={onReset}>
        Reset args
      </button>
    </form>
  );
}
