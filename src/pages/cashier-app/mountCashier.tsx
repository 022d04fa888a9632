import { StrictMode } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import type { CashierOptions } from '../../core/types';
import CashierPage from '../cashier-page/CashierPage';

export interface MountedCashier {
  update(options: CashierOptions): void;
  unmount(): void;
}

type InternalOptions = CashierOptions & { onFinished?: () => void; modal?: boolean };

function render(root: Root, options: InternalOptions) {
  root.render(
    <StrictMode>
      <CashierPage {...options} />
    </StrictMode>,
  );
}

/** For hosts that own the element and have no React of their own. */
export function mountCashier(element: Element, options: CashierOptions): MountedCashier {
  if (!element || typeof (element as Element).appendChild !== 'function') throw new TypeError('mountCashier needs a DOM element');
  const root = createRoot(element);
  let mounted = true;
  render(root, options);
  return {
    update(next) {
      if (mounted) render(root, next);
    },
    unmount() {
      if (!mounted) return;
      mounted = false;
      root.unmount();
    },
  };
}

export { render as renderCashierInto };
