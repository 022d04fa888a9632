// A page bundled by esbuild with only @module-federation/runtime: it lends the React it runs and opens ./openCashier.
import { createInstance } from '@module-federation/runtime';
import type { OpenCashierModule } from '../../shared/cashier-types';
import { type CheckoutInput, checkoutDefaults, toCashierOptions } from '../../shared/checkout';
import { manifestTimeout } from '../../shared/manifest-timeout';
import { cashierManifestUrl, DEFAULT_SLIM_MANIFEST_URL, REMOTE_NAME } from '../../shared/remote-manifest';
import { provideRuntimeCore } from '../../shared/runtime-core';
import { sharedReact } from './shared-react';
import '../../shared/host.css';

// No build plugin: this instance is the page's whole federation setup. React is lent, react-redux and Redux Toolkit
// are not (the remote loads its own copies of those two).
const federation = createInstance({
  name: 'runtime_host',
  remotes: [{ name: REMOTE_NAME, entry: cashierManifestUrl(window, DEFAULT_SLIM_MANIFEST_URL) }],
  shared: sharedReact,
  // The React already loaded here wins over the remote's own copy.
  shareStrategy: 'loaded-first',
  // provideRuntimeCore: the slim entry runs on this page's runtime core.
  plugins: [manifestTimeout(), provideRuntimeCore()],
});

const form = document.getElementById('order') as HTMLFormElement;
const button = document.getElementById('open-cashier') as HTMLButtonElement;
const status = document.getElementById('cashier-status') as HTMLElement;
const output = document.getElementById('reminder') as HTMLElement;
const formError = document.getElementById('form-error') as HTMLElement;

function fieldOf(name: string): HTMLInputElement | HTMLSelectElement {
  return form.elements.namedItem(name) as HTMLInputElement | HTMLSelectElement;
}

const defaults = checkoutDefaults(window.location.search);
fieldOf('accountId').value = defaults.accountId;
fieldOf('payerAccount').value = defaults.payerAccount;
fieldOf('amount').value = defaults.amount;
fieldOf('locale').value = defaults.locale;

function readInput(): CheckoutInput {
  return {
    ...defaults,
    accountId: fieldOf('accountId').value,
    payerAccount: fieldOf('payerAccount').value,
    amount: fieldOf('amount').value,
    locale: fieldOf('locale').value === 'zh-CN' ? 'zh-CN' : 'en-US',
  };
}

async function loadOpenCashier(): Promise<OpenCashierModule['openCashier']> {
  const module = await federation.loadRemote<OpenCashierModule>(`${REMOTE_NAME}/openCashier`);
  if (!module) throw new Error('The cashier remote gave nothing for ./openCashier');
  return module.openCashier;
}

function showError(message: string | null): void {
  formError.hidden = message === null;
  formError.textContent = message ?? '';
}

form.addEventListener('submit', async (event) => {
  event.preventDefault();
  let options: ReturnType<typeof toCashierOptions>;
  try {
    options = toCashierOptions(readInput(), 'runtime-host');
  } catch (error) {
    showError(error instanceof Error ? error.message : String(error));
    return;
  }
  showError(null);
  button.disabled = true;
  status.textContent = 'Cashier: loading';
  try {
    const openCashier = await loadOpenCashier();
    status.textContent = 'Cashier: open';
    const reminder = await openCashier(options);
    output.textContent = JSON.stringify(reminder, null, 2);
    status.textContent = `Cashier: ${reminder.status}`;
  } catch (error) {
    // The runtime caches a failed remote: register it again so the next click fetches anew.
    federation.registerRemotes([{ name: REMOTE_NAME, entry: cashierManifestUrl(window, DEFAULT_SLIM_MANIFEST_URL) }], { force: true });
    status.textContent = 'Cashier: unavailable';
    showError(`The cashier is unavailable: ${error instanceof Error ? error.message : String(error)}`);
  } finally {
    button.disabled = false;
    button.focus();
  }
});
