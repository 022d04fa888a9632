/** docs/api.md, Options and results: apiBaseUrl defaults to '/api/cashier' on the origin the remote was served from. */
export function resolveApiBaseUrl(apiBaseUrl?: string): string {
  const origin = remoteOrigin();
  try {
    return new URL(apiBaseUrl ?? '/api/cashier', origin).href.replace(/\/+$/, '');
  } catch {
    return (apiBaseUrl ?? '/api/cashier').replace(/\/+$/, '');
  }
}

function pageUrl(): string {
  return typeof location === 'undefined' ? 'http://localhost' : location.href;
}

/** The absolute URL the remote's files are served under (publicPath 'auto': where remoteEntry.js came from), or null. */
export function remotePublicPath(): string | null {
  try {
    if (typeof __webpack_public_path__ === 'string' && __webpack_public_path__) {
      return new URL(__webpack_public_path__, pageUrl()).href;
    }
  } catch {
    // Not built by webpack (tests).
  }
  return null;
}

function remoteOrigin(): string {
  const path = remotePublicPath();
  // Not built by webpack (tests): the page's own origin.
  return new URL(path ?? pageUrl()).origin;
}
