// A host shell built on one pinned React (an npm alias such as react-18 → react@18.3.1) that it lends to the cashier.
import path from 'node:path';
import { ModuleFederationPlugin } from '@module-federation/enhanced/webpack';
import type { Configuration } from 'webpack';
import type { HostBuildKind } from '../host-build-kind';
import { hostConfig } from '../host-webpack';

export interface PinnedReactHost {
  /** The host's folder, e.g. examples/react18-host. */
  dir: string;
  /** Federation container name, e.g. 'react18_host'. */
  name: string;
  /** npm alias names of the pinned copies in the root devDependencies. */
  react: string;
  reactDom: string;
  production: boolean;
  kind?: HostBuildKind;
}

/** The keys the remote consumes from React: a host that lends React must provide every one of them. */
export const LENT_KEYS = ['react', 'react/jsx-runtime', 'react-dom', 'react-dom/client'] as const;

const packageDir = (alias: string) => path.dirname(require.resolve(`${alias}/package.json`));
const versionOf = (alias: string): string => (require(`${alias}/package.json`) as { version: string }).version;

/** `shared` entries that put the pinned copy (not the root's React 19.x) into the share scope under its own version. */
export function pinnedReactShared(host: Pick<PinnedReactHost, 'react' | 'reactDom'>) {
  const source = { react: host.react, 'react-dom': host.reactDom } as const;
  return Object.fromEntries(
    LENT_KEYS.map((key) => {
      const [pkg, ...rest] = key.split('/') as ['react' | 'react-dom', ...string[]];
      const version = versionOf(source[pkg]);
      // eager: false: src/index.ts is an async boundary, so the share scope is settled before React is imported.
      return [key, { singleton: true, eager: false, import: [source[pkg], ...rest].join('/'), version, requiredVersion: version }];
    }),
  );
}

export function pinnedReactHostConfig(host: PinnedReactHost): Configuration {
  const config = hostConfig({
    dir: host.dir,
    production: host.production,
    kind: host.kind,
    slimEntry: true,
    plugins: [
      new ModuleFederationPlugin({
        name: host.name,
        // Registered at run time from the manifest URL (src/cashier-remote.ts), as in examples/react-host.
        remotes: {},
        shared: pinnedReactShared(host),
        // The host's React, loaded first, wins over the remote's own copies.
        shareStrategy: 'loaded-first',
        dts: false,
        manifest: false,
        // Lends this runtime's core to the slim remote entry (remoteEntry.slim.js).
        experiments: { provideExternalRuntime: true },
      }),
    ],
  });
  // Every `react…` / `react-dom…` request in this build (the host's code, react-dom's own `require('react')`) gets
  // the pinned copy; the shared entries above then lend that copy under its real version.
  config.resolve = {
    ...config.resolve,
    alias: { react: packageDir(host.react), 'react-dom': packageDir(host.reactDom) },
  };
  // Always write index.html: examples/build-hosts.ts takes its mtime as the build's, and an unchanged page (no hashed
  // names in a development build) would otherwise stay old and have this host rebuilt on every test run.
  config.output = { ...config.output, compareBeforeEmit: false };
  // A development host stays one even under `webpack --mode production` (examples/build-hosts.ts builds all hosts
  // in one run): React's development copy, unminified, with the JSX of hostConfig's development swc rule.
  if (!host.production) {
    config.mode = 'development';
    config.optimization = { ...config.optimization, nodeEnv: 'development', minimize: false };
  }
  return config;
}
