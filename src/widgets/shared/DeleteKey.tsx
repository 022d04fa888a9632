import { useEffect, useRef } from 'react';
import './delete-key.css';

const HOLD_MS = 500;
const REPEAT_MS = 100;

interface DeleteKeyProps {
  /** The key's accessible name ("Delete", 删除); the ⌫ icon itself is hidden from assistive technology. */
  label: string;
  onDelete: () => void;
  inactive: boolean;
}

/** ⌫ as an inline icon (no font glyph to depend on), in the text colour. */
function BackspaceIcon() {
  return (
    <svg className="cashier-sd-delete-icon" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
      <path
        d="M9 5h10a2 2 0 0 1 2 2v10a2 2 0 0 1-2 2H9l-6-7 6-7Z M12 9l6 6 M18 9l-6 6"
        fill="none"
        stroke="currentColor"
        strokeWidth="1.8"
        strokeLinecap="round"
        strokeLinejoin="round"
      />
    </svg>
  );
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
      aria-label={label}
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
      <BackspaceIcon />
    </button>
  );
}
