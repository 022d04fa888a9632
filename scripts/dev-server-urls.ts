import type { Compiler, WebpackPluginInstance } from 'webpack';

/** Where `npm start` serves the widget previews: Storybook's static build (`npm run build-storybook`). */
export const PREVIEWS_PATH = '/previews/';
export const MOCK_API_PATH = '/api/cashier';
export const MANIFEST_PATH = '/mf-manifest.json';

/** The lines `npm start` prints once the dev server is ready: label, then URL. */
export function devServerUrls(origin: string): [label: string, url: string][] {
  return [
    ['playground', `${origin}/`],
    ['previews', `${origin}${PREVIEWS_PATH}`],
    ['mock API', `${origin}${MOCK_API_PATH}`],
    ['manifest', `${origin}${MANIFEST_PATH}`],
  ];
}

/** Prints the dev server's URLs after its first successful compile, when every one of them answers. */
export class DevServerUrls implements WebpackPluginInstance {
  constructor(private readonly origin: string) {}

  apply(compiler: Compiler): void {
    let printed = false;
    compiler.hooks.done.tap('DevServerUrls', (stats) => {
      if (printed || stats.hasErrors()) return;
      printed = true;
      const lines = devServerUrls(this.origin).map(([label, url]) => `  ${label.padEnd(10)}  ${url}`);
      // After webpack's own stats output, so the URLs are the last thing on the screen.
      setImmediate(() => console.log(['', 'cashier dev server ready:', ...lines, ''].join('\n')));
    });
  }
}
