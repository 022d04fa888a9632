// The modal shell both password widgets share: title, alerts, live count, focus trap, physical keys, clear on blur.
import { type FocusEvent, type KeyboardEvent, type MouseEvent, type ReactNode, useEffect, useId, useRef } from 'react';
import { createTranslator, formatDateTime } from '../../i18n';
import { activeElementOf, trapTab, useDialogFocus } from './focus-trap';
import { useSheet } from './sheet-context';
import { SheetHeading } from './SheetHeading';
import type { SecureEntry, SecurePasswordProps } from './useSecureEntry';
import './dialog-shell.css';
import './secure-dialog.css';

interface SecureDialogProps
  extends Pick<SecurePasswordProps, 'locale' | 'title' | 'error' | 'locked' | 'onCancel' | 'onUseAnotherMethod'> {
  className: string;
  entry: SecureEntry;
  /** Live-region text: how many characters are entered, never which. */
  status: string;
  /** The characters a physical key may type, as one-character patterns. */
  keys: RegExp;
  /** Physical Enter outside a button (a focused button takes Enter as a press). */
  onEnter?: () => void;
  children: ReactNode;
}

/**
 * Alone (a host using the widget), a modal dialog with its own backdrop. Inside the cashier sheet, embedded: one of
 * the sheet's steps, no second surface, the sheet's header with its one ×, and the sheet keeps Tab inside.
 */
export function SecureDialog(p: SecureDialogProps) {
  const embedded = useSheet() !== null;
  const { entry, locked, locale = 'zh-CN' } = p;
  const t = createTranslator(locale);
  const dialog = useRef<HTMLDivElement>(null);
  const titleId = useId();

  useDialogFocus(dialog, 'dialog', !embedded);
  // On open, and when a Retry or lock message vanished with the focus in it, focus goes into the dialog.
  // biome-ignore lint/correctness/useExhaustiveDependencies: these changes are the triggers
  useEffect(() => {
    const box = dialog.current;
    if (box && !box.contains(activeElementOf(box))) box.focus();
  }, [entry.prepareFailed, locked?.unlocksAt]);

  // Physical keys: Escape, Backspace/Delete, Enter and the characters the entry takes. True when the key was used.
  const onKey = (e: Pick<globalThis.KeyboardEvent, 'key' | 'altKey' | 'ctrlKey' | 'metaKey' | 'target'>): boolean => {
    if (e.altKey || e.ctrlKey || e.metaKey) return false;
    const { key } = e;
    if (key === 'Escape' && p.onCancel) p.onCancel();
    else if (key === 'Backspace' || key === 'Delete') entry.remove();
    else if (key === 'Enter' && p.onEnter && !(e.target instanceof HTMLButtonElement)) p.onEnter();
    else if (key.length === 1 && p.keys.test(key)) entry.type(key.charCodeAt(0));
    else return false;
    return true;
  };
  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    if (e.key === 'Tab') return embedded ? undefined : trapTab(e);
    if (onKey(e)) e.preventDefault();
  };
  const keyHandler = useRef(onKey);
  keyHandler.current = onKey;
  // Embedded, the focus may sit on the sheet itself (the step's dialog element, above this box): its keys type too.
  // The sheet handles Tab and Escape itself.
  useEffect(() => {
    const sheet = embedded ? dialog.current?.parentElement?.closest('.cashier-sheet') : null;
    if (!sheet) return;
    const onSheetKey = (event: Event) => {
      const e = event as globalThis.KeyboardEvent;
      if (e.defaultPrevented || e.target !== sheet || e.key === 'Tab' || e.key === 'Escape') return;
      if (keyHandler.current(e)) e.preventDefault();
    };
    sheet.addEventListener('keydown', onSheetKey);
    return () => sheet.removeEventListener('keydown', onSheetKey);
  }, [embedded]);

  const handlers = {
    onKeyDown,
    // Focus leaving the dialog (another element, another window) wipes what was typed.
    onBlur: (e: FocusEvent<HTMLDivElement>) => {
      if (!e.currentTarget.contains(e.relatedTarget as Node | null)) entry.clear();
    },
    // Pressing a key must not move focus: some browsers do not focus buttons, which would look like a blur.
    onMouseDown: (e: MouseEvent<HTMLDivElement>) => e.preventDefault(),
  };

  const title = p.title ?? t('password.title');
  const body = (
    <>
      {p.error && (
        <p role="alert" className="cashier-sd-alert">
          {p.error}
        </p>
      )}
      {locked && (
        <p role="alert" className="cashier-sd-alert">
          {t('password.locked', { time: formatDateTime(locale, locked.unlocksAt) })}
        </p>
      )}
      {locked && p.onUseAnotherMethod && (
        <button type="button" className="cashier-sd-action" onClick={p.onUseAnotherMethod}>
          {t('password.useAnotherMethod')}
        </button>
      )}
      {entry.prepareFailed && (
        <p className="cashier-sd-alert">
          <span role="alert">{t('password.prepareFailed')}</span>{' '}
          <button type="button" className="cashier-sd-action" onClick={entry.retry}>
            {t('password.retry')}
          </button>
        </p>
      )}
      {p.children}
      <p role="status" className="cashier-sd-vh">
        {p.status}
      </p>
    </>
  );

  if (embedded) {
    return (
      <div ref={dialog} tabIndex={-1} className={`cashier-sd cashier-sd--embedded ${p.className}`} {...handlers}>
        <SheetHeading id={titleId} onClose={p.onCancel} closeLabel={t('password.cancel')}>
          {title}
        </SheetHeading>
        {body}
      </div>
    );
  }

  return (
    <div className="cashier-shell-backdrop">
      <div
        ref={dialog}
        role="dialog"
        aria-modal="true"
        aria-labelledby={titleId}
        tabIndex={-1}
        className={`cashier-shell cashier-sd ${p.className}`}
        {...handlers}
      >
        <div className="cashier-sd-head">
          <h2 id={titleId} className="cashier-sd-title">
            {title}
          </h2>
          {p.onCancel && <button type="button" className="cashier-sd-close" aria-label={t('password.cancel')} onClick={p.onCancel} />}
        </div>
        {body}
      </div>
    </div>
  );
}
