import type { RuleSetRule } from 'webpack';

/** TypeScript and JSX through swc (TypeScript 7 has no JS compiler API, so no ts-loader); shared by every build here. */
export function swcRule(production: boolean): RuleSetRule {
  return {
    test: /\.[jt]sx?$/,
    exclude: /node_modules/,
    use: {
      loader: 'swc-loader',
      options: {
        jsc: {
          parser: { syntax: 'typescript', tsx: true },
          transform: { react: { runtime: 'automatic', development: !production } },
          target: 'es2020',
        },
      },
    },
  };
}
