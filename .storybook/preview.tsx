import type { Decorator, Preview } from '@storybook/react-webpack5';
import { setupWorker } from 'msw/browser';
import { mswLoader } from 'msw-storybook-addon/csf3';
import { type ReactNode, useLayoutEffect } from 'react';
import { ThemeScope } from '../src/pages/cashier-page/ThemeScope';
import { cashierHandlers } from '../src/stories-support/mock-api';
import { storyLocale, storyTheme } from '../src/stories-support/story-globals';

/** The payment server's answers; a request to it that no handler takes is an error, not a silent pass to the network. */
async function startWorker() {
  const worker = setupWorker(...cashierHandlers);
  await worker.start({
    // Beside iframe.html, so the static build also works under a path (e.g. the dev server's /previews/).
    serviceWorker: { url: new URL('mockServiceWorker.js', document.baseURI).pathname },
    quiet: true,
    onUnhandledRequest(request, print) {
      if (new URL(request.url).pathname.startsWith('/api/')) print.error();
    },
  });
  return worker;
}

/** Screen readers read the story in its language. */
function HtmlLang({ lang, children }: { lang: string; children: ReactNode }) {
  useLayoutEffect(() => {
    document.documentElement.lang = lang;
  }, [lang]);
  return children;
}

/** Components take `locale` as a prop: the toolbar's locale goes into every story's args. */
const withLocaleAndTheme: Decorator = (Story, context) => {
  const locale = storyLocale(context);
  return (
    <HtmlLang lang={locale}>
      <ThemeScope theme={storyTheme(context)}>
        <Story args={{ ...context.args, locale }} />
      </ThemeScope>
    </HtmlLang>
  );
};

const preview: Preview = {
  globalTypes: {
    locale: {
      description: 'Cashier locale',
      toolbar: {
        title: 'Locale',
        icon: 'globe',
        items: [
          { value: 'zh-CN', title: '简体中文 (zh-CN)' },
          { value: 'en-US', title: 'English (en-US)' },
        ],
        dynamicTitle: true,
      },
    },
    theme: {
      description: 'Theme overrides a host passes in CashierOptions.theme',
      toolbar: { title: 'Theme', icon: 'paintbrush', items: ['default', 'dark', 'brand'], dynamicTitle: true },
    },
  },
  initialGlobals: { locale: 'zh-CN', theme: 'default' },
  decorators: [withLocaleAndTheme],
  loaders: [mswLoader(startWorker)],
  parameters: {
    layout: 'padded',
    // The locale toolbar sets it; a control would be overwritten.
    controls: { exclude: ['locale'] },
    a11y: { test: 'error' },
  },
};

export default preview;
