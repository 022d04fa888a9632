// What a bundler host hands the shared UI: how to load the two exposes through its own federation runtime.
import type { ComponentType } from 'react';
import type { CashierOptions, OpenCashierModule } from '../shared/cashier-types';

export interface CashierLoader {
  /** `cashier/CashierPage`, rendered in the host's React tree. */
  loadCashierPage(): Promise<ComponentType<CashierOptions>>;
  /** `cashier/openCashier`: a modal the remote mounts in document.body. */
  loadOpenCashier(): Promise<OpenCashierModule['openCashier']>;
  /** Drops what the runtime cached about the remote, so the next load fetches anew. */
  reset(): void;
}
