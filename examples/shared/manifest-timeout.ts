// A manifest that never answers must fail (so the host shows its fallback) instead of loading forever.
import type { ModuleFederationRuntimePlugin } from '@module-federation/enhanced/runtime';

/** The host shows its fallback within 5 s of a checkout when the remote's manifest hangs. */
export const MANIFEST_TIMEOUT_MS = 4000;

/** Runtime plugin: the federation runtime fetches remote manifests through this hook, now with a deadline. */
export function manifestTimeout(ms = MANIFEST_TIMEOUT_MS): ModuleFederationRuntimePlugin {
  return {
    name: 'cashier-manifest-timeout',
    fetch: (url, init) => fetch(url, { ...init, signal: AbortSignal.timeout(ms) }),
  };
}
