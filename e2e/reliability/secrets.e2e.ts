// Secrets: after paying with a known password and card, the password is nowhere (DOM, storage, IndexedDB,
// cookies, Cache Storage, Redux state and actions, console, buried points, request URLs, headers and bodies); the full
// card number travels only in the bodies of the interfaces that need it.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Page } from 'playwright-core';
import { type E2EBrowser, type TrackedPage, waitUntil, waitVisible } from '../browser';
import {
  CARDS,
  checkOut,
  closeResult,
  enterPassword,
  finalKind,
  type Host,
  hostPageUrl,
  launchReliabilityBrowser,
  passwordDialog,
  payButton,
  payRequests,
  sentOrderId,
  shownReminder,
} from './support/cashier';
import { recordRedux, reduxLog } from './support/observe';
import { type ReliabilityRemote, startReliabilityRemote } from './support/remote';
import { emptyCounts, recordSummary } from './support/summary';

const PASSWORD = '123456';
const CARD = CARDS['acct-alice'] as string;
/** Alice's second card: the verification-failed dialog offers it, and the payment goes through on it. */
const CARD_B = '6225880000000000044';
/** The password as it could leak: plain, base64, as character codes, as a serialised Uint8Array. */
const PASSWORD_FORMS = [PASSWORD, Buffer.from(PASSWORD).toString('base64'), '49,50,51,52,53,54', '"0":49,"1":50,"2":51'];
const cardForms = (card: string) => [card, card.replace(/(\d{4})(?=\d)/g, '$1 '), card.replace(/(\d{4})(?=\d)/g, '$1-')];
const CARD_FORMS = [...cardForms(CARD), ...cardForms(CARD_B)];
/** The service interfaces whose request bodies carry the payment data, card number included (S1, S3). */
const CARD_BODIES = ['/api/cashier/preverify', '/api/cashier/preorder', '/api/cashier/pay'];

const counts = emptyCounts();
let remote: ReliabilityRemote;
let browser: E2EBrowser;

before(async () => {
  remote = await startReliabilityRemote();
  browser = await launchReliabilityBrowser();
  await recordRedux(browser.context);
});

after(async () => {
  counts.serverErrors += remote?.unexpected5xx() ?? 0;
  recordSummary('secrets: password and card sweep', counts, ['sweeps DOM + attributes + input values, storage, IndexedDB, cookies, Cache Storage, Redux, console, buried points, requests']);
  await browser?.close();
  await remote?.close();
});

interface PageDump {
  /** The document (attributes included) and every form control's current value, minus the host's order form. */
  dom: string;
  /** The host's order form (it holds the card the host itself typed). */
  hostForm: string;
  storage: string;
  indexedDb: string;
  caches: string;
  cookies: string;
}

/** Everything the page keeps, as text. */
function dumpPage(page: Page): Promise<PageDump> {
  return page.evaluate(async () => {
    const hostFormElement = document.querySelector('form[aria-label="Order"]');
    const values = (root: ParentNode) =>
      [...root.querySelectorAll('input, textarea, select')].map((el) => (el as HTMLInputElement).value).join('\n');
    const clone = document.documentElement.cloneNode(true) as HTMLElement;
    clone.querySelector('form[aria-label="Order"]')?.remove();
    const formless = document.createElement('div');
    // Open shadow roots too (the cashier renders in one): their markup and their form controls.
    const roots: ParentNode[] = [document];
    for (let i = 0; i < roots.length; i++) for (const el of roots[i]!.querySelectorAll('*')) if (el.shadowRoot) roots.push(el.shadowRoot);
    const controls = roots.flatMap((root) => [...root.querySelectorAll('input, textarea, select')]);
    formless.append(...controls.filter((el) => !hostFormElement?.contains(el)).map((el) => el.cloneNode()));
    const shadows = roots.slice(1).map((root) => (root as ShadowRoot).innerHTML).join('\n');
    const storageOf = (s: Storage) => Object.entries({ ...s }).map(([k, v]) => `${k}=${v}`).join('\n');
    const dbs = [];
    for (const info of (await indexedDB.databases?.()) ?? []) {
      if (!info.name) continue;
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const open = indexedDB.open(info.name as string);
        open.onsuccess = () => resolve(open.result);
        open.onerror = () => reject(open.error);
      });
      for (const name of db.objectStoreNames) {
        const all = await new Promise<unknown[]>((resolve) => {
          const request = db.transaction(name, 'readonly').objectStore(name).getAll();
          request.onsuccess = () => resolve(request.result);
          request.onerror = () => resolve([]);
        });
        dbs.push(`${info.name}/${name}: ${JSON.stringify(all)}`);
      }
      db.close();
    }
    const cached = [];
    for (const name of await caches.keys()) {
      const cache = await caches.open(name);
      for (const request of await cache.keys()) cached.push(`${request.url} ${await (await cache.match(request))?.text()}`);
    }
    return {
      dom: `${clone.outerHTML}\n${values(formless)}\n${shadows}`,
      hostForm: hostFormElement ? `${hostFormElement.outerHTML}\n${values(hostFormElement)}` : '',
      storage: `${storageOf(localStorage)}\n${storageOf(sessionStorage)}`,
      indexedDb: dbs.join('\n'),
      caches: cached.join('\n'),
      cookies: document.cookie,
    };
  });
}

function mergeDumps(dumps: PageDump[]): PageDump {
  const merged = { dom: '', hostForm: '', storage: '', indexedDb: '', caches: '', cookies: '' };
  for (const dump of dumps) for (const key of Object.keys(merged) as (keyof PageDump)[]) merged[key] += `${dump[key]}\n`;
  return merged;
}

/** Random tokens (ciphertexts, nonces, keys) may hold any digit run by chance: they are not searched. */
const stripTokens = (text: string) => text.replace(/[A-Za-z0-9+/_=-]{20,}/g, (token) => (/[A-Za-z]/.test(token) ? '<token>' : token));

/** Each place whose text holds one of the forms, with a few characters around the first hit. */
function placesHolding(forms: string[], where: Record<string, string>): string[] {
  return Object.entries(where).flatMap(([place, raw]) => {
    const text = stripTokens(raw);
    const form = forms.find((f) => text.includes(f));
    if (!form) return [];
    const at = text.indexOf(form);
    return [`${place} (…${text.slice(Math.max(0, at - 80), at + form.length + 20)}…)`];
  });
}

async function payAndSweep(host: Host): Promise<void> {
  const tab: TrackedPage = await browser.newPage();
  try {
    await remote.reset();
    await tab.page.goto(hostPageUrl(host, remote.manifestUrl));
    // ¥2,000.00 is over the first card's limit: the verification-failed dialog offers the second card.
    await checkOut(tab, host, { account: 'acct-alice', amount: '2000.00', card: CARD });
    await payButton(tab.page).click();
    const failedChecks = tab.page.getByRole('dialog', { name: 'Verification failed' });
    await waitVisible(tab, failedChecks, 'the "Verification failed" dialog');
    const dumps = [await dumpPage(tab.page)];
    const select = failedChecks.getByLabel('Pay with another card');
    await select.selectOption((await select.locator('option', { hasText: CARD_B.slice(-4) }).getAttribute('value')) ?? '');
    await failedChecks.getByRole('button', { name: 'Pay again' }).click();
    // A wrong password first: the error path must not keep it either.
    await enterPassword(tab, '654321');
    // It stays on the password step, saying so inline; the keypad takes a fresh entry.
    await waitVisible(tab, passwordDialog(tab.page).getByRole('alert').filter({ hasText: 'Wrong password' }), 'the inline wrong-password alert');
    // Five digits typed: nothing of them may be on the page either.
    await enterPassword(tab, PASSWORD.slice(0, 5), 'clicks');
    dumps.push(await dumpPage(tab.page));
    await enterPassword(tab, PASSWORD.slice(5), 'clicks');
    // The charge, not the dialog, says the payment went through (faults.e2e.ts checks what the page then shows).
    await waitUntil(() => remote.mock.state.charges.length === 1, 'the charge on the server');
    const orderId = sentOrderId(tab) as string;
    const kind = await finalKind(tab);
    await closeResult(tab, kind, host === 'vanilla');
    await shownReminder(tab, orderId);
    // Buried points leave in batches: leaving the page sends what is queued (by beacon).
    dumps.push(await dumpPage(tab.page));
    const dump = mergeDumps(dumps);
    const redux = await reduxLog(tab.page);
    await tab.page.goto('about:blank');
    await waitUntil(() => remote.mock.state.trackingEvents.some((e) => e.type === 'payment_result'), 'the buried points on the server', 10_000);
    const cookies = JSON.stringify(await browser.context.cookies());
    const buried = JSON.stringify(remote.mock.state.trackingEvents);
    const requests = tab.requests.filter((r) => r.url.startsWith(remote.url));
    const allBodies = requests.map((r) => `${r.method} ${r.url}\n${JSON.stringify(r.headers)}\n${r.postData ?? ''}`).join('\n');
    const otherBodies = requests.filter((r) => !CARD_BODIES.some((p) => new URL(r.url).pathname === p)).map((r) => r.postData ?? '').join('\n');
    const consoleText = tab.console.map((c) => c.text).join('\n') + tab.errors.map((e) => `${e.message}\n${e.stack}`).join('\n');

    // Five typed digits are looked for where the page keeps things; requests and Redux carry only ciphertext.
    const partialPlaces = placesHolding([PASSWORD.slice(0, 5)], { DOM: dump.dom, storage: dump.storage, IndexedDB: dump.indexedDb });
    const passwordPlaces = [...partialPlaces, ...placesHolding(PASSWORD_FORMS, {
      DOM: dump.dom,
      'host form': dump.hostForm,
      storage: dump.storage,
      IndexedDB: dump.indexedDb,
      'Cache Storage': dump.caches,
      cookies: `${dump.cookies}\n${cookies}`,
      'Redux actions': redux.actions.join('\n'),
      'Redux state': redux.states.join('\n'),
      console: consoleText,
      'buried points': buried,
      requests: allBodies,
    })];
    const cardPlaces = placesHolding(CARD_FORMS, {
      DOM: dump.dom,
      storage: dump.storage,
      IndexedDB: dump.indexedDb,
      'Cache Storage': dump.caches,
      cookies: `${dump.cookies}\n${cookies}`,
      console: consoleText,
      'buried points': buried,
      'request URLs': requests.map((r) => r.url).join('\n'),
      'request headers': requests.map((r) => JSON.stringify(r.headers)).join('\n'),
      'other request bodies': otherBodies,
    });
    counts.leaks += passwordPlaces.length + cardPlaces.length;
    counts.runs += 1;
    assert.deepEqual(passwordPlaces, [], `${host}: the password was found in ${passwordPlaces.join(', ')}`);
    assert.deepEqual(cardPlaces, [], `${host}: the full card number was found in ${cardPlaces.join(', ')}`);

    // What was checked was really there: the sweep looked at a page that paid, with its state and buried points.
    assert.ok(redux.actions.some((a) => a.includes('payment/pay/fulfilled')), 'the Redux log saw the payment');
    assert.ok(redux.states.some((s) => s.includes(orderId)));
    assert.ok(dump.dom.includes('Payment') || dump.dom.includes(orderId));
    assert.ok(dump.hostForm.includes(CARD), 'the sweep reads form values (the host’s own form holds the card)');
    assert.ok(remote.mock.state.trackingEvents.length > 3);
    const pays = payRequests(tab);
    assert.equal(pays.length, 2);
    for (const pay of pays) {
      const body = JSON.parse(pay.body ?? '{}') as { authentication?: { encryptedPassword?: { ciphertext?: string } } };
      assert.ok((body.authentication?.encryptedPassword?.ciphertext?.length ?? 0) > 100, 'only the encryption travels');
    }
    assert.ok(allBodies.includes(CARD_B), 'the card number did travel in the payment interfaces');
    assert.equal(remote.mock.state.charges[0]?.accountId, 'acct-alice');
  } finally {
    await tab.page.close();
  }
}

test('react-host (host store with paymentSlice injected): neither secret is kept or sent where it must not be', async () => {
  await payAndSweep('react');
});

test('vanilla-host (openCashier, the remote’s own store): neither secret is kept or sent where it must not be', async () => {
  await payAndSweep('vanilla');
});
