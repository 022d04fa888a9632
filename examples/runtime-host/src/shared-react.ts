// The React this page already runs, lent to the remote under every key it asks for, so it never downloads its own.
import type { UserOptions } from '@module-federation/runtime/types';
import * as React from 'react';
import * as JsxRuntime from 'react/jsx-runtime';
import * as ReactDOM from 'react-dom';
import * as ReactDOMClient from 'react-dom/client';

type Shared = NonNullable<UserOptions['shared']>;

/** One share-scope entry: a module the page has already loaded (`lib`), a singleton at its own version. */
const lend = (version: string, module: object) => ({
  version,
  lib: () => module,
  shareConfig: { singleton: true, requiredVersion: `^${version}` },
});

/**
 * The remote's React build asks for `react/jsx-runtime` and `react-dom/client` by those keys, not through `react` and
 * `react-dom`: without them it loads its own copies (React DOM's client is about 205 KB).
 */
export const sharedReact: Shared = {
  react: lend(React.version, React),
  'react/jsx-runtime': lend(React.version, JsxRuntime),
  'react-dom': lend(ReactDOM.version, ReactDOM),
  'react-dom/client': lend(ReactDOM.version, ReactDOMClient),
};
