import { type KeyboardEvent, type ReactNode, useId, useRef } from 'react';
import { isOwnKey, trapTab, useDialogFocus } from '../../widgets/shared/focus-trap';
import { useSheet } from '../../widgets/shared/sheet-context';
import { SheetHeading } from '../../widgets/shared/SheetHeading';
import { usePageView } from '../../tracking/TrackerContext';
import '../../widgets/shared/dialog-shell.css';
import './dialog.css';

export interface DialogProps {
  title: string;
  /** Escape and the close button call this; omit for a dialog that cannot be dismissed. */
  onClose?: () => void;
  closeLabel?: string;
  children: ReactNode;
  /** Identifies the dialog for buried points (a page_view once per mount) and styling. */
  pageId: string;
}

/**
 * A dialog of the cashier. Inside the cashier sheet it is one of the sheet's steps: it replaces the sheet's content
 * and names the sheet, and the sheet's × and Escape call its onClose. Alone, it is a modal dialog of its own.
 */
export function Dialog(props: DialogProps) {
  return useSheet() ? <SheetDialog {...props} /> : <StandaloneDialog {...props} />;
}

function SheetDialog({ title, onClose, closeLabel, children, pageId }: DialogProps) {
  const titleId = useId();
  usePageView(pageId);
  return (
    <div className="cashier-step" data-page-id={pageId}>
      <SheetHeading id={titleId} onClose={onClose} closeLabel={closeLabel}>
        {title}
      </SheetHeading>
      <div className="cashier-step__body">{children}</div>
    </div>
  );
}

/** A modal dialog: named by its title, focus kept inside, Escape closes, focus returns where it was. */
function StandaloneDialog({ title, onClose, closeLabel = 'Close', children, pageId }: DialogProps) {
  const ref = useRef<HTMLDivElement>(null);
  const titleId = useId();
  useDialogFocus(ref, 'first');
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.defaultPrevented || !isOwnKey(event)) return;
    if (event.key === 'Tab') trapTab(event);
    else if (event.key === 'Escape' && onClose) {
      event.preventDefault();
      onClose();
    }
  };
  usePageView(pageId);
  return (
    <div className="cashier-shell-backdrop">
      <div ref={ref} role="dialog" aria-modal="true" aria-labelledby={titleId} className="cashier-shell cashier-dialog" data-page-id={pageId} tabIndex={-1} onKeyDown={onKeyDown}>
        <div className="cashier-dialog__header">
          <h2 id={titleId} className="cashier-dialog__title">
            {title}
          </h2>
          {onClose && (
            <button type="button" className="cashier-dialog__close" aria-label={closeLabel} data-element-id="close" onClick={onClose}>
              ×
            </button>
          )}
        </div>
        <div className="cashier-dialog__body">{children}</div>
      </div>
    </div>
  );
}
