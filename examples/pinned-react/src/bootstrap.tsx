import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
// Lent to the cashier, whose JSX needs it: a development build of this host compiles its own JSX to
// react/jsx-dev-runtime, and a key the host never imports is not provided (the cashier would take React 19's).
import 'react/jsx-runtime';
import { App } from './App';
import { registerCashierRemote } from './cashier-remote';
import '../../shared/host.css';

registerCashierRemote();
const element = document.getElementById('root');
if (element) {
  createRoot(element).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
}
