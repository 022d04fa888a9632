import path from 'node:path';
import { ModuleFederationPlugin } from '@module-federation/enhanced/webpack';
import HtmlWebpackPlugin from 'html-webpack-plugin';
import MiniCssExtractPlugin from 'mini-css-extract-plugin';
import TerserPlugin from 'terser-webpack-plugin';
import CssMinimizerPlugin from 'css-minimizer-webpack-plugin';
import { type Configuration, NormalModuleReplacementPlugin } from 'webpack';
import type {} from 'webpack-dev-server';
import { federationConfig, REMOTE_FILES, type RemoteVariant } from './federation.config';
import { DevServerUrls, PREVIEWS_PATH } from './scripts/dev-server-urls';
import { SameChunksAsFull } from './scripts/same-chunks-plugin';
import { swcRule } from './scripts/webpack-rules';

/**
 * Parts of the federation runtime core that the full entry bundles but the cashier's own instance never runs (it has
 * no remotes): replaced by small stand-ins (scripts/runtime-core-trim/), about 1.5 KB gzip off remoteEntry.js.
 */
const RUNTIME_CORE_TRIM = ['preload', 'load'].map((name) => ({
  test: new RegExp(`@module-federation[\\\\/]runtime-core[\\\\/]dist[\\\\/]utils[\\\\/]${name}\\.js$`),
  file: path.resolve(__dirname, `scripts/runtime-core-trim/${name}.mjs`),
}));

const PORT = Number(process.env.PORT ?? 3001);

/**
 * One build, two containers of the same remote (docs/hosting.md, "Two entries"): `full` (remoteEntry.js, with the
 * federation runtime, for any host) and `slim` (remoteEntry.slim.js, on the host's runtime). Two compilers of the same
 * modules give byte-identical chunks, so both manifests name the same chunk files; `slim` runs after `full` and emits
 * only what `full` has not (its entry and manifest).
 */
export default (env: unknown, argv: { mode?: 'development' | 'production' }): Configuration[] => [
  remoteConfig('full', env, argv),
  remoteConfig('slim', env, argv),
];

function remoteConfig(variant: RemoteVariant, env: unknown, argv: { mode?: 'development' | 'production' }): Configuration {
  const production = argv.mode === 'production';
  const full = variant === 'full';
  // webpack-cli sets WEBPACK_SERVE for `webpack serve` (npm start).
  const serving = Boolean((env as { WEBPACK_SERVE?: boolean } | undefined)?.WEBPACK_SERVE);
  return {
    name: variant,
    // The slim compiler writes after the full one, into the same folder.
    dependencies: full ? [] : ['full'],
    mode: production ? 'production' : 'development',
    // Modern browsers only (ES2020): webpack's own runtime code is smaller with arrow functions and const.
    target: ['web', 'es2020'],
    devtool: production ? 'source-map' : 'eval-cheap-module-source-map',
    // The remote is its container entry (remoteEntry.js, added by the federation plugin). The playground (fixture
    // passwords, fault injection) and the previews are dev-server pages only: a production build ships neither.
    // The slim compiler builds the dev page too, so both split the exposes' chunks alike; only the full one writes it.
    entry: production
      ? {}
      : {
          main: './src/index.ts',
        },
    output: {
      path: path.resolve(__dirname, 'dist'),
      publicPath: 'auto',
      // Entry files keep stable names (the federation runtime derives its output root from them); served no-cache.
      filename: '[name].js',
      chunkFilename: production ? '[name].[contenthash:8].js' : '[name].js',
      assetModuleFilename: 'assets/[name].[contenthash:8][ext]',
      uniqueName: 'cashier',
      // Only the first compiler empties dist/: the slim one adds its entry and manifest beside the full build.
      clean: full,
    },
    resolve: { extensions: ['.tsx', '.ts', '.js'] },
    module: {
      rules: [
        swcRule(production),
        { test: /\.css$/, use: [MiniCssExtractPlugin.loader, { loader: 'css-loader', options: { importLoaders: 0 } }] },
      ],
    },
    plugins: [
      new ModuleFederationPlugin(federationConfig(production, variant)),
      ...(full ? RUNTIME_CORE_TRIM.map(({ test, file }) => new NormalModuleReplacementPlugin(test, file)) : [new SameChunksAsFull(REMOTE_FILES.slim.manifest)]),
      new MiniCssExtractPlugin({
        filename: production ? '[name].[contenthash:8].css' : '[name].css',
        chunkFilename: production ? '[name].[contenthash:8].css' : '[name].css',
      }),
      ...(production || !full
        ? []
        : [
            new HtmlWebpackPlugin({ template: './public/index.html', filename: 'index.html', chunks: ['main'] }),
            ...(serving ? [new DevServerUrls(`http://localhost:${PORT}`)] : []),
          ]),
    ],
    performance: { hints: false },
    optimization: {
      moduleIds: production ? 'deterministic' : 'named',
      // Two compress passes on ES2020 output: measurably smaller remoteEntry.js (size budget 18 KB gzip).
      minimizer: [
        new TerserPlugin({
          extractComments: false,
          terserOptions: { ecma: 2020, compress: { passes: 3, pure_getters: true, unsafe_arrows: true, unsafe_methods: true }, format: { comments: false } },
        }),
        new CssMinimizerPlugin(),
      ],
    },
    devServer: full ? {
      port: PORT,
      host: 'localhost',
      hot: false,
      liveReload: true,
      historyApiFallback: false,
      client: { overlay: { warnings: false } },
      headers: {
        'Access-Control-Allow-Origin': '*',
        'Access-Control-Allow-Methods': 'GET, HEAD, OPTIONS',
        'Access-Control-Allow-Headers': 'Content-Type',
      },
      setupMiddlewares: (middlewares, devServer) => {
        // The mock payment server is loaded only by the dev server, never by a production build.
        const { createMockServer } = require('./mocks/app') as typeof import('./mocks/app');
        devServer.app?.use('/api/cashier', createMockServer().app);
        // The widget previews: Storybook's static build when there is one (npm run build-storybook), else how to get it.
        const { servePreviews } = require('./scripts/dev-previews') as typeof import('./scripts/dev-previews');
        devServer.app?.use(PREVIEWS_PATH, servePreviews(path.resolve(__dirname, 'storybook-static')) as never);
        return middlewares;
      },
    } : undefined,
  };
}
