import { useEffect, useRef } from 'react';

const HOLD_MS = 500;
const REPEAT_MS = 100;

interface DeleteKeyProps {
  label: string;
  onDelete: () => void;
  inactive: boolean;
}

/** Delete: one press deletes one character; holding it (mouse, touch or pen) keeps deleting. */
export function DeleteKey({ label, onDelete, inactive }: DeleteKeyProps) {
  const timer = useRef<ReturnType<typeof setTimeout>>(undefined);
  const repeated = useRef(false);
  const stop = () => clearTimeout(timer.current);
  useEffect(() => () => clearTimeout(timer.current), []);

  const repeat = () => {
    repeated.current = true;
    onDelete();
    timer.current = setTimeout(repeat, REPEAT_MS);
  };

  return (
    <button
      type="button"
      className="cashier-sd-key cashier-sd-delete"
      aria-disabled={inactive || undefined}
      onPointerDown={(e) => {
        if (e.button !== 0) return;
        stop();
        repeated.current = false;
        timer.current = setTimeout(repeat, HOLD_MS);
      }}
      onPointerUp={stop}
      onPointerLeave={stop}
      onPointerCancel={stop}
      onContextMenu={(e) => e.preventDefault()}
      // A click ending a long press has already deleted; a keyboard click (detail 0) always deletes.
      onClick={(e) => {
        if (e.detail === 0 || !repeated.current) onDelete();
      }}
    >
      {label}
    </button>
  );
}
