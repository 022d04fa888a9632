// The payment every bench page asks for: acct-alice, ¥100.00, en-US, against the mock named by ?api=.
import type { CashierOptions } from '../../../src/core/types';

let sequence = 0;

export function benchOptions(search: string): CashierOptions {
  const api = new URLSearchParams(search).get('api');
  if (!api) throw new Error('The bench page needs ?api=<mock payment server base URL>');
  sequence += 1;
  return {
    clientId: 'bench',
    locale: 'en-US',
    apiBaseUrl: api,
    methods: ['password'],
    payment: {
      orderId: `bench-${Date.now().toString(36)}-${sequence}`,
      accountId: 'acct-alice',
      payerAccount: '6222020000000000018',
      payeeAccount: 'merchant-001',
      amount: { amount: 10_000, currency: 'CNY' },
    },
  };
}

/** Renders when the page loads, or on a click of #open with ?trigger=click. */
export function whenAsked(render: () => void): void {
  if (new URLSearchParams(window.location.search).get('trigger') !== 'click') {
    render();
    return;
  }
  const button = document.getElementById('open') as HTMLButtonElement;
  button.hidden = false;
  button.addEventListener('click', () => {
    button.hidden = true;
    render();
  });
}
