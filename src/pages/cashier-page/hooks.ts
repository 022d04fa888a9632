import { createContext, useContext } from 'react';
import { useSelector } from 'react-redux';
import type { CashierServices } from '../../store/cashier-services';
import type { FlowDispatch } from '../../store/createCashierStore';
import type { RootWithPayment } from '../../store/thunk-types';

// Typed hooks (redux-templates style). The view selects state and dispatches the flow's intents, nothing else.
export const useCashierSelector = useSelector.withTypes<RootWithPayment>();

export interface FlowBinding {
  dispatch: FlowDispatch;
  services: CashierServices;
}

export const FlowContext = createContext<FlowBinding | null>(null);

function useFlowBinding(): FlowBinding {
  const binding = useContext(FlowContext);
  if (!binding) throw new Error('The cashier flow is used outside CashierProviders');
  return binding;
}

/** The flow's dispatch: thunks get the flow's services, actions pass its listeners (own store or host store alike). */
export const useFlowDispatch = (): FlowDispatch => useFlowBinding().dispatch;

/** The enrolment token a password payment of this flow earned; held outside the store. */
export const useEnrollmentToken = (flowId: number): string | undefined => useFlowBinding().services.vault.enrollmentToken(flowId);
