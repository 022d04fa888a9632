import { useDispatch, useSelector, useStore } from 'react-redux';
import type { CashierDispatch, CashierRootState, CashierStore } from '../../store/createCashierStore';

// Typed hooks (redux-templates style).
export const useCashierDispatch = useDispatch.withTypes<CashierDispatch>();
export const useCashierSelector = useSelector.withTypes<CashierRootState>();
export const useCashierStore = useStore.withTypes<CashierStore>();
