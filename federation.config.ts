import path from 'node:path';
import type { moduleFederationPlugin } from '@module-federation/enhanced';
import pkg from './package.json';

const deps = pkg.dependencies as Record<string, string>;
const singleton = (name: string) => ({ singleton: true, requiredVersion: deps[name] });

/** The remote `cashier` (contract §1). Shared singletons; a host that shares nothing gets our own copies. */
export const federationConfig = (production: boolean): moduleFederationPlugin.ModuleFederationPluginOptions => ({
  name: 'cashier',
  filename: 'remoteEntry.js',
  exposes: {
    './CashierPage': './src/exposes/CashierPage.ts',
    './openCashier': './src/exposes/openCashier.ts',
    './PasswordKeyboard': './src/exposes/PasswordKeyboard.ts',
    './FingerprintVerify': './src/exposes/FingerprintVerify.ts',
    './FaceVerify': './src/exposes/FaceVerify.ts',
    './paymentSlice': './src/exposes/paymentSlice.ts',
  },
  shared: {
    react: singleton('react'),
    'react/': singleton('react'),
    'react-dom': singleton('react-dom'),
    'react-dom/': singleton('react-dom'),
    'react-redux': singleton('react-redux'),
    '@reduxjs/toolkit': singleton('@reduxjs/toolkit'),
    // Not a singleton: a host that already ships axios 1 lends it; otherwise our own copy loads, once, lazily.
    axios: { singleton: false, requiredVersion: deps.axios },
  },
  manifest: true,
  // A development remote names the fix when a host's production React meets its development JSX runtime.
  runtimePlugins: production ? [] : [path.resolve(__dirname, 'src/runtime-plugins/react-build-guard.ts')],
  dts: production ? { generateTypes: { extractThirdParty: false, abortOnError: false }, consumeTypes: false } : false,
  experiments: {
    optimization: { disableSnapshot: true, target: 'web', disableRemote: true },
  },
});
