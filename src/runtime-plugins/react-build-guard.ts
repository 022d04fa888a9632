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

interface SharedLike {
  from?: string;
  lib?: (() => unknown) | null;
}

/**
 * Checks once both `react` and `react/jsx-runtime` are resolved. It wraps the share resolver because an error thrown
 * there fails the load of the expose that asked (hooks after the load only log), so the host's error fallback shows
 * this message. Only a `react` that its provider already loaded is looked at; nothing is evaluated early.
 */
export default function reactBuildGuard(remoteName = 'cashier'): ModuleFederationRuntimePlugin {
  let react: SharedLike | undefined;
  let ownJsxRuntime: boolean | undefined;
  const check = () => {
    if (!react || ownJsxRuntime === undefined || react.from === remoteName || typeof react.lib !== 'function') return;
    const problem = mixedBuildsProblem(react.lib() as ReactLike, ownJsxRuntime);
    if (problem) throw new Error(problem);
  };
  return {
    name: 'cashier-react-build-guard',
    resolveShare(args) {
      const { pkgName, resolver } = args;
      if (pkgName !== 'react' && pkgName !== 'react/jsx-runtime') return args;
      args.resolver = () => {
        const resolved = resolver();
        const shared = resolved?.shared as SharedLike | undefined;
        if (shared && pkgName === 'react') react = shared;
        if (shared && pkgName === 'react/jsx-runtime') ownJsxRuntime = shared.from === remoteName;
        check();
        return resolved;
      };
      return args;
    },
  };
}
