// Development remote only: refuses, with the fix named, to run its own development JSX runtime inside a production React
// (a host that shares `react` but not `react/`), which would otherwise fail mid-render as "dispatcher.getOwner is not a function".
import type { ModuleFederationRuntimePlugin } from '@module-federation/enhanced/runtime';

interface ReactLike {
  createElement?: (type: string) => unknown;
}

/** React's development builds give every element a `_store`; production builds do not. */
export function isDevelopmentReact(react: ReactLike): boolean {
  if (typeof react.createElement !== 'function') return false;
  return typeof (react.createElement('i') as { _store?: unknown } | null)?._store === 'object';
}

export const MIXED_BUILDS_MESSAGE =
  "The cashier remote is a development build: its development react/jsx-runtime cannot run with the host's production React. " +
  "Fix: share the 'react/' and 'react-dom/' subpaths as singletons in the host, next to 'react' and 'react-dom' (docs/hosting.md), " +
  'or load the production remote (npm run build).';

/** The message when the remote's own development JSX runtime would meet the given React, else null. */
export function mixedBuildsProblem(react: ReactLike, ownDevelopmentJsxRuntime: boolean): string | null {
  return ownDevelopmentJsxRuntime && !isDevelopmentReact(react) ? MIXED_BUILDS_MESSAGE : null;
}

/**
 * Checks once both `react` and `react/jsx-runtime` are chosen; a throw here fails the load of the expose that asked, so
 * the host's error fallback shows this message. Only `react` is evaluated (it needs no other shared module).
 */
export default function reactBuildGuard(): ModuleFederationRuntimePlugin {
  let react: ReactLike | undefined;
  let ownJsxRuntime: boolean | undefined;
  return {
    name: 'cashier-react-build-guard',
    afterLoadShare({ pkgName, selectedShared, origin }) {
      if (pkgName === 'react') {
        const lib = selectedShared?.lib;
        if (typeof lib === 'function') react = lib() as ReactLike;
      } else if (pkgName === 'react/jsx-runtime') {
        ownJsxRuntime = selectedShared?.from === origin.options.name;
      } else return;
      if (!react || ownJsxRuntime === undefined) return;
      const problem = mixedBuildsProblem(react, ownJsxRuntime);
      if (problem) throw new Error(problem);
    },
  };
}
