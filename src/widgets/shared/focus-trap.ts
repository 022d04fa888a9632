// The focus rules every dialog of the cashier shares: Tab stays inside, focus returns where it was on close.
import { type KeyboardEvent, type RefObject, useEffect } from 'react';

const FOCUSABLE =
  'a[href], button:not([disabled]), input:not([disabled]), select:not([disabled]), textarea:not([disabled]), [tabindex]:not([tabindex="-1"])';

/** The focused element itself, through open shadow roots (document.activeElement is only a shadow root's host). */
export function activeElementOf(node: Node): Element | null {
  let at = node.ownerDocument?.activeElement ?? null;
  while (at?.shadowRoot?.activeElement) at = at.shadowRoot.activeElement;
  return at;
}

/** The focused element of a document, through open shadow roots. */
export function deepActiveElement(doc: Document): Element | null {
  let at = doc.activeElement;
  while (at?.shadowRoot?.activeElement) at = at.shadowRoot.activeElement;
  return at;
}

/** True when a key event belongs to this dialog, not to a dialog nested in it (the password keyboard inside the modal cashier). */
export function isOwnKey(event: KeyboardEvent<HTMLElement>): boolean {
  const from = event.target instanceof Element ? event.target.closest('[role="dialog"]') : null;
  return !from || from === event.currentTarget;
}

/** Tab and Shift+Tab wrap around inside the dialog; focus that escaped it is brought back. */
export function trapTab(event: KeyboardEvent<HTMLElement>): void {
  const box = event.currentTarget;
  const items = Array.from(box.querySelectorAll<HTMLElement>(FOCUSABLE)).filter((node) => !node.closest('[aria-hidden="true"], [hidden], [inert]'));
  const first = items[0];
  const last = items[items.length - 1];
  if (!first || !last) {
    event.preventDefault();
    box.focus();
    return;
  }
  const at = activeElementOf(box);
  const wrap = event.shiftKey ? at === first || at === box : at === last;
  if (wrap || !box.contains(at)) {
    event.preventDefault();
    (event.shiftKey && wrap ? last : first).focus();
  }
}

/** Focus moves into the dialog when it opens (its first control, or the dialog itself) and back where it was when it closes. */
export function useDialogFocus(ref: RefObject<HTMLElement | null>, initial: 'first' | 'dialog' = 'dialog', enabled = true): void {
  useEffect(() => {
    if (!enabled) return;
    const box = ref.current;
    const before = (box ? activeElementOf(box) : null) as HTMLElement | null;
    if (box) (initial === 'first' ? (box.querySelector<HTMLElement>(FOCUSABLE) ?? box) : box).focus();
    return () => {
      if (before?.isConnected && typeof before.focus === 'function') before.focus();
    };
  }, [ref, initial, enabled]);
}
