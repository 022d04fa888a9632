// The webpack setup both host shells share: TypeScript through swc, hashed file names, one HTML page, CSS files.
import path from 'node:path';
import HtmlWebpackPlugin from 'html-webpack-plugin';
import MiniCssExtractPlugin from 'mini-css-extract-plugin';
import TerserPlugin from 'terser-webpack-plugin';
import type { Configuration, WebpackPluginInstance } from 'webpack';
import type { HostBuildKind } from './host-build-kind';
import { DEFAULT_MANIFEST_URL, DEFAULT_SLIM_MANIFEST_URL } from './shared/remote-manifest';
import { swcRule } from '../scripts/webpack-rules';

export interface HostBuild {
  /** The host's folder, e.g. examples/react-host. */
  dir: string;
  production: boolean;
  plugins?: WebpackPluginInstance[];
  /** The host lends its federation runtime core and loads the slim entry's manifest by default. */
  slimEntry?: boolean;
  /** What the build is for (examples/build-hosts.ts records it beside the output); 'release' when not said. */
  kind?: HostBuildKind;
}

/**
 * webpack 5.111 fails federation builds whose initial-chunk file name holds [contenthash] (the federation runtime
 * asks for the path before hashes exist, module-federation/core#5077). Same directory depth either way.
 */
const initialFilename = (production: boolean) =>
  production
    ? (data: { chunk?: { contentHash?: Record<string, string> } }) =>
        data.chunk?.contentHash?.javascript ? '[name].[contenthash:8].js' : '[name].js'
    : '[name].js';

export function hostConfig({ dir, production, plugins = [], slimEntry = false, kind = 'release' }: HostBuild): Configuration {
  const fixture = kind === 'fixture';
  return {
    name: path.basename(dir),
    context: dir,
    mode: production ? 'production' : 'development',
    devtool: fixture ? false : production ? 'source-map' : 'eval-cheap-module-source-map',
    entry: { main: './src/index.ts' },
    output: {
      path: path.join(dir, 'dist'),
      publicPath: '/',
      filename: initialFilename(production),
      chunkFilename: production ? '[name].[contenthash:8].js' : '[name].js',
      uniqueName: path.basename(dir).replace(/\W/g, '_'),
      clean: true,
    },
    resolve: { extensions: ['.tsx', '.ts', '.js'] },
    module: {
      rules: [
        swcRule(production),
        { test: /\.css$/, use: [MiniCssExtractPlugin.loader, 'css-loader'] },
      ],
    },
    plugins: [
      ...plugins,
      new MiniCssExtractPlugin({ filename: production ? '[name].[contenthash:8].css' : '[name].css' }),
      new HtmlWebpackPlugin({
        template: './public/index.html',
        // The default remote for this build; ?remote= still overrides it at run time.
        templateParameters: { cashierManifest: process.env.CASHIER_REMOTE_MANIFEST ?? (slimEntry ? DEFAULT_SLIM_MANIFEST_URL : DEFAULT_MANIFEST_URL) },
      }),
    ],
    // A fixture minifies with swc, not terser: terser on React five times was most of the hosts' build time, and
    // unminified React costs every page load of the tests more than swc costs the build.
    optimization: fixture
      ? { minimize: production, minimizer: [new TerserPlugin({ minify: TerserPlugin.swcMinify, extractComments: false, parallel: false })] }
      : { minimize: production },
    performance: { hints: false },
    stats: 'errors-warnings',
  };
}
