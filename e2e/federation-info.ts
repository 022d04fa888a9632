// What the Module Federation runtime in a page says about shared packages, and a port where nothing listens.
import net from 'node:net';
import type { Page } from 'playwright-core';

/** One version of one shared package in one runtime instance's share scope. */
export interface SharedEntry {
  /** Runtime instance id, e.g. 'react_host:0.1.0' or 'cashier:0.1.0'. */
  instance: string;
  scope: string;
  pkg: string;
  version: string;
  /** Name of the container whose copy this entry is (the host's, or the remote's own). */
  from: string;
  /** Containers that consumed this copy. */
  useIn: string[];
  loaded: boolean;
}

/**
 * Reads `globalThis.__FEDERATION__.__SHARE__` (MF 2.x: instance id -> share scope -> package -> version -> info),
 * the registry every runtime instance in the page writes to.
 */
export function sharedPackages(page: Page): Promise<SharedEntry[]> {
  return page.evaluate(() => {
    type Info = { from?: string; useIn?: string[]; loaded?: boolean; lib?: unknown };
    type ShareMap = Record<string, Record<string, Record<string, Record<string, Info>>>>;
    const registry = (globalThis as { __FEDERATION__?: { __SHARE__?: ShareMap } }).__FEDERATION__?.__SHARE__ ?? {};
    const entries = [];
    for (const [instance, scopes] of Object.entries(registry)) {
      for (const [scope, packages] of Object.entries(scopes)) {
        for (const [pkg, versions] of Object.entries(packages)) {
          for (const [version, info] of Object.entries(versions)) {
            entries.push({
              instance,
              scope,
              pkg,
              version,
              from: String(info.from ?? ''),
              useIn: [...(info.useIn ?? [])],
              loaded: Boolean(info.loaded) || typeof info.lib === 'function',
            });
          }
        }
      }
    }
    return entries;
  });
}

/** A localhost port that was free a moment ago: for a remote that is "down" until a test starts it there. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once('error', reject);
    probe.listen(0, 'localhost', () => {
      const { port } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}
