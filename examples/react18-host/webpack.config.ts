// React 18 host shell: the pinned copy (react-18, react-dom-18 in the root devDependencies) is lent to the cashier.
import type { Configuration } from 'webpack';
import { pinnedReactHostConfig } from '../pinned-react/webpack';

export default (_env: unknown, argv: { mode?: string }): Configuration =>
  pinnedReactHostConfig({ dir: __dirname, name: 'react18_host', react: 'react-18', reactDom: 'react-dom-18', production: argv.mode !== 'development' });
