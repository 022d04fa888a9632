import { type RefObject, useEffect, useRef } from 'react';

const FOCUSABLE =
  'a[href], button:not([disabled]), input:not([disabled]), select:not([disabled]), textarea:not([disabled]), [tabindex]:not([tabindex="-1"])';

/**
 * Keeps Tab inside the element, closes on Escape, and gives focus back on unmount to what had it before.
 * Keys already handled (defaultPrevented) and keys from a nested dialog are left alone.
 */
export function useFocusTrap(ref: RefObject<HTMLElement | null>, onEscape?: () => void) {
  const onEscapeRef = useRef(onEscape);
  onEscapeRef.current = onEscape;

  useEffect(() => {
    const element = ref.current;
    if (!element) return;
    const previous = element.ownerDocument.activeElement as HTMLElement | null;
    const first = element.querySelector<HTMLElement>(FOCUSABLE);
    (first ?? element).focus();

    const onKeyDown = (event: KeyboardEvent) => {
      if (event.defaultPrevented) return;
      // Keys from a nested dialog (the password keyboard in the modal cashier) are its own: its React handlers run
      // after this native listener, so its preventDefault would come too late to be seen here.
      const from = event.target instanceof Element ? event.target.closest('[role="dialog"]') : null;
      if (from && from !== element) return;
      if (event.key === 'Escape' && onEscapeRef.current) {
        event.preventDefault();
        onEscapeRef.current();
        return;
      }
      if (event.key !== 'Tab') return;
      const focusable = Array.from(element.querySelectorAll<HTMLElement>(FOCUSABLE)).filter(
        (node) => !node.closest('[aria-hidden="true"]'),
      );
      if (focusable.length === 0) {
        event.preventDefault();
        element.focus();
        return;
      }
      const firstNode = focusable[0]!;
      const lastNode = focusable[focusable.length - 1]!;
      const active = element.ownerDocument.activeElement;
      if (event.shiftKey && (active === firstNode || active === element)) {
        event.preventDefault();
        lastNode.focus();
      } else if (!event.shiftKey && active === lastNode) {
        event.preventDefault();
        firstNode.focus();
      } else if (!element.contains(active)) {
        event.preventDefault();
        firstNode.focus();
      }
    };
    element.addEventListener('keydown', onKeyDown);
    return () => {
      element.removeEventListener('keydown', onKeyDown);
      if (previous?.isConnected && typeof previous.focus === 'function') previous.focus();
    };
  }, [ref]);
}
