import type { RuleSetRule } from 'webpack';

/**
 * TypeScript and JSX through swc (TypeScript 7 has no JS compiler API, so no ts-loader); shared by every build here.
 * The output is the same in every mode; the argument stays so existing callers (`swcRule(production)`) keep compiling.
 */
export function swcRule(_production?: boolean): RuleSetRule {
  return {
    test: /\.[jt]sx?$/,
    exclude: /node_modules/,
    use: {
      loader: 'swc-loader',
      options: {
        jsc: {
          parser: { syntax: 'typescript', tsx: true },
          // Always the production JSX runtime (react/jsx-runtime, never jsxDEV): a development remote then runs inside a
          // production host's React and the reverse (the dev runtime calls dispatcher.getOwner(), which production React lacks).
          transform: { react: { runtime: 'automatic', development: false } },
          target: 'es2020',
        },
      },
    },
  };
}
