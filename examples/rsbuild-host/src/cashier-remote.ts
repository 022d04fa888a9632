// The cashier remote, registered from its manifest at run time through the runtime instance the Rsbuild federation plugin created.
import { loadRemote, registerPlugins, registerRemotes } from '@module-federation/enhanced/runtime';
import type { CashierLoader } from '../../shared-react/cashier-loader';
import type { CashierPageModule, OpenCashierModule } from '../../shared/cashier-types';
import { manifestTimeout } from '../../shared/manifest-timeout';
import { cashierManifestUrl, DEFAULT_SLIM_MANIFEST_URL, REMOTE_NAME } from '../../shared/remote-manifest';

async function load<T>(expose: string): Promise<T> {
  const module = await loadRemote<T>(`${REMOTE_NAME}/${expose}`);
  if (!module) throw new Error(`The cashier remote gave nothing for ./${expose}`);
  return module;
}

export function cashierLoader(): CashierLoader {
  const entry = cashierManifestUrl(window, DEFAULT_SLIM_MANIFEST_URL);
  registerPlugins([manifestTimeout()]);
  // A manifest entry: the runtime reads the remote's type ('global', a webpack container) from it.
  registerRemotes([{ name: REMOTE_NAME, entry }]);
  return {
    loadCashierPage: async () => (await load<CashierPageModule>('CashierPage')).default,
    loadOpenCashier: async () => (await load<OpenCashierModule>('openCashier')).openCashier,
    reset: () => registerRemotes([{ name: REMOTE_NAME, entry }], { force: true }),
  };
}
