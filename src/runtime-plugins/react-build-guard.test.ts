import path from 'node:path';
import reactBuildGuard, { isDevelopmentReact, MIXED_BUILDS_MESSAGE, mixedBuildsProblem } from './react-build-guard';

type Module = Record<string, unknown>;
// Both builds of the installed React, by file (the package's exports pick one by NODE_ENV).
const REACT_CJS = path.join(path.dirname(require.resolve('react/package.json')), 'cjs');
const build = (file: string) => require(path.join(REACT_CJS, file)) as Module;
const prodReact = build('react.production.js');
const devReact = build('react.development.js');

/** The development JSX runtime bound to the given React, as a remote's own copy is bound to the shared (host's) React. */
function devJsxWith(react: Module): { jsx: (type: string, props: object) => unknown } {
  let runtime: Module = {};
  jest.isolateModules(() => {
    jest.doMock('react', () => react);
    runtime = build('react-jsx-runtime.development.js');
  });
  return runtime as { jsx: (type: string, props: object) => unknown };
}

describe('the React build a development remote meets', () => {
  test('tells a development React from a production one', () => {
    expect(isDevelopmentReact(devReact)).toBe(true);
    expect(isDevelopmentReact(prodReact)).toBe(false);
    expect(isDevelopmentReact({})).toBe(false);
  });

  test('the pair it refuses really fails: a development JSX runtime mid-render in production React', () => {
    const internals = prodReact.__CLIENT_INTERNALS_DO_NOT_USE_OR_WARN_USERS_THEY_CANNOT_UPGRADE as { A: unknown };
    const before = internals.A;
    internals.A = { getCacheForType: () => undefined }; // production react-dom's dispatcher has no getOwner
    try {
      expect(() => devJsxWith(prodReact).jsx('i', {})).toThrow(/getOwner is not a function/);
    } finally {
      internals.A = before;
    }
    expect(mixedBuildsProblem(prodReact, true)).toBe(MIXED_BUILDS_MESSAGE);
    expect(MIXED_BUILDS_MESSAGE).toMatch(/share the 'react\/' and 'react-dom\/' subpaths/);
  });

  test('every pair that works is let through', () => {
    expect(mixedBuildsProblem(devReact, true)).toBeNull();
    expect(mixedBuildsProblem(prodReact, false)).toBeNull();
    expect(mixedBuildsProblem(devReact, false)).toBeNull();
  });
});

describe('reactBuildGuard (federation runtime plugin)', () => {
  type Args = Parameters<NonNullable<ReturnType<typeof reactBuildGuard>['resolveShare']>>[0];
  /** What the runtime does: emit resolveShare, then call the resolver the plugins left. */
  const resolve = (guard: ReturnType<typeof reactBuildGuard>, pkgName: string, from: string, module: unknown = {}) => {
    const shared = { from, lib: () => module };
    const args = { pkgName, resolver: () => ({ shared, useTreesShaking: false }) } as unknown as Args;
    return (guard.resolveShare?.(args) ?? args).resolver();
  };

  test("fails the share resolution when its own JSX runtime meets the host's production React, in either order", () => {
    const guard = reactBuildGuard('cashier');
    expect(resolve(guard, 'react/jsx-runtime', 'cashier')?.shared.from).toBe('cashier');
    expect(() => resolve(guard, 'react', 'shop', prodReact)).toThrow(MIXED_BUILDS_MESSAGE);

    const reversed = reactBuildGuard('cashier');
    expect(() => resolve(reversed, 'react', 'shop', prodReact)).not.toThrow();
    expect(() => resolve(reversed, 'react/jsx-runtime', 'cashier')).toThrow(MIXED_BUILDS_MESSAGE);
  });

  test("lets through the host's JSX runtime, its own React, a host's development React, and unrelated packages", () => {
    const host = reactBuildGuard('cashier');
    expect(() => resolve(host, 'react', 'shop', prodReact)).not.toThrow();
    expect(() => resolve(host, 'react-redux', 'cashier')).not.toThrow();
    expect(() => resolve(host, 'react/jsx-runtime', 'shop')).not.toThrow();

    const alone = reactBuildGuard('cashier');
    expect(() => resolve(alone, 'react', 'cashier', prodReact)).not.toThrow();
    expect(() => resolve(alone, 'react/jsx-runtime', 'cashier')).not.toThrow();

    const devHost = reactBuildGuard('cashier');
    expect(() => resolve(devHost, 'react', 'shop', devReact)).not.toThrow();
    expect(() => resolve(devHost, 'react/jsx-runtime', 'cashier')).not.toThrow();
  });
});
