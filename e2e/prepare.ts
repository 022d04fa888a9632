// Builds what the browser files serve, before they start, each build in its own process and side by side: the webpack
// host shells, the Vite / Rsbuild / runtime hosts, the static Storybook. Test files running in parallel would
// otherwise each find a stale build and start the same build at once. Each build skips itself when fresh.
// `npx tsx e2e/prepare.ts [hosts] [bundlers] [storybook]` (all three when none is named).
import { spawn } from 'node:child_process';
import { BUNDLER_HOSTS, buildBundlerHosts, buildHosts, bundlerHostIsFresh, HOSTS, hostIsFresh, ROOT } from '../examples/build-hosts';
import { ensureStorybookBuild, storybookIsStale } from './storybook';

export const BUILDS = ['hosts', 'bundlers', 'storybook'] as const;
export type Build = (typeof BUILDS)[number];

function buildNow(build: Build): void {
  // Test fixtures: production React minified by swc, without the source maps no browser file reads.
  if (build === 'hosts') buildHosts({ kind: 'fixture' });
  else if (build === 'bundlers') buildBundlerHosts();
  else ensureStorybookBuild();
}

/** True when the build has nothing to do: checked here, so a fresh build costs no process (npm test prepares twice). */
function isUpToDate(build: Build): boolean {
  if (build === 'hosts') return HOSTS.every((host) => hostIsFresh(host, ['fixture']));
  if (build === 'bundlers') return BUNDLER_HOSTS.every((host) => bundlerHostIsFresh(host));
  return Boolean(process.env.STORYBOOK_STATIC) || !storybookIsStale();
}

/** Runs each build in a child process (they are synchronous inside) and waits for all; rejects naming the failures. */
export async function prepareBuilds(builds: readonly Build[] = BUILDS): Promise<void> {
  const runs = builds
    .filter((build) => !isUpToDate(build))
    .map(
      (build) =>
        new Promise<string | null>((resolve) => {
          const child = spawn(process.execPath, ['--import', 'tsx', __filename, build], { cwd: ROOT, stdio: 'inherit' });
          child.on('error', (error) => resolve(`${build}: ${error.message}`));
          child.on('exit', (code, signal) => resolve(code === 0 ? null : `${build} (exit ${code ?? signal})`));
        }),
    );
  const failed = (await Promise.all(runs)).filter((failure): failure is string => failure !== null);
  if (failed.length) throw new Error(`build failed: ${failed.join(', ')}`);
}

if (require.main === module) {
  const asked = process.argv.slice(2);
  const unknown = asked.filter((build) => !(BUILDS as readonly string[]).includes(build));
  if (unknown.length) {
    console.error(`[prepare] unknown build(s) ${unknown.join(', ')} (known: ${BUILDS.join(', ')})`);
    process.exit(2);
  }
  if (asked.length === 1) {
    buildNow(asked[0] as Build);
  } else {
    prepareBuilds((asked.length ? asked : BUILDS) as Build[]).catch((error: Error) => {
      console.error(`[prepare] ${error.message}`);
      process.exit(1);
    });
  }
}
