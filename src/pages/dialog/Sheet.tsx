import { type KeyboardEvent, type ReactNode, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { deepActiveElement, trapTab } from '../../widgets/shared/focus-trap';
import { type SheetApi, SheetContext, type SheetStep } from '../../widgets/shared/sheet-context';
import '../../widgets/shared/dialog-shell.css';
import './sheet.css';

export interface SheetProps {
  /** openCashier: an overlay, focus kept inside, Escape and × always cancel. CashierPage: one inline surface. */
  modal?: boolean;
  /** Changes with each step: the body is swapped (with a short entrance unless reduced motion is asked for). */
  stepKey: string;
  onClose?: () => void;
  closeLabel: string;
  onBack?: () => void;
  backLabel: string;
  /** The sheet's name until a step's heading names it. */
  label: string;
  /** Receives the sheet's element (buried points observe clicks on it). */
  onSheet?: (element: HTMLDivElement | null) => void;
  /** Stays mounted across steps (the live region). */
  status?: ReactNode;
  children: ReactNode;
}

/**
 * The one cashier sheet: its content swaps between steps, and it takes the role and name of the step it shows
 * (a dialog named "Enter payment password", say), so nothing stacks and each step is still found as before.
 */
export function Sheet({ modal = false, stepKey, onClose, closeLabel, onBack, backLabel, label, onSheet, status, children }: SheetProps) {
  const box = useRef<HTMLDivElement | null>(null);
  const latestOnSheet = useRef(onSheet);
  latestOnSheet.current = onSheet;
  const setBox = useCallback((element: HTMLDivElement | null) => {
    box.current = element;
    latestOnSheet.current?.(element);
  }, []);
  const [steps, setSteps] = useState<SheetStep[]>([]);
  // Where the focus was when the modal sheet opened: it goes back there when the sheet goes.
  const [opener] = useState(() => (modal && typeof document !== 'undefined' ? deepActiveElement(document) : null));
  const show = useCallback((step: SheetStep) => {
    setSteps((list) => [...list, step]);
    return () => setSteps((list) => list.filter((s) => s !== step));
  }, []);
  const shouldFocus = useCallback(() => {
    if (modal) return true;
    const node = box.current;
    const at = node ? deepActiveElement(node.ownerDocument) : null;
    // Inline: only when the focus was in the sheet (in the step that just went) or nowhere.
    return !at || at === node?.ownerDocument.body || Boolean(node?.contains(at));
  }, [modal]);
  // The latest callbacks behind stable functions: the context changes only when what it draws changes.
  const latest = useRef({ onClose, onBack });
  latest.current = { onClose, onBack };
  const hasClose = Boolean(onClose);
  const hasBack = Boolean(onBack);
  const api = useMemo<SheetApi>(
    () => ({
      modal,
      onClose: hasClose ? () => latest.current.onClose?.() : undefined,
      closeLabel,
      onBack: hasBack ? () => latest.current.onBack?.() : undefined,
      backLabel,
      show,
      shouldFocus,
    }),
    [modal, hasClose, closeLabel, hasBack, backLabel, show, shouldFocus],
  );

  useEffect(() => {
    if (!modal) return;
    const node = box.current;
    if (node && !node.contains(deepActiveElement(node.ownerDocument))) node.focus();
    return () => {
      if (opener instanceof HTMLElement && opener.isConnected) opener.focus();
    };
  }, [modal, opener]);

  const step = steps[steps.length - 1];
  const close = step?.onClose ?? onClose;
  const dialog = modal || Boolean(step?.dialog);
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.defaultPrevented) return;
    // A step that is a dialog keeps Tab inside, on the inline page too (as the dialogs over it used to).
    if (event.key === 'Tab' && dialog) trapTab(event);
    else if (event.key === 'Escape' && dialog && close) {
      event.preventDefault();
      close();
    }
  };

  const sheet = (
    // The role is the step's: a modal "dialog" (openCashier's overlay, or a step of the inline page), or, for the inline summary, "region".
    // biome-ignore lint/a11y/useAriaPropsSupportedByRole: aria-modal is set only with role="dialog"
    // biome-ignore lint/a11y/noStaticElementInteractions: a dialog's keys (Escape, Tab) are handled on the dialog itself
    <div
      ref={setBox}
      role={dialog ? 'dialog' : 'region'}
      aria-modal={dialog || undefined}
      aria-labelledby={step?.titleId}
      aria-label={step ? undefined : label}
      tabIndex={-1}
      className={`cashier-shell cashier-sheet ${modal ? 'cashier-sheet--modal' : 'cashier-sheet--inline'}`}
      data-page-id={modal ? 'cashier-modal' : 'cashier'}
      onKeyDown={onKeyDown}
    >
      <SheetContext.Provider value={api}>
        <div key={stepKey} className="cashier-sheet__step" data-step={stepKey}>
          {children}
        </div>
      </SheetContext.Provider>
      {status}
    </div>
  );
  return modal ? <div className="cashier-shell-backdrop">{sheet}</div> : sheet;
}

/** The sheet's frame while the cashier's data or code arrives: the same geometry, nothing to operate yet. */
export function SheetFrame({ modal = false, label, children }: { modal?: boolean; label: string; children: ReactNode }) {
  const frame = (
    <div className={`cashier-shell cashier-sheet ${modal ? 'cashier-sheet--modal' : 'cashier-sheet--inline'}`} aria-busy="true">
      <div className="cashier-sheet__step">
        <span className="cashier-visually-hidden" role="status">
          {label}
        </span>
        {children}
      </div>
    </div>
  );
  return modal ? <div className="cashier-shell-backdrop">{frame}</div> : frame;
}
