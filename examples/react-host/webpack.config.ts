// React host shell: shares React, react-redux and Redux Toolkit as singletons; finds the cashier remote only at run time.
import { ModuleFederationPlugin } from '@module-federation/enhanced/webpack';
import type { Configuration } from 'webpack';
import pkg from '../../package.json';
import { hostBuildKind } from '../host-build-kind';
import { hostConfig } from '../host-webpack';

const deps = pkg.dependencies as Record<string, string>;
// eager: false: the async boundary in src/index.ts lets the share scope settle before React is imported.
const singleton = (name: string) => ({ singleton: true, eager: false, requiredVersion: deps[name] });

export default (env: unknown, argv: { mode?: string }): Configuration =>
  hostConfig({
    dir: __dirname,
    production: argv.mode !== 'development',
    kind: hostBuildKind(env),
    slimEntry: true,
    plugins: [
      new ModuleFederationPlugin({
        name: 'react_host',
        // No build-time `remotes`: src/cashier-remote.ts registers the remote from its manifest URL at run time,
        // so a missing remote can break neither this build nor the page's startup.
        remotes: {},
        shared: {
          react: singleton('react'),
          'react/': singleton('react'),
          'react-dom': singleton('react-dom'),
          'react-dom/': singleton('react-dom'),
          'react-redux': singleton('react-redux'),
          '@reduxjs/toolkit': singleton('@reduxjs/toolkit'),
        },
        // Already-loaded copies win: the host's React, never a second one from a remote.
        shareStrategy: 'loaded-first',
        dts: false,
        manifest: false,
        // Lends this runtime's core to the slim remote entry (remoteEntry.slim.js).
        experiments: { provideExternalRuntime: true },
      }),
    ],
  });
