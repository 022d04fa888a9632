// The checkout page of the bundler hosts: an order form, then the cashier in the tree (CashierPage) or as a modal (openCashier).
import { type ChangeEvent, type FormEvent, lazy, Suspense, useCallback, useMemo, useState, useTransition } from 'react';
import type { CashierOptions, PaymentReminder } from '../shared/cashier-types';
import { type CheckoutInput, checkoutDefaults, formatYuan, type HostLocale, parseYuan, toCashierOptions } from '../shared/checkout';
import type { CashierLoader } from './cashier-loader';
import { RemoteBoundary } from './RemoteBoundary';

interface Props {
  title: string;
  clientId: string;
  cashier: CashierLoader;
}

function checkoutLabel(amount: string): string {
  try {
    return `Check out ${formatYuan(parseYuan(amount))}`;
  } catch {
    return 'Check out';
  }
}

const message = (error: unknown) => (error instanceof Error ? error.message : String(error));

export function HostApp({ title, clientId, cashier }: Props) {
  const [input, setInput] = useState<CheckoutInput>(() => checkoutDefaults(window.location.search));
  const [formError, setFormError] = useState<string | null>(null);
  const [inTree, setInTree] = useState<{ id: number; options: CashierOptions } | null>(null);
  const [status, setStatus] = useState('idle');
  const [reminder, setReminder] = useState<PaymentReminder | null>(null);
  const [attempt, setAttempt] = useState(0);
  const [modalOpen, setModalOpen] = useState(false);
  const [opening, startOpening] = useTransition();
  // React.lazy keeps its first promise (a rejection too): each attempt gets a new lazy component.
  // biome-ignore lint/correctness/useExhaustiveDependencies: a new attempt is exactly what asks for a new lazy component
  const CashierPage = useMemo(() => lazy(async () => ({ default: await cashier.loadCashierPage() })), [cashier, attempt]);

  const options = (): CashierOptions | null => {
    try {
      const built = toCashierOptions(input, clientId);
      setFormError(null);
      return built;
    } catch (error) {
      setFormError(message(error));
      return null;
    }
  };

  const received = useCallback((next: PaymentReminder) => {
    setReminder(next);
    setStatus(next.status);
  }, []);

  const checkOut = (event: FormEvent) => {
    event.preventDefault();
    const built = options();
    if (!built) return;
    setReminder(null);
    setStatus('open');
    // Options stay one object for the whole flow: the cashier keys its effects on them.
    startOpening(() => setInTree((previous) => ({ id: (previous?.id ?? 0) + 1, options: { ...built, onReminder: received } })));
  };

  const openModal = async () => {
    const built = options();
    if (!built) return;
    setInTree(null);
    setReminder(null);
    setModalOpen(true);
    setStatus('loading');
    let openCashier: Awaited<ReturnType<CashierLoader['loadOpenCashier']>>;
    try {
      openCashier = await cashier.loadOpenCashier();
    } catch (error) {
      // The next click fetches the remote anew.
      cashier.reset();
      setModalOpen(false);
      setStatus('unavailable');
      setFormError(`The cashier is unavailable: ${message(error)}`);
      return;
    }
    setStatus('open');
    try {
      // Resolves once, when the person closes the modal (a success too: the result stays until they close it).
      received(await openCashier(built));
    } catch (error) {
      setStatus('idle');
      setFormError(message(error));
    } finally {
      setModalOpen(false);
    }
  };

  const retry = () => {
    cashier.reset();
    startOpening(() => setAttempt((n) => n + 1));
  };

  const field = (key: 'accountId' | 'payerAccount' | 'amount') => (event: ChangeEvent<HTMLInputElement>) =>
    setInput({ ...input, [key]: event.target.value });

  return (
    <main className="host">
      <h1>{title}</h1>
      <form className="host-form" aria-label="Order" onSubmit={checkOut}>
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
          <select value={input.locale} onChange={(event) => setInput({ ...input, locale: event.target.value as HostLocale })}>
            <option value="en-US">en-US</option>
            <option value="zh-CN">zh-CN</option>
          </select>
        </label>
        {formError && (
          <p className="host-error" role="alert">
            {formError}
          </p>
        )}
        <button type="submit">{checkoutLabel(input.amount)}</button>
        <button type="button" onClick={openModal} disabled={modalOpen}>
          Open cashier
        </button>
      </form>
      <section className="host-status" aria-label="Payment status">
        <p role="status" data-testid="cashier-status">
          Cashier: {status}
        </p>
        {reminder && <pre data-testid="reminder">{JSON.stringify(reminder, null, 2)}</pre>}
      </section>
      {opening && <p aria-busy="true">Loading the cashier…</p>}
      {/* Mounted before the first checkout: a transition never swaps shown content for this fallback. */}
      <Suspense fallback={<p aria-busy="true">Loading the cashier…</p>}>
        {inTree && (
          <RemoteBoundary key={attempt} onRetry={retry}>
            <CashierPage key={inTree.id} {...inTree.options} />
          </RemoteBoundary>
        )}
      </Suspense>
    </main>
  );
}
