// Headless host: its own UI, no React; the cashier's flow (cashier/paymentSlice) takes the payment.
import type { Configuration } from 'webpack';
import { hostBuildKind } from '../host-build-kind';
import { hostConfig } from '../host-webpack';

export default (env: unknown, argv: { mode?: string }): Configuration =>
  hostConfig({ dir: __dirname, production: argv.mode !== 'development', kind: hostBuildKind(env), slimEntry: true });
