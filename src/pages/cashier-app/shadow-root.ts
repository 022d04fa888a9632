// Puts the cashier in an open shadow root and mirrors the remote's stylesheets (links from its own origin) into it.
import { remotePublicPath } from './api-base-url';

export type Isolation = 'shadow' | 'none';

export interface IsolatedRoot {
  /** Where React renders: a div inside the shadow root, or the host element itself without isolation. */
  container: Element;
  /** Resolves once the mirrored stylesheets have loaded (or failed), so nothing is shown unstyled. */
  ready: Promise<void>;
  dispose(): void;
}

const isSheet = (node: Node): node is HTMLLinkElement =>
  node instanceof HTMLLinkElement && /(^|\s)stylesheet(\s|$)/i.test(node.rel) && !!node.href;

/** A stylesheet of this remote: served from under its public path (where remoteEntry.js came from). */
function isCashierSheet(link: HTMLLinkElement, base: string | null): boolean {
  return base !== null && link.href.startsWith(base);
}

function loaded(link: HTMLLinkElement): Promise<void> {
  if (link.sheet) return Promise.resolve();
  return new Promise((resolve) => {
    link.addEventListener('load', () => resolve(), { once: true });
    link.addEventListener('error', () => resolve(), { once: true });
  });
}

/** Renders into a shadow root of `host` unless isolation is 'none' (or the browser has no shadow DOM). */
export function isolate(host: Element, isolation: Isolation = 'shadow'): IsolatedRoot {
  if (isolation === 'none' || typeof host.attachShadow !== 'function') {
    return { container: host, ready: Promise.resolve(), dispose() {} };
  }
  const shadow = host.shadowRoot ?? host.attachShadow({ mode: 'open' });
  const base = remotePublicPath();
  const clones = new Map<HTMLLinkElement, HTMLLinkElement>();
  const mirror = (link: HTMLLinkElement) => {
    if (clones.has(link) || !isCashierSheet(link, base)) return;
    const clone = document.createElement('link');
    clone.rel = 'stylesheet';
    clone.href = link.href;
    if (link.crossOrigin !== null) clone.crossOrigin = link.crossOrigin;
    if (link.media) clone.media = link.media;
    clone.setAttribute('data-cashier-style', '');
    clones.set(link, clone);
    // Stylesheets first, so the order of the cascade is the document's.
    shadow.insertBefore(clone, container);
  };
  const container = document.createElement('div');
  container.setAttribute('data-cashier-shadow', '');
  shadow.appendChild(container);
  for (const link of document.querySelectorAll('link')) if (isSheet(link)) mirror(link);
  // Lazily loaded steps bring their own CSS later (and dev reloads replace it): keep the root in step with head.
  const observer = new MutationObserver((records) => {
    for (const record of records) {
      for (const node of record.addedNodes) if (isSheet(node)) mirror(node);
      for (const node of record.removedNodes) {
        const clone = isSheet(node) ? clones.get(node) : undefined;
        if (clone && isSheet(node)) {
          clone.remove();
          clones.delete(node);
        }
      }
    }
  });
  observer.observe(document.head, { childList: true });
  // Transparent (through the CSSOM, which a strict CSP allows) until the mirrored stylesheets have loaded: no unstyled
  // flash. Not hidden: focus may move into the dialog at once.
  if (clones.size) container.style.opacity = '0';
  const ready = Promise.all([...clones.values()].map(loaded)).then(() => {
    container.style.removeProperty('opacity');
  });
  return {
    container,
    ready,
    dispose() {
      observer.disconnect();
      for (const clone of clones.values()) clone.remove();
      clones.clear();
      container.remove();
    },
  };
}
