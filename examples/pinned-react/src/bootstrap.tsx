import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
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
