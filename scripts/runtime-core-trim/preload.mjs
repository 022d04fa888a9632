// Stands in for @module-federation/runtime-core's utils/preload.js inside remoteEntry.js (webpack.config.ts): the
// cashier's own federation instance has no remotes (experiments.optimization.disableRemote), so it never preloads.
const noRemotes = () => new Error('The cashier remote has no remotes of its own: preload through the host federation runtime.');

export function defaultPreloadArgs(preloadConfig) {
  return { resourceCategory: 'sync', share: true, depsRemote: true, recordPreloadedAssets: true, ...preloadConfig };
}

export function normalizePreloadExposes(exposes) {
  return (exposes ?? []).map((expose) => (expose.startsWith('./') ? expose.replace('./', '') : expose));
}

export function formatPreloadArgs() {
  throw noRemotes();
}

export function preloadAssets() {
  return Promise.reject(noRemotes());
}
