// CashierPage bundled directly into the page: no federation, no code splitting of the page itself.
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import CashierPage from '../../../src/pages/cashier-page/CashierPage';
import { benchOptions, whenAsked } from './bench-options';

const root = createRoot(document.getElementById('root') as HTMLElement);
whenAsked(() => {
  performance.mark('bench:render');
  root.render(
    <StrictMode>
      <CashierPage {...benchOptions(window.location.search)} />
    </StrictMode>,
  );
});
