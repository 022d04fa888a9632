// React in the page, CashierPage in a webpack chunk loaded with import(): code splitting without federation.
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { benchOptions, whenAsked } from './bench-options';

const root = createRoot(document.getElementById('root') as HTMLElement);
whenAsked(() => {
  performance.mark('bench:import');
  import(/* webpackChunkName: "cashier-page" */ '../../../src/pages/cashier-page/CashierPage').then(({ default: CashierPage }) => {
    root.render(
      <StrictMode>
        <CashierPage {...benchOptions(window.location.search)} />
      </StrictMode>,
    );
  });
});
