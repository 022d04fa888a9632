// Headless host: its own UI, no React; the cashier's flow (cashier/paymentSlice) takes the payment.
import type { Configuration } from 'webpack';
import { hostConfig } from '../host-webpack';

export default (_env: unknown, argv: { mode?: string }): Configuration =>
  hostConfig({ dir: __dirname, production: argv.mode !== 'development', slimEntry: true });
