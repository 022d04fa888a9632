// Vite host shell: Vite 8 + @module-federation/vite; shares the host's React and finds the cashier only at run time.
import { federation } from '@module-federation/vite';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';
import pkg from '../../package.json' with { type: 'json' };

const deps = pkg.dependencies as Record<string, string>;
const singleton = (name: string) => ({ singleton: true, requiredVersion: deps[name] });

/**
 * The build's default remote in <meta name="cashier-remote-manifest">; ?remote= still overrides it at run time.
 * Left empty without CASHIER_REMOTE_MANIFEST: the page then uses examples/shared/remote-manifest.ts's default.
 */
const manifestMeta = (): Plugin => ({
  name: 'cashier-manifest-meta',
  transformIndexHtml: (html) => html.replace('%CASHIER_REMOTE_MANIFEST%', process.env.CASHIER_REMOTE_MANIFEST ?? ''),
});

export default defineConfig({
  root: import.meta.dirname,
  base: '/',
  // The examples' own .env files are not wanted: the remote URL is run-time data.
  envDir: false,
  logLevel: 'warn',
  plugins: [
    react(),
    federation({
      name: 'vite_host',
      // No build-time `remotes`: src/cashier-remote.ts registers the remote from its manifest URL at run time.
      // (A build-time entry pointing at this webpack remote would need `type: 'var'`.)
      remotes: {},
      shared: {
        react: singleton('react'),
        'react-dom': singleton('react-dom'),
      },
      shareStrategy: 'loaded-first',
      // Lends this runtime's core to the slim remote entry (remoteEntry.slim.js).
      experiments: { provideExternalRuntime: true },
      dts: false,
    }),
    manifestMeta(),
  ],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: true,
    // The federation plugin's generateBundle takes about a second: not worth a timing report on every build.
    rolldownOptions: { checks: { bundlerTimings: false } },
  },
});
