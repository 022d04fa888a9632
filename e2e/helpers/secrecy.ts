// Where a secret could be left behind in the browser: DOM (markup, attributes, form values), storage, IndexedDB, cookies.
import type { TrackedPage } from '../browser';

export interface ScanOptions {
  /** CSS selectors whose subtrees are left out of the DOM scan (e.g. the host's own order form). */
  exclude?: string[];
}

// Plain JavaScript in a string: tsx would wrap named functions in a helper (__name) the page does not have.
const IN_PAGE_SCAN = `async ({ secret, exclude }) => {
  const found = [];
  const where = (el) => el.tagName.toLowerCase() + (el.id ? '#' + el.id : '') + (typeof el.className === 'string' && el.className ? '.' + el.className.split(' ')[0] : '');
  // Every element, also inside open shadow roots (the cashier renders in one), where querySelectorAll does not look.
  const all = [];
  const collect = (root) => {
    for (const el of root.querySelectorAll('*')) {
      all.push(el);
      if (el.shadowRoot) collect(el.shadowRoot);
    }
  };
  collect(document);
  const excluded = (el) => exclude.some((selector) => el.closest(selector) || (el.getRootNode().host && el.getRootNode().host.closest(selector)));
  for (const el of all) {
    if (excluded(el)) continue;
    for (const attr of el.attributes) if (attr.value.includes(secret)) found.push('attribute ' + attr.name + ' of ' + where(el));
    // Values live in properties, not markup: an <input> typed into, an <option> set by script.
    if (typeof el.value === 'string' && el.value.includes(secret)) found.push('value of ' + where(el));
    for (const child of el.childNodes) {
      if (child.nodeType === Node.TEXT_NODE && child.textContent.includes(secret)) found.push('text in ' + where(el));
    }
  }
  for (const [name, storage] of [['localStorage', localStorage], ['sessionStorage', sessionStorage]]) {
    for (let i = 0; i < storage.length; i++) {
      const key = storage.key(i) || '';
      if (key.includes(secret) || (storage.getItem(key) || '').includes(secret)) found.push(name + '[' + key + ']');
    }
  }
  // Bytes are read as Latin-1 text, so a password kept as a byte array is found too.
  const bytes = (v) => (v instanceof ArrayBuffer || ArrayBuffer.isView(v) ? String.fromCharCode(...new Uint8Array(v.buffer || v)) : v);
  const request = (r) => new Promise((resolve, reject) => { r.onsuccess = () => resolve(r.result); r.onerror = () => reject(r.error); });
  for (const info of await indexedDB.databases()) {
    if (!info.name) continue;
    if (info.name.includes(secret)) found.push('IndexedDB name ' + info.name);
    const db = await request(indexedDB.open(info.name));
    for (const store of db.objectStoreNames) {
      const rows = await request(db.transaction(store, 'readonly').objectStore(store).getAll());
      if (store.includes(secret) || JSON.stringify(rows, (_k, v) => bytes(v)).includes(secret)) found.push('IndexedDB ' + info.name + '/' + store);
    }
    db.close();
  }
  return { found };
}`;

/** Every place in the page's state where `secret` shows up; the network/console side is tracked.findSecret. */
export async function findInPageState(tab: TrackedPage, secret: string, options: ScanOptions = {}): Promise<string[]> {
  const { page } = tab;
  const places: string[] = [];
  const exclude = options.exclude ?? [];
  if (!exclude.length && (await page.content()).includes(secret)) places.push('page.content()');
  const inPage = (await page.evaluate(`(${IN_PAGE_SCAN})(${JSON.stringify({ secret, exclude })})`)) as { found: string[] };
  places.push(...inPage.found);
  for (const cookie of await page.context().cookies()) {
    if (cookie.name.includes(secret) || cookie.value.includes(secret)) places.push(`cookie ${cookie.name} (${cookie.domain})`);
  }
  return places;
}

/** Requests whose body may carry the full card number: the payment data itself travels to these (S1, S3). */
const CARD_BODY_ALLOWED = /\/api\/cashier\/(preverify|preorder|pay|page-resources\/.*)$/;

/** findSecret for a card number: URLs, headers, console and errors everywhere; bodies only outside the payment interfaces. */
export function findCardInTraffic(tab: TrackedPage, card: string): string[] {
  return tab.findSecret(card).filter((place) => {
    const body = /^request body (\S+) (\S+)$/.exec(place);
    return !(body && CARD_BODY_ALLOWED.test((body[2] ?? '').split('?')[0] ?? ''));
  });
}
