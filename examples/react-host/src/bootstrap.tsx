import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { Provider } from 'react-redux';
import { App } from './App';
import { registerCashierRemote } from './cashier-remote';
import { createHostStore } from './store';
import '../../shared/host.css';

// Registering only records the manifest URL: nothing is fetched until the first hover, focus or checkout.
registerCashierRemote();
const store = createHostStore();
const element = document.getElementById('root');
if (element) {
  createRoot(element).render(
    <StrictMode>
      <Provider store={store}>
        <App store={store} />
      </Provider>
    </StrictMode>,
  );
}
