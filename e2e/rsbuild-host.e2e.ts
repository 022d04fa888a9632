// examples/rsbuild-host in Chromium: see e2e/helpers/bundler-host.ts.
import { bundlerHostSuite } from './helpers/bundler-host';

bundlerHostSuite({ host: 'rsbuild-host', instance: 'rsbuild_host', clientId: 'rsbuild-host', inTree: true });
