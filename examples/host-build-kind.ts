// What a host shell's build is for; its own module so build-hosts.ts reads it without loading webpack's plugins.

/**
 * `release`: minified by terser, with source maps, as a host ships (`npm run hosts`, the bench). `fixture`: the same
 * mode (production React) minified by swc (a fraction of terser's CPU), without source maps, for the browser tests.
 */
export const HOST_BUILD_KINDS = ['release', 'fixture'] as const;
export type HostBuildKind = (typeof HOST_BUILD_KINDS)[number];

/** The kind a webpack-cli run asks for: `--env hostBuild=fixture`; anything else is a release build. */
export function hostBuildKind(env: unknown): HostBuildKind {
  return (env as { hostBuild?: unknown } | undefined)?.hostBuild === 'fixture' ? 'fixture' : 'release';
}
