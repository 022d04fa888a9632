// Vanilla host shell: no React, no federation plugin; only the federation runtime is bundled, and it shares nothing.
import type { Configuration } from 'webpack';
import { hostConfig } from '../host-webpack';

export default (_env: unknown, argv: { mode?: string }): Configuration =>
  hostConfig({ dir: __dirname, production: argv.mode !== 'development' });
