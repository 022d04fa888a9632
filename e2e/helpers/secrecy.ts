// Where a secret could be left behind in the browser: DOM (markup, attributes, form values), storage, IndexedDB, cookies.
import type { TrackedPage } from '../browser';

export interface ScanOptions {
  /** CSS selectors whose subtrees are left out of the DOM scan (e.g. the host's own order form). */
  exclude?: string[];
}

/** Every place in the page's state where `secret` shows up; the network/console side is tracked.findSecret. */
export async function findInPageState(tab: TrackedPage, secret: string, options: ScanOptions = {}): Promise<string[]> {
  const { page } = tab;
  const places: string[] = [];
  const exclude = options.exclude ?? [];
  if (!exclude.length && (await page.content()).includes(secret)) places.push('page.content()');
  const inPage = await page.evaluate(
    async ({ secret, exclude }) => {
      const found: string[] = [];
      const skipped = (node: Element) => exclude.some((selector) => node.closest(selector));
      const where = (el: Element) => `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''}${el.className && typeof el.className === 'string' ? `.${el.className.split(' ')[0]}` : ''}`;
      for (const el of Array.from(document.querySelectorAll('*'))) {
        if (skipped(el)) continue;
        for (const attr of Array.from(el.attributes)) {
          if (attr.value.includes(secret)) found.push(`attribute ${attr.name} of ${where(el)}`);
        }
        // Values live in properties, not markup: an <input> typed into or an <option> set by script.
        const value = (el as HTMLInputElement).value;
        if (typeof value === 'string' && value.includes(secret)) found.push(`value of ${where(el)}`);
        for (const child of Array.from(el.childNodes)) {
          if (child.nodeType === Node.TEXT_NODE && child.textContent?.includes(secret)) found.push(`text in ${where(el)}`);
        }
      }
      const storages: [string, Storage][] = [
        ['localStorage', localStorage],
        ['sessionStorage', sessionStorage],
      ];
      for (const [name, storage] of storages) {
        for (let i = 0; i < storage.length; i++) {
          const key = storage.key(i) ?? '';
          if (key.includes(secret) || (storage.getItem(key) ?? '').includes(secret)) found.push(`${name}[${key}]`);
        }
      }
      const databases = typeof indexedDB.databases === 'function' ? await indexedDB.databases() : [];
      for (const info of databases) {
        if (!info.name) continue;
        if (info.name.includes(secret)) found.push(`IndexedDB name ${info.name}`);
        const db = await new Promise<IDBDatabase>((resolve, reject) => {
          const request = indexedDB.open(info.name!);
          request.onsuccess = () => resolve(request.result);
          request.onerror = () => reject(request.error);
        });
        for (const storeName of Array.from(db.objectStoreNames)) {
          const rows = await new Promise<unknown[]>((resolve, reject) => {
            const request = db.transaction(storeName, 'readonly').objectStore(storeName).getAll();
            request.onsuccess = () => resolve(request.result);
            request.onerror = () => reject(request.error);
          });
          const text = JSON.stringify(rows, (_k, v) => (v instanceof ArrayBuffer || ArrayBuffer.isView(v) ? Array.from(new Uint8Array(v as ArrayBuffer)) : v));
          if (storeName.includes(secret) || text.includes(secret)) found.push(`IndexedDB ${info.name}/${storeName}`);
        }
        db.close();
      }
      return { found, databases: databases.map((d) => d.name ?? '') };
    },
    { secret, exclude },
  );
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
