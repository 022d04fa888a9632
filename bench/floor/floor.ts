// The floor for Pay → result: the cashier's HTTP calls in the seed's order (pre-verification, pre-order, challenge, pay)
// with fetch, the same rule-base check and RSA-OAEP sealing, the result written into the DOM; no React, no store.
import { encryptPassword } from '../../src/core/password-cipher';
import type { PasswordChallenge, PreverifyResponse } from '../../src/core/service-interfaces';
import { verifyPaymentData } from '../../src/core/verification';
import { benchOptions } from '../standalone/src/bench-options';

const options = benchOptions(window.location.search);
const api = options.apiBaseUrl!.replace(/\/+$/, '');
const { payment } = options;
const root = document.getElementById('root') as HTMLElement;

async function post<T>(path: string, body: unknown, headers: Record<string, string> = {}): Promise<T> {
  const response = await fetch(`${api}${path}`, { method: 'POST', headers: { 'Content-Type': 'application/json', ...headers }, body: JSON.stringify(body) });
  if (!response.ok) throw new Error(`${path}: HTTP ${response.status}`);
  return (await response.json()) as T;
}

function element<K extends keyof HTMLElementTagNameMap>(tag: K, props: Partial<HTMLElementTagNameMap[K]> = {}, ...children: (Node | string)[]) {
  const node = Object.assign(document.createElement(tag), props);
  node.append(...children);
  return node;
}

/** A dialog the probe recognises by its title (aria-labelledby), as it does the cashier's. */
function dialog(title: string, ...children: Node[]): HTMLElement {
  const id = `floor-title-${Math.random().toString(36).slice(2)}`;
  const box = element('div', { role: 'dialog' }, element('h2', { id, textContent: title }), ...children);
  box.setAttribute('aria-labelledby', id);
  return box;
}

function fail(error: unknown): void {
  root.replaceChildren(dialog('Payment failed', element('p', { textContent: error instanceof Error ? error.message : String(error) })));
}

/** Six cells, digit keys 0–9 and delete; the digits live in one byte buffer, the DOM shows only how many. */
function keyboard(preorderId: string, challenge: Promise<PasswordChallenge>): HTMLElement {
  const bytes = new Uint8Array(6);
  let length = 0;
  const cells = Array.from({ length: 6 }, () => element('span', { className: 'floor-cell' }));
  const show = () => {
    for (const [i, cell] of cells.entries()) cell.classList.toggle('cashier-pk-filled', i < length);
  };
  const submit = async () => {
    const sealing = encryptPassword(bytes.subarray(0, length), await challenge);
    bytes.fill(0);
    const encryptedPassword = await sealing;
    const result = await post<{ status: string }>(
      '/pay',
      { preorderId, payment, authentication: { method: 'password', encryptedPassword } },
      { 'Idempotency-Key': crypto.randomUUID() },
    );
    root.replaceChildren(dialog(result.status === 'succeeded' ? 'Payment successful' : 'Payment failed', element('p', { textContent: result.status })));
  };
  const keys = [...'1234567890'].map((digit) =>
    element('button', {
      type: 'button',
      textContent: digit,
      onclick: () => {
        if (length >= 6) return;
        bytes[length++] = digit.charCodeAt(0);
        show();
        if (length === 6) submit().catch(fail);
      },
    }),
  );
  const remove = element('button', {
    type: 'button',
    textContent: '⌫',
    ariaLabel: 'Delete',
    onclick: () => {
      if (length > 0) bytes[--length] = 0;
      show();
    },
  });
  return dialog('Enter payment password', element('div', { className: 'cashier-pk-cells' }, ...cells), ...keys, remove);
}

async function pay(button: HTMLButtonElement): Promise<void> {
  button.disabled = true;
  // S2 is the client's own work in the cashier too: the same rule-base check, nothing more.
  const { verificationData, ruleBase } = await post<PreverifyResponse>('/preverify', { payment });
  if (!verifyPaymentData(payment, verificationData, ruleBase).passed) throw new Error('pre-verification failed');
  const { preorderId } = await post<{ preorderId: string }>('/preorder', { payment });
  const { accountId, orderId, amount, payeeAccount } = payment;
  const challenge = post<PasswordChallenge>('/password/challenge', { accountId, orderId, amount, payeeAccount });
  challenge.catch(fail);
  root.append(keyboard(preorderId, challenge));
}

const payButton = element('button', { type: 'button', textContent: 'Pay' });
payButton.addEventListener('click', () => pay(payButton).catch(fail));
root.append(payButton);
