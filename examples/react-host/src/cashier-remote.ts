// The cashier remote, registered from its manifest at run time through the runtime instance the build plugin created.
import { loadRemote, preloadRemote, registerPlugins, registerRemotes } from '@module-federation/enhanced/runtime';
import type { ComponentType } from 'react';
import type { CashierOptions, CashierPageModule, PaymentSliceModule } from '../../shared/cashier-types';
import { manifestTimeout } from '../../shared/manifest-timeout';
import { cashierManifestUrl, REMOTE_NAME } from '../../shared/remote-manifest';

export interface CashierRemote {
  CashierPage: ComponentType<CashierOptions>;
  paymentSlice: PaymentSliceModule['paymentSlice'];
}

let manifestUrl: string | null = null;
let preloading: Promise<void> | null = null;

/**
 * Registers the remote. `force` drops what the runtime holds about it (manifest, container, share-scope entries),
 * so a retry reads the manifest again and follows a release or rollback made during the outage.
 */
export function registerCashierRemote(force = false): string {
  if (manifestUrl === null) registerPlugins([manifestTimeout()]);
  manifestUrl ??= cashierManifestUrl();
  registerRemotes([{ name: REMOTE_NAME, entry: manifestUrl }], { force });
  if (force) preloading = null;
  return manifestUrl;
}

async function load<T>(expose: string): Promise<T> {
  const module = await loadRemote<T>(`${REMOTE_NAME}/${expose}`);
  if (!module) throw new Error(`The cashier remote gave nothing for ./${expose}`);
  return module;
}

/** The page and the slice it keeps its state in (the host injects the slice into its own store). */
export async function loadCashierRemote(): Promise<CashierRemote> {
  const [page, slice] = await Promise.all([
    load<CashierPageModule>('CashierPage'),
    load<PaymentSliceModule>('paymentSlice'),
  ]);
  return { CashierPage: page.default, paymentSlice: slice.paymentSlice };
}

/** Warms the manifest, remoteEntry.js and the first chunks (hover/focus on checkout); a failure is left to the real load. */
export function preloadCashierRemote(): void {
  if (preloading) return;
  preloading = preloadRemote([
    { nameOrAlias: REMOTE_NAME, exposes: ['./CashierPage', './paymentSlice'], resourceCategory: 'sync' },
  ]).catch(() => {
    // Hovering again may try again; the load itself shows the error.
    preloading = null;
  });
}
