// The ranges the remote asks of a host's share scope: React 18.2+ and 19, judged by the federation runtime's own semver.
import { satisfy } from '@module-federation/enhanced/runtime';
import { federationConfig, HOST_RANGES, REACT_SUBPATHS } from '../../federation.config';
import pkg from '../../package.json';

type SharedConfig = { singleton?: boolean; requiredVersion?: string | false };
const shared = federationConfig(true).shared as Record<string, SharedConfig>;
const REACT_KEYS = ['react', 'react/', 'react-dom', 'react-dom/', ...REACT_SUBPATHS];
/** The npm aliases the React 18 and React 19.0 host examples build with. */
const aliasVersion = (alias: string) => (pkg.devDependencies as Record<string, string>)[alias]?.replace(/^npm:[^@]+@/, '') ?? '';

describe('federation share config', () => {
  test.each(REACT_KEYS)('%s is a singleton asking for React 18.2+ or 19', (key) => {
    expect(shared[key]).toEqual({ singleton: true, requiredVersion: '^18.2.0 || ^19.0.0' });
  });

  test('the subpaths the remote imports are listed by name (the manifest keeps singleton only for those)', () => {
    expect(REACT_SUBPATHS).toEqual(expect.arrayContaining(['react/jsx-runtime', 'react-dom/client']));
  });

  test('react-redux and Redux Toolkit are singletons with ranges both React majors meet', () => {
    expect(shared['react-redux']).toEqual({ singleton: true, requiredVersion: HOST_RANGES['react-redux'] });
    expect(shared['@reduxjs/toolkit']).toEqual({ singleton: true, requiredVersion: HOST_RANGES['@reduxjs/toolkit'] });
  });

  test.each([
    ['18.2.0', true],
    ['18.3.1', true],
    ['19.0.0', true],
    ['19.3.1', true],
    ['18.1.0', false],
    ['17.0.2', false],
    ['20.0.0', false],
  ])('React %s meets the React range: %s', (version, meets) => {
    expect(satisfy(version, HOST_RANGES.react)).toBe(meets);
    expect(satisfy(version, HOST_RANGES['react-dom'])).toBe(meets);
  });

  test('the host examples lend versions inside the range: the lowest React 19 and React 18.3', () => {
    for (const alias of ['react-18', 'react-dom-18', 'react-19-0', 'react-dom-19-0']) {
      expect([alias, satisfy(aliasVersion(alias), HOST_RANGES.react)]).toEqual([alias, true]);
    }
    expect(aliasVersion('react-19-0')).toBe('19.0.0');
    expect(aliasVersion('react-18')).toMatch(/^18\.3\./);
  });

  test('react-redux 9.0 is refused (no .withTypes), 9.1 and our own copy are accepted', () => {
    expect(satisfy('9.0.4', HOST_RANGES['react-redux'])).toBe(false);
    expect(satisfy('9.1.0', HOST_RANGES['react-redux'])).toBe(true);
    expect(satisfy(pkg.dependencies['react-redux'].replace(/^\^/, ''), HOST_RANGES['react-redux'])).toBe(true);
  });

  test('Redux Toolkit 2.x is accepted, 1.x is not (combineSlices and slice selectors are 2.0)', () => {
    expect(satisfy('2.0.0', HOST_RANGES['@reduxjs/toolkit'])).toBe(true);
    expect(satisfy('1.9.7', HOST_RANGES['@reduxjs/toolkit'])).toBe(false);
    expect(satisfy(pkg.dependencies['@reduxjs/toolkit'].replace(/^\^/, ''), HOST_RANGES['@reduxjs/toolkit'])).toBe(true);
  });

  test('our own React copies (the fallback for hosts that share nothing) meet the range we ask for', () => {
    expect(satisfy(pkg.dependencies.react.replace(/^\^/, ''), HOST_RANGES.react)).toBe(true);
    expect(satisfy(pkg.dependencies['react-dom'].replace(/^\^/, ''), HOST_RANGES['react-dom'])).toBe(true);
  });
});
