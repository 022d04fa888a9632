import path from 'node:path';
import TerserPlugin from 'terser-webpack-plugin';
import { hostBuildKind } from './host-build-kind';
import { hostConfig } from './host-webpack';
import { pinnedReactHostConfig } from './pinned-react/webpack';

const dir = path.join(__dirname, 'vanilla-host');

describe('host shell builds by kind', () => {
  it('reads the kind from webpack-cli --env, a release build unless hostBuild=fixture', () => {
    expect(hostBuildKind({ hostBuild: 'fixture' })).toBe('fixture');
    expect(hostBuildKind({ hostBuild: 'release' })).toBe('release');
    expect(hostBuildKind({ WEBPACK_BUNDLE: true })).toBe('release');
    expect(hostBuildKind(undefined)).toBe('release');
  });

  it('a release build is minified with source maps, as a host ships (what the bench times)', () => {
    const config = hostConfig({ dir, production: true });
    expect(config.mode).toBe('production');
    expect(config.devtool).toBe('source-map');
    expect(config.optimization?.minimize).toBe(true);
  });

  it('a fixture keeps production mode (production React), minified by swc instead of terser, without source maps', () => {
    const config = hostConfig({ dir, production: true, kind: 'fixture' });
    expect(config.mode).toBe('production');
    expect(config.devtool).toBe(false);
    expect(config.optimization?.minimize).toBe(true);
    const [minimizer] = config.optimization?.minimizer ?? [];
    expect((minimizer as { options?: { minimizer?: { implementation?: unknown } } }).options?.minimizer?.implementation).toBe(TerserPlugin.swcMinify);
  });

  it('a development host stays one as a fixture, without its eval source maps', () => {
    const host = { dir: path.join(__dirname, 'react18-host'), name: 'react18_host', react: 'react-18', reactDom: 'react-dom-18', production: false };
    const fixture = pinnedReactHostConfig({ ...host, kind: 'fixture' });
    expect(fixture.mode).toBe('development');
    expect(fixture.optimization).toMatchObject({ nodeEnv: 'development', minimize: false });
    expect(fixture.devtool).toBe(false);
    expect(pinnedReactHostConfig(host).devtool).toBe('eval-cheap-module-source-map');
  });
});
