import { createAsyncThunk } from '@reduxjs/toolkit';
import { toApiError } from '../api/api-error';
import { cashierApiFor } from '../api/cashier-api';
import type { CashierResources } from '../core/service-interfaces';
import type { FlowError } from './payment-state';

/** The cashier's page resources: payee name, the account's cards, and which password component to use (by identifier). */
export const loadCashierResources = createAsyncThunk<CashierResources, { apiBaseUrl: string; accountId: string }, { rejectValue: FlowError }>(
  'payment/loadResources',
  async ({ apiBaseUrl, accountId }, { rejectWithValue }) => {
    try {
      return await cashierApiFor(apiBaseUrl).cashierResources(accountId);
    } catch (error) {
      const e = toApiError(error);
      return rejectWithValue({ code: e.code, message: e.message });
    }
  },
);
