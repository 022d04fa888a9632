// A step's header inside the cashier sheet: Back (when the step has one), the heading that names the sheet, the one ×.
import { type ReactNode, useContext, useEffect, useLayoutEffect, useRef } from 'react';
import { type SheetApi, SheetIntroContext, useSheet } from './sheet-context';
import './sheet-heading.css';

export interface SheetHeadingProps {
  id: string;
  children: ReactNode;
  /** False for the order summary of an inline page: a region, not a dialog. */
  dialog?: boolean;
  /** The step's own close action and its label (× and Escape); the sheet's otherwise. */
  onClose?: () => void;
  closeLabel?: string;
}

/** Needs a sheet around it (see useSheet). Focus moves to the heading when the step shows. */
export function SheetHeading({ id, children, dialog = true, onClose, closeLabel }: SheetHeadingProps) {
  const sheet = useSheet() as SheetApi;
  const intro = useContext(SheetIntroContext);
  const heading = useRef<HTMLHeadingElement>(null);
  const close = onClose ?? sheet.onClose;
  // The latest onClose, behind a stable function: a new arrow on every render must not re-register the step.
  const latestClose = useRef(onClose);
  latestClose.current = onClose;
  const hasOwnClose = Boolean(onClose);
  // Before paint: the sheet never shows a step under the previous step's name.
  useLayoutEffect(
    () => sheet.show({ titleId: id, dialog, onClose: hasOwnClose ? () => latestClose.current?.() : undefined }),
    [sheet, id, dialog, hasOwnClose],
  );
  // Once, when the step shows.
  // biome-ignore lint/correctness/useExhaustiveDependencies: mounting is the trigger
  useEffect(() => {
    if (sheet.shouldFocus()) heading.current?.focus();
  }, []);
  const closable = close && (sheet.modal || dialog);
  return (
    <>
      <div className="cashier-sheet-head">
        {sheet.onBack && (
          <button type="button" className="cashier-sheet-back" aria-label={sheet.backLabel} data-element-id="back" onClick={sheet.onBack} />
        )}
        <h2 ref={heading} id={id} tabIndex={-1} className="cashier-sheet-title">
          {children}
        </h2>
        {closable && (
          <button
            type="button"
            className="cashier-sheet-close"
            aria-label={closeLabel ?? sheet.closeLabel}
            data-element-id="close"
            onClick={close}
          />
        )}
      </div>
      {intro}
    </>
  );
}
