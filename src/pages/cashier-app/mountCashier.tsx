import { StrictMode } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import type { CashierOptions } from '../../core/types';
import CashierPage from '../cashier-page/CashierPage';
import { isolate } from './shadow-root';

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
  // The shadow root hangs on a div of our own: any host element works, and the host's element keeps its own DOM.
  const shadowHost = options?.isolation === 'none' ? null : element.ownerDocument.createElement('div');
  if (shadowHost) {
    shadowHost.setAttribute('data-cashier-mount', '');
    element.appendChild(shadowHost);
  }
  const isolated = isolate(shadowHost ?? element, options?.isolation);
  const root = createRoot(isolated.container);
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
      isolated.dispose();
      shadowHost?.remove();
    },
  };
}

export { render as renderCashierInto };
