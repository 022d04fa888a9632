/** docs/api.md, Options and results: apiBaseUrl defaults to '/api/cashier' on the origin the remote was served from. */
export function resolveApiBaseUrl(apiBaseUrl?: string): string {
  const origin = remoteOrigin();
  try {
    return new URL(apiBaseUrl ?? '/api/cashier', origin).href.replace(/\/+$/, '');
  } catch {
    return (apiBaseUrl ?? '/api/cashier').replace(/\/+$/, '');
  }
}

function remoteOrigin(): string {
  const pageOrigin = typeof location === 'undefined' ? 'http://localhost' : location.href;
  try {
    // publicPath 'auto' resolves to where remoteEntry.js (and so the remote) was served from.
    if (typeof __webpack_public_path__ === 'string' && __webpack_public_path__) {
      return new URL(__webpack_public_path__, pageOrigin).origin;
    }
  } catch {
    // Not built by webpack (tests): the page's own origin.
  }
  return new URL(pageOrigin).origin;
}
