// A host that draws its own UI and drives the cashier's flow headless: cashier/paymentSlice's store, thunks and
// selectors decide the payment; this page only renders the phase and collects six digits in memory.
import { createInstance } from '@module-federation/enhanced/runtime';
import type { PaymentSliceModule } from '../../shared/cashier-types';
import { checkoutDefaults, formatYuan, toCashierOptions } from '../../shared/checkout';
import { manifestTimeout } from '../../shared/manifest-timeout';
import { provideRuntimeCore } from '../../shared/runtime-core';
import { cashierManifestUrl, REMOTE_NAME } from '../../shared/remote-manifest';
import '../../shared/host.css';

const federation = createInstance({
  name: 'headless_host',
  remotes: [{ name: REMOTE_NAME, entry: cashierManifestUrl() }],
  shared: {},
  // Shares no package, but lends its runtime core: it loads the slim entry.
  plugins: [manifestTimeout(), provideRuntimeCore()],
});

const byId = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;
const payButton = byId<HTMLButtonElement>('pay');
const keypad = byId<HTMLElement>('keypad');
const keys = byId<HTMLElement>('keys');
const digitsLine = byId<HTMLElement>('digits');
const phaseLine = byId<HTMLElement>('phase');
const reminderOut = byId<HTMLElement>('reminder');

// The options the other hosts pass to openCashier; here only their payment and locale are used.
const options = toCashierOptions({ ...checkoutDefaults(window.location.search), locale: 'en-US' }, 'headless-host');
const { amount, payeeAccount, payerAccount } = options.payment;
byId('order-line').textContent = `Order: ${formatYuan(amount.amount)} to ${payeeAccount}, card ending ${payerAccount.slice(-4)}`;
payButton.textContent = `Pay ${formatYuan(amount.amount)}`;

async function start(): Promise<void> {
  const cashier = await federation.loadRemote<PaymentSliceModule>(`${REMOTE_NAME}/paymentSlice`);
  if (!cashier) throw new Error('The cashier remote gave nothing for ./paymentSlice');
  const apiBaseUrl = new URL('/api/cashier', cashierManifestUrl()).href;
  const store = cashier.createCashierStore({
    apiBaseUrl,
    hooks: { onReminder: (reminder) => (reminderOut.textContent = JSON.stringify(reminder, null, 2)) },
  });
  const render = () => {
    const state = store.getState().payment;
    const detail = state.result?.paymentId ?? state.result?.code ?? state.error?.code ?? '';
    phaseLine.textContent = `Phase: ${state.phase}${detail ? ` (${detail})` : ''}`;
    keypad.hidden = state.phase !== 'awaitingAuthentication';
    payButton.disabled = state.phase === 'preverifying' || state.phase === 'paying' || state.phase === 'recovering';
  };
  store.subscribe(render);
  store.dispatch(cashier.startFlow({ payment: options.payment, locale: 'en-US' }));
  render();

  // The password is character codes in memory only; sealed the moment the sixth digit is in, then zeroed.
  const digits = new Uint8Array(6);
  let count = 0;
  const showCount = () => (digitsLine.textContent = `${count} of 6 digits`);
  for (const digit of '1234567890') {
    const key = document.createElement('button');
    key.type = 'button';
    key.textContent = digit;
    key.addEventListener('click', async () => {
      if (count >= 6) return;
      digits[count++] = digit.charCodeAt(0);
      showCount();
      if (count < 6) return;
      try {
        const challenge = await store.dispatch(cashier.requestPasswordChallenge());
        const encryptedPassword = await cashier.encryptPassword(digits, challenge);
        await store.dispatch(cashier.payWith({ method: 'password', encryptedPassword }));
      } finally {
        digits.fill(0);
        count = 0;
        showCount();
      }
    });
    keys.appendChild(key);
  }
  payButton.addEventListener('click', () => {
    void store.dispatch(cashier.pay({ method: 'password' }));
  });
}

start().catch((error) => {
  phaseLine.textContent = `The cashier is unavailable: ${error instanceof Error ? error.message : String(error)}`;
});
