// Renders the bundler hosts' checkout page into #root, under StrictMode like a real app.
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import type { CashierLoader } from './cashier-loader';
import { HostApp } from './HostApp';
import '../shared/host.css';

export function mountHost(title: string, clientId: string, cashier: CashierLoader): void {
  const element = document.getElementById('root');
  if (!element) throw new Error('The page has no #root element');
  createRoot(element).render(
    <StrictMode>
      <HostApp title={title} clientId={clientId} cashier={cashier} />
    </StrictMode>,
  );
}
