// The bench's reference pages (bundled, split, the Pay floor): the remote's own loaders and minifiers, minus Module Federation.
import path from 'node:path';
import HtmlWebpackPlugin from 'html-webpack-plugin';
import MiniCssExtractPlugin from 'mini-css-extract-plugin';
import type { Configuration } from 'webpack';
import remoteConfig from '../../webpack.config';

export const STANDALONE_OUTPUT = path.resolve(__dirname, '../artifacts/standalone');

const page = (entry: string, template = path.join(__dirname, 'public/index.html')) =>
  new HtmlWebpackPlugin({ template, filename: `${entry}.html`, chunks: [entry] });

export default (_env: unknown, argv: { mode?: 'development' | 'production' }): Configuration => {
  // The full remote's configuration (the first of the two compilers).
  const [remote] = remoteConfig(_env, { mode: 'production' }) as [Configuration];
  return {
    ...remote,
    name: 'bench-standalone',
    mode: argv.mode ?? 'production',
    context: path.resolve(__dirname, '../..'),
    entry: {
      bundled: path.join(__dirname, 'src/bundled.tsx'),
      split: path.join(__dirname, 'src/split.tsx'),
      floor: path.join(__dirname, '../floor/floor.ts'),
    },
    output: {
      ...remote.output,
      path: process.env.BENCH_STANDALONE_OUTPUT ?? STANDALONE_OUTPUT,
      publicPath: '/',
      filename: '[name].[contenthash:8].js',
      uniqueName: 'cashier_bench',
    },
    // Same CSS extraction as the remote; no federation, no playground pages.
    plugins: [...(remote.plugins ?? []).filter((plugin) => plugin instanceof MiniCssExtractPlugin), page('bundled'), page('split'), page('floor', path.join(__dirname, '../floor/index.html'))],
    devServer: undefined,
    stats: 'errors-warnings',
  };
};
