import { lazy, Suspense, useMemo, useState, version } from 'react';
import type { CashierOptions, PaymentReminder } from '../../shared/cashier-types';
import { checkoutDefaults, formatYuan, parseYuan, toCashierOptions } from '../../shared/checkout';
import { loadCashierPage, loadOpenCashier } from './cashier-remote';
import { RemoteBoundary } from './RemoteBoundary';

/** The host's own React (the pinned copy it lends to the cashier), e.g. 'react-18.3.1-host'. */
const CLIENT_ID = `react-${version}-host`;

/**
 * The two ways a React host takes a payment, on the host's React: `CashierPage` rendered in this tree, and
 * `openCashier()`, the remote's modal in a root of its own (which still runs on the lent React).
 */
export function App() {
  const input = useMemo(() => checkoutDefaults(window.location.search), []);
  const [page, setPage] = useState<{ id: number; options: CashierOptions } | null>(null);
  const [pageReminder, setPageReminder] = useState<PaymentReminder | null>(null);
  const [modalReminder, setModalReminder] = useState<PaymentReminder | null>(null);
  const [modalState, setModalState] = useState('closed');
  // One lazy component for the page's lifetime: React.lazy caches the loaded module.
  const CashierPage = useMemo(() => lazy(loadCashierPage), []);
  const amount = formatYuan(parseYuan(input.amount));

  const checkOut = () => {
    setPageReminder(null);
    setPage((previous) => ({ id: (previous?.id ?? 0) + 1, options: { ...toCashierOptions(input, CLIENT_ID), onReminder: setPageReminder } }));
  };

  const openModal = async () => {
    setModalReminder(null);
    setModalState('loading');
    try {
      const openCashier = await loadOpenCashier();
      setModalState('open');
      const reminder = await openCashier(toCashierOptions(input, CLIENT_ID));
      setModalReminder(reminder);
      setModalState(reminder.status);
    } catch (error) {
      setModalState(`unavailable: ${error instanceof Error ? error.message : String(error)}`);
    }
  };

  return (
    <main className="host">
      <h1>React {version} host</h1>
      <p data-testid="host-react-version">React {version}</p>
      <section className="host-form" aria-label="Order">
        <p>
          {input.accountId}, card {input.payerAccount}, {amount}
        </p>
        <button type="button" onClick={checkOut}>
          Check out {amount}
        </button>
        <button type="button" onClick={openModal} disabled={modalState === 'loading' || modalState === 'open'}>
          Open cashier
        </button>
      </section>
      <section className="host-status" aria-label="Payment status">
        <p role="status" data-testid="cashier-status">
          Cashier: {modalState}
        </p>
        {modalReminder && <pre data-testid="reminder">{JSON.stringify(modalReminder, null, 2)}</pre>}
        {pageReminder && <pre data-testid="page-reminder">{JSON.stringify(pageReminder, null, 2)}</pre>}
      </section>
      {page && (
        <RemoteBoundary>
          <Suspense fallback={<p aria-busy="true">Loading the cashier…</p>}>
            <CashierPage key={page.id} {...page.options} />
          </Suspense>
        </RemoteBoundary>
      )}
    </main>
  );
}
