import { useEffect, useState } from 'react';
import { ACTION_EVENT, type ActionDetail } from './story-kit';

const KEEP = 20;

/** The last calls of the stories' callback args (onEncrypted, onReminder, onEvent…), newest first. */
export function ActionsLog({ storyId }: { storyId: string }) {
  const [calls, setCalls] = useState<(ActionDetail & { n: number })[]>([]);
  // biome-ignore lint/correctness/useExhaustiveDependencies: a new story starts an empty log
  useEffect(() => {
    setCalls([]);
    let n = 0;
    const onAction = (event: Event) => {
      const detail = (event as CustomEvent<ActionDetail>).detail;
      n += 1;
      const call = { ...detail, n };
      setCalls((list) => [call, ...list].slice(0, KEEP));
    };
    window.addEventListener(ACTION_EVENT, onAction);
    return () => window.removeEventListener(ACTION_EVENT, onAction);
  }, [storyId]);
  if (calls.length === 0) return <p className="previews__hint">No actions yet.</p>;
  return (
    <ol className="previews__actions">
      {calls.map((call) => (
        <li key={call.n}>
          <strong>{call.name}</strong> <code>{call.summary}</code>
        </li>
      ))}
    </ol>
  );
}
