// Where a host finds the cashier remote: its manifest URL, chosen at run time so a new remote release needs no host build.
export const REMOTE_NAME = 'cashier';
/** The full entry's manifest: remoteEntry.js brings its own federation runtime (any host). */
export const DEFAULT_MANIFEST_URL = 'http://localhost:3001/mf-manifest.json';
/** The slim entry's manifest: remoteEntry.slim.js runs on the host's runtime (docs/hosting.md, "Two entries"). */
export const DEFAULT_SLIM_MANIFEST_URL = 'http://localhost:3001/mf-manifest.slim.json';
export const MANIFEST_META = 'cashier-remote-manifest';

declare global {
  interface Window {
    /** Optional override set by a deployment script before the host bundle runs. */
    CASHIER_REMOTE_MANIFEST?: string;
  }
}

/**
 * `?remote=<url>` first (tests, staging links), then a `window.CASHIER_REMOTE_MANIFEST` global, then
 * `<meta name="cashier-remote-manifest">` in index.html (CSP-safe: no inline script), then `fallback`.
 */
export function cashierManifestUrl(win: Window = window, fallback = DEFAULT_MANIFEST_URL): string {
  const fromQuery = new URLSearchParams(win.location.search).get('remote');
  const fromGlobal = win.CASHIER_REMOTE_MANIFEST;
  const fromMeta = win.document.querySelector<HTMLMetaElement>(`meta[name="${MANIFEST_META}"]`)?.content;
  const chosen = [fromQuery, fromGlobal, fromMeta].find((value) => typeof value === 'string' && value.trim() !== '');
  return new URL(chosen?.trim() ?? fallback, win.location.href).href;
}
