// The modal shell of the fingerprint and face widgets: named by its title, focus kept inside, Escape closes, focus returned.
import { type KeyboardEvent, type ReactNode, useId, useRef } from 'react';
import { trapTab, useDialogFocus } from '../shared/focus-trap';
import { useSheet } from '../shared/sheet-context';
import { SheetHeading } from '../shared/SheetHeading';
import '../shared/dialog-shell.css';
import './biometric.css';

export interface BiometricDialogProps {
  title: string;
  /** Close button and Escape. */
  onClose: () => void;
  closeLabel: string;
  className?: string;
  children: ReactNode;
}

/** Alone, a modal dialog with its own backdrop; inside the cashier sheet, embedded as one of its steps (no second surface). */
export function BiometricDialog({ title, onClose, closeLabel, className, children }: BiometricDialogProps) {
  const embedded = useSheet() !== null;
  const box = useRef<HTMLDivElement>(null);
  const titleId = useId();

  useDialogFocus(box, 'dialog', !embedded);

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.key === 'Tab') trapTab(event);
    else if (event.key === 'Escape') {
      event.preventDefault();
      onClose();
    }
  };

  if (embedded) {
    return (
      <div className={className ? `cashier-bio cashier-bio--embedded ${className}` : 'cashier-bio cashier-bio--embedded'}>
        <SheetHeading id={titleId} onClose={onClose} closeLabel={closeLabel}>
          {title}
        </SheetHeading>
        {children}
      </div>
    );
  }

  return (
    <div className="cashier-shell-backdrop">
      <div
        ref={box}
        role="dialog"
        aria-modal="true"
        aria-labelledby={titleId}
        tabIndex={-1}
        className={className ? `cashier-shell cashier-bio ${className}` : 'cashier-shell cashier-bio'}
        onKeyDown={onKeyDown}
      >
        <div className="cashier-bio-head">
          <h2 id={titleId} className="cashier-bio-title">
            {title}
          </h2>
          <button type="button" className="cashier-bio-close" aria-label={closeLabel} onClick={onClose} />
        </div>
        {children}
      </div>
    </div>
  );
}

/** A status line read out by screen readers when it changes; errors are alerts. */
export function BiometricStatus({ text, error }: { text: string; error?: boolean }) {
  return (
    <p role={error ? 'alert' : 'status'} className={error ? 'cashier-bio-status cashier-bio-error' : 'cashier-bio-status'}>
      {text}
    </p>
  );
}
