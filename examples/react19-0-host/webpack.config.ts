// React 19.0 host shell: the pinned copy (react-19-0, react-dom-19-0 in the root devDependencies) is lent to the cashier.
import type { Configuration } from 'webpack';
import { hostBuildKind } from '../host-build-kind';
import { pinnedReactHostConfig } from '../pinned-react/webpack';

export default (env: unknown, argv: { mode?: string }): Configuration =>
  pinnedReactHostConfig({ dir: __dirname, name: 'react19_0_host', react: 'react-19-0', reactDom: 'react-dom-19-0', production: argv.mode !== 'development', kind: hostBuildKind(env) });
