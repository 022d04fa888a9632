import { useSelector } from 'react-redux';
import { type HostState, selectLastReminder, selectPaymentPhase } from './store';

/** What the host learns from its own store: the injected slice's phase and the last reminder (S5). */
export function PaymentStatus() {
  const phase = useSelector((state: HostState) => selectPaymentPhase(state));
  const reminder = useSelector(selectLastReminder);
  return (
    <section className="host-status" aria-label="Payment status">
      <p role="status" data-testid="payment-phase">
        Payment state: {phase ?? 'not started'}
      </p>
      {/* Always there, at a fixed height: the reminder arriving must not move the cashier below (no layout shift). */}
      <pre data-testid="reminder" className="host-reminder">
        {reminder ? JSON.stringify(reminder, null, 2) : 'No reminder yet'}
      </pre>
    </section>
  );
}
