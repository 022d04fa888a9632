// Rsbuild host shell: Rsbuild 2 + @module-federation/rsbuild-plugin; shares the host's React and finds the cashier only at run time.
import path from 'node:path';
import { pluginModuleFederation } from '@module-federation/rsbuild-plugin';
import { defineConfig } from '@rsbuild/core';
import { pluginReact } from '@rsbuild/plugin-react';
import pkg from '../../package.json';
import { DEFAULT_SLIM_MANIFEST_URL } from '../shared/remote-manifest';

const deps = pkg.dependencies as Record<string, string>;
const singleton = (name: string) => ({ singleton: true, requiredVersion: deps[name] });

export default defineConfig({
  root: __dirname,
  source: { entry: { index: './src/index.ts' } },
  html: {
    template: './public/index.html',
    // The build's default remote in <meta name="cashier-remote-manifest">; ?remote= still overrides it at run time.
    templateParameters: { cashierManifest: process.env.CASHIER_REMOTE_MANIFEST ?? DEFAULT_SLIM_MANIFEST_URL },
  },
  output: {
    distPath: { root: path.join(__dirname, 'dist') },
    assetPrefix: '/',
    cleanDistPath: true,
    sourceMap: { js: 'source-map' },
  },
  performance: { chunkSplit: { strategy: 'split-by-experience' } },
  plugins: [
    pluginReact(),
    pluginModuleFederation({
      name: 'rsbuild_host',
      // No build-time `remotes`: src/cashier-remote.ts registers the remote from its manifest URL at run time.
      remotes: {},
      shared: {
        react: singleton('react'),
        'react/': singleton('react'),
        'react-dom': singleton('react-dom'),
        'react-dom/': singleton('react-dom'),
      },
      shareStrategy: 'loaded-first',
      // Lends this runtime's core to the slim remote entry (remoteEntry.slim.js).
      experiments: { provideExternalRuntime: true },
      dts: false,
      manifest: false,
    }),
  ],
});
