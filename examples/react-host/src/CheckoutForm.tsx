import type { ChangeEvent, FormEvent } from 'react';
import { type CheckoutInput, formatYuan, type HostLocale, parseYuan } from '../../shared/checkout';

interface Props {
  input: CheckoutInput;
  onChange: (input: CheckoutInput) => void;
  onCheckout: () => void;
  /** Hover/focus on the checkout button: fetch the remote before the click. */
  onIntent: () => void;
  error: string | null;
}

function amountLabel(amount: string): string {
  try {
    return `Check out ${formatYuan(parseYuan(amount))}`;
  } catch {
    return 'Check out';
  }
}

/** The host's order: who pays, with which card, how much, in which language. */
export function CheckoutForm({ input, onChange, onCheckout, onIntent, error }: Props) {
  const field = (key: 'accountId' | 'payerAccount' | 'amount') => (event: ChangeEvent<HTMLInputElement>) =>
    onChange({ ...input, [key]: event.target.value });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onCheckout();
  };
  return (
    <form className="host-form" aria-label="Order" onSubmit={submit}>
      <label>
        Payer account ID
        <input value={input.accountId} onChange={field('accountId')} autoComplete="off" />
      </label>
      <label>
        Payer card
        <input value={input.payerAccount} onChange={field('payerAccount')} inputMode="numeric" autoComplete="off" />
      </label>
      <label>
        Order amount (CNY)
        <input value={input.amount} onChange={field('amount')} inputMode="decimal" autoComplete="off" />
      </label>
      <label>
        Cashier locale
        <select value={input.locale} onChange={(event) => onChange({ ...input, locale: event.target.value as HostLocale })}>
          <option value="en-US">en-US</option>
          <option value="zh-CN">zh-CN</option>
        </select>
      </label>
      {error && (
        <p className="host-error" role="alert">
          {error}
        </p>
      )}
      <button type="submit" onMouseEnter={onIntent} onFocus={onIntent}>
        {amountLabel(input.amount)}
      </button>
    </form>
  );
}
