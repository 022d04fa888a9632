// examples/vite-host in Chromium: see e2e/helpers/bundler-host.ts.
import { bundlerHostSuite } from './helpers/bundler-host';

bundlerHostSuite({ host: 'vite-host', instance: 'vite_host', clientId: 'vite-host', inTree: true });
