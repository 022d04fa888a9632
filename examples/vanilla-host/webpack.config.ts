// Vanilla host shell: no React, no federation plugin; only the federation runtime is bundled, and it shares nothing.
import type { Configuration } from 'webpack';
import { hostBuildKind } from '../host-build-kind';
import { hostConfig } from '../host-webpack';

export default (env: unknown, argv: { mode?: string }): Configuration =>
  hostConfig({ dir: __dirname, production: argv.mode !== 'development', kind: hostBuildKind(env) });
