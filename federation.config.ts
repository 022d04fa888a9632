import path from 'node:path';
import type { moduleFederationPlugin } from '@module-federation/enhanced';
import pkg from './package.json';

const deps = pkg.dependencies as Record<string, string>;

/**
 * What the remote asks of a host's shared copy: the ranges its code runs on, not the caret of our own lock.
 * react-redux ^9.1.0: the cashier's typed hooks use `useDispatch.withTypes` (added in 9.1.0).
 */
export const HOST_RANGES = {
  react: '^18.2.0 || ^19.0.0',
  'react-dom': '^18.2.0 || ^19.0.0',
  'react-redux': '^9.1.0',
  '@reduxjs/toolkit': '^2.0.0',
} as const;

/**
 * Subpaths the remote's code and its React copies import. The `react/` and `react-dom/` prefix entries below cover
 * them in the build, but the manifest drops `singleton` for prefix matches, so they are listed by name as well.
 */
export const REACT_SUBPATHS = ['react/jsx-runtime', 'react/jsx-dev-runtime', 'react-dom/client'] as const;

const singleton = (range: string) => ({ singleton: true, requiredVersion: range });

/** `full`: remoteEntry.js with the federation runtime in it. `slim`: remoteEntry.slim.js on the host's runtime. */
export type RemoteVariant = 'full' | 'slim';

/** The entry file and manifest of each variant (docs/hosting.md, "Two entries"). */
export const REMOTE_FILES = {
  full: { entry: 'remoteEntry.js', manifest: 'mf-manifest.json' },
  slim: { entry: 'remoteEntry.slim.js', manifest: 'mf-manifest.slim.json' },
} as const;

/** The remote `cashier` (docs/api.md, Federation). Shared singletons; a host sharing nothing gets our own copies. */
export const federationConfig = (production: boolean, variant: RemoteVariant = 'full'): moduleFederationPlugin.ModuleFederationPluginOptions => ({
  name: 'cashier',
  filename: REMOTE_FILES[variant].entry,
  exposes: {
    './CashierPage': './src/exposes/CashierPage.ts',
    './openCashier': './src/exposes/openCashier.ts',
    './PasswordKeyboard': './src/exposes/PasswordKeyboard.ts',
    './FingerprintVerify': './src/exposes/FingerprintVerify.ts',
    './FaceVerify': './src/exposes/FaceVerify.ts',
    './paymentSlice': './src/exposes/paymentSlice.ts',
  },
  shared: {
    react: singleton(HOST_RANGES.react),
    'react/': singleton(HOST_RANGES.react),
    'react-dom': singleton(HOST_RANGES['react-dom']),
    'react-dom/': singleton(HOST_RANGES['react-dom']),
    ...Object.fromEntries(REACT_SUBPATHS.map((key) => [key, singleton(HOST_RANGES[key.startsWith('react-dom/') ? 'react-dom' : 'react'])])),
    'react-redux': singleton(HOST_RANGES['react-redux']),
    '@reduxjs/toolkit': singleton(HOST_RANGES['@reduxjs/toolkit']),
    // Not a singleton: a host that already ships axios 1 lends it; otherwise our own copy loads, once, lazily.
    axios: { singleton: false, requiredVersion: deps.axios },
  },
  manifest: variant === 'full' ? true : { fileName: REMOTE_FILES.slim.manifest },
  // A development remote names the fix when a host's production React meets its development JSX runtime.
  runtimePlugins: production ? [] : [path.resolve(__dirname, 'src/runtime-plugins/react-build-guard.ts')],
  // One set of types for both entries: the full build writes them.
  dts: production && variant === 'full' ? { generateTypes: { extractThirdParty: false, abortOnError: false }, consumeTypes: false } : false,
  experiments: {
    optimization: { disableSnapshot: true, target: 'web', disableRemote: true },
    // The slim entry takes @module-federation/runtime-core from the host (globalThis._FEDERATION_RUNTIME_CORE).
    externalRuntime: variant === 'slim',
  },
});
