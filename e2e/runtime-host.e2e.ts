// examples/runtime-host in Chromium: see e2e/helpers/bundler-host.ts.
import { bundlerHostSuite } from './helpers/bundler-host';

bundlerHostSuite({ host: 'runtime-host', instance: 'runtime_host', clientId: 'runtime-host', inTree: false });
