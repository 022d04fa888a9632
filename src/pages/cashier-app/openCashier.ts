import { createRoot } from 'react-dom/client';
import type { CashierOptions, PaymentReminder } from '../../core/types';
import { pageTranslator } from '../../i18n/page-messages';
import { renderCashierInto } from './mountCashier';
import { isolate } from './shadow-root';

let open = false;

/**
 * Renders the cashier as a modal dialog into document.body and resolves once, with the reminder, when the
 * flow ends; everything it added is removed then. One at a time. In a shadow root unless options.isolation is 'none'.
 */
export function openCashier(options: CashierOptions): Promise<PaymentReminder> {
  if (open) return Promise.reject(new Error('openCashier: a cashier is already open; wait for its promise before opening another'));
  if (!options || typeof options !== 'object' || !options.payment) {
    return Promise.reject(new TypeError('openCashier: options.payment is required'));
  }
  open = true;
  const container = document.createElement('div');
  container.setAttribute('data-cashier-modal', '');
  document.body.appendChild(container);
  const isolated = isolate(container, options.isolation);
  const root = createRoot(isolated.container);

  return new Promise<PaymentReminder>((resolve) => {
    let reminder: PaymentReminder | null = null;
    let closed = false;
    const close = () => {
      if (closed) return;
      closed = true;
      // Unmount after the current event finishes so React is not torn down inside its own handler.
      queueMicrotask(() => {
        root.unmount();
        isolated.dispose();
        container.remove();
        open = false;
        resolve(reminder ?? cancelledReminder(options));
      });
    };
    renderCashierInto(root, {
      ...options,
      modal: true,
      onReminder: (r) => {
        reminder = r;
        options.onReminder?.(r);
      },
      onFinished: close,
    });
  });
}

function cancelledReminder(options: CashierOptions): PaymentReminder {
  const t = pageTranslator(options.locale === 'en-US' ? 'en-US' : 'zh-CN');
  return {
    status: 'cancelled',
    orderId: String(options.payment?.orderId ?? ''),
    amount: { amount: Number(options.payment?.amount?.amount ?? 0), currency: String(options.payment?.amount?.currency ?? '') },
    message: t('cancelled'),
    at: new Date().toISOString(),
  };
}
