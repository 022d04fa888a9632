// The slim remote entry (remoteEntry.slim.js) runs on the page's federation runtime core, which it reads from
// globalThis._FEDERATION_RUNTIME_CORE. Webpack, Rspack, Rsbuild and Vite hosts get that from their federation plugin's
// `experiments.provideExternalRuntime`; a page that uses only the runtime package adds this plugin to its instance.
import type { ModuleFederationRuntimePlugin } from '@module-federation/enhanced/runtime';
import * as runtimeCore from '@module-federation/runtime/core';

type WithCore = typeof globalThis & { _FEDERATION_RUNTIME_CORE?: unknown };

/** Runtime plugin: lends this page's runtime core before the instance loads any remote (an existing one is kept). */
export function provideRuntimeCore(): ModuleFederationRuntimePlugin {
  return {
    name: 'cashier-provide-runtime-core',
    beforeInit(args) {
      (globalThis as WithCore)._FEDERATION_RUNTIME_CORE ??= runtimeCore;
      return args;
    },
  };
}
