// Stands in for @module-federation/runtime-core's utils/load.js inside remoteEntry.js (webpack.config.ts): loading a
// container's entry script is for remotes and shared tree-shaking fallbacks, and the cashier's own federation instance
// has neither (experiments.optimization.disableRemote, no `treeShaking` in shared). The pure helpers are kept.
import { composeKeyWithSeparator } from '@module-federation/sdk';

export function isEsmRemoteType(type) {
  return type === 'esm' || type === 'module';
}

export function getRemoteEntryUniqueKey(remoteInfo) {
  return composeKeyWithSeparator(remoteInfo.name, remoteInfo.entry);
}

export function getRemoteInfo(remote) {
  return {
    ...remote,
    entry: 'entry' in remote ? remote.entry : '',
    type: remote.type || 'global',
    entryGlobalName: remote.entryGlobalName || remote.name,
    shareScope: remote.shareScope || 'default',
  };
}

export function getRemoteEntry({ remoteInfo }) {
  return Promise.reject(new Error(`The cashier remote loads no container entries of its own (asked for ${remoteInfo?.name}): load remotes through the host federation runtime.`));
}
