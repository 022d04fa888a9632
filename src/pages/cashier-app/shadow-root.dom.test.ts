import { isolate } from './shadow-root';

const REMOTE = 'http://localhost:3001/';
const globals = globalThis as unknown as { __webpack_public_path__?: string };

function sheet(href: string): HTMLLinkElement {
  const link = document.createElement('link');
  link.rel = 'stylesheet';
  link.href = href;
  document.head.appendChild(link);
  return link;
}

const mirrored = (root: ShadowRoot) => Array.from(root.querySelectorAll('link')).map((l) => l.href);
const flush = () => new Promise((resolve) => setTimeout(resolve, 0));

beforeEach(() => {
  globals.__webpack_public_path__ = REMOTE;
  document.head.innerHTML = '';
  document.body.innerHTML = '';
});
afterAll(() => {
  delete globals.__webpack_public_path__;
});

describe('isolate', () => {
  it("renders in an open shadow root with copies of the remote's stylesheets only, kept in step with head", async () => {
    sheet(`${REMOTE}__federation_expose_openCashier.css`);
    sheet('http://localhost:3003/host.css');
    const host = document.body.appendChild(document.createElement('div'));
    const isolated = isolate(host);
    const root = host.shadowRoot!;
    expect(root).not.toBeNull();
    expect(isolated.container.getRootNode()).toBe(root);
    expect(mirrored(root)).toEqual([`${REMOTE}__federation_expose_openCashier.css`]);
    // Links come before the rendered content, in the order head has them.
    expect(root.firstChild).toBeInstanceOf(HTMLLinkElement);

    const lazy = sheet(`${REMOTE}password-six-digit.css`);
    sheet('https://cdn.example/other.css');
    await flush();
    expect(mirrored(root)).toEqual([`${REMOTE}__federation_expose_openCashier.css`, `${REMOTE}password-six-digit.css`]);
    lazy.remove();
    await flush();
    expect(mirrored(root)).toEqual([`${REMOTE}__federation_expose_openCashier.css`]);

    isolated.dispose();
    sheet(`${REMOTE}face-verify.css`);
    await flush();
    expect(mirrored(root)).toEqual([]);
    expect(root.childNodes).toHaveLength(0);
  });

  it('keeps the content transparent until the copies have loaded, then shows it', async () => {
    sheet(`${REMOTE}a.css`);
    const host = document.body.appendChild(document.createElement('div'));
    const isolated = isolate(host);
    const content = isolated.container as HTMLElement;
    expect(content.style.opacity).toBe('0');
    host.shadowRoot!.querySelector('link')!.dispatchEvent(new Event('load'));
    await isolated.ready;
    expect(content.style.opacity).toBe('');
  });

  it("renders into the host's own element with isolation 'none'", async () => {
    sheet(`${REMOTE}a.css`);
    const host = document.body.appendChild(document.createElement('div'));
    const isolated = isolate(host, 'none');
    expect(isolated.container).toBe(host);
    expect(host.shadowRoot).toBeNull();
    await expect(isolated.ready).resolves.toBeUndefined();
  });
});
