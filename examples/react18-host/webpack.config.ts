// React 18 host shell: the pinned copy (react-18, react-dom-18 in the root devDependencies) is lent to the cashier.
// Always a development build: React 18's development copy reports misuse by the remote (refs on function
// components, unknown props), and a development host loads react/jsx-dev-runtime, never the react/jsx-runtime it
// lends, which is the case src/federation/react-family.ts exists for.
import type { Configuration } from 'webpack';
import { hostBuildKind } from '../host-build-kind';
import { pinnedReactHostConfig } from '../pinned-react/webpack';

export default (env: unknown): Configuration =>
  pinnedReactHostConfig({ dir: __dirname, name: 'react18_host', react: 'react-18', reactDom: 'react-dom-18', production: false, kind: hostBuildKind(env) });
