import { useCallback, useEffect, useRef } from 'react';
import type { FinalStatus, PaymentReminder } from '../../core/types';
import { flowEnded } from '../../store/paymentSlice';
import { useTracker } from '../../tracking/TrackerContext';
import { useCashier } from './cashier-context';
import { useCashierDispatch, useCashierSelector, useCashierStore } from './hooks';
import { reminderFromState } from './reminder';

/**
 * Ends the flow once: builds the reminder (S5), records it in the slice, mirrors it as a buried point and
 * hands it to the host. Success ends the flow as soon as it is known; the other outcomes when the
 * person closes the dialog (they may still try again before that).
 */
export function useFlowEnd(onReminder?: (reminder: PaymentReminder) => void): (status: FinalStatus) => void {
  const store = useCashierStore();
  const dispatch = useCashierDispatch();
  const tracker = useTracker();
  const { t } = useCashier();
  const onReminderRef = useRef(onReminder);
  onReminderRef.current = onReminder;
  const endedFlow = useRef<number | null>(null);

  const endFlow = useCallback(
    (status: FinalStatus) => {
      const state = store.getState().payment;
      if (endedFlow.current === state.flowId) return;
      const reminder = reminderFromState(state, status, t);
      if (!reminder) return;
      endedFlow.current = state.flowId;
      dispatch(flowEnded(reminder));
      tracker.track('payment_result', { pageId: 'cashier', status, method: reminder.method, code: reminder.code });
      try {
        onReminderRef.current?.(reminder);
      } catch {
        // A host callback that throws must not break the cashier.
      }
    },
    [store, dispatch, tracker, t],
  );

  const phase = useCashierSelector((s) => s.payment.phase);
  useEffect(() => {
    if (phase === 'succeeded') endFlow(phase);
  }, [phase, endFlow]);
  return endFlow;
}
