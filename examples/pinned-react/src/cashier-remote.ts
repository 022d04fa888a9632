// The cashier remote for the pinned-React hosts: registered from its manifest URL at run time, loaded on first use.
import { loadRemote, registerPlugins, registerRemotes } from '@module-federation/enhanced/runtime';
import type { CashierPageModule, OpenCashierModule } from '../../shared/cashier-types';
import { manifestTimeout } from '../../shared/manifest-timeout';
import { cashierManifestUrl, REMOTE_NAME } from '../../shared/remote-manifest';

/** Records the manifest URL with the runtime instance the build plugin created; fetches nothing yet. */
export function registerCashierRemote(): void {
  registerPlugins([manifestTimeout()]);
  registerRemotes([{ name: REMOTE_NAME, entry: cashierManifestUrl() }]);
}

async function load<T>(expose: string): Promise<T> {
  const module = await loadRemote<T>(`${REMOTE_NAME}/${expose}`);
  if (!module) throw new Error(`The cashier remote gave nothing for ./${expose}`);
  return module;
}

export const loadCashierPage = () => load<CashierPageModule>('CashierPage');
export const loadOpenCashier = async () => (await load<OpenCashierModule>('openCashier')).openCashier;
