// Screenshots every story of the previews in headless Chromium, at a phone and a desktop width, in both locales,
// and reports each story's console errors. Not a test: the PNGs (e2e/artifacts/stories/, gitignored) are for a
// person to look at.
//   npx tsx src/previews/screenshot-stories.ts [base URL] [--locale zh-CN|en-US] [--theme dark|brand] [--only <id part>]
// Base URL default: http://localhost:3001/previews.html (npm start).
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { type Browser, chromium, type Page } from 'playwright-core';
import { CHROMIUM_ARGS } from '../../e2e/browser';

const WIDTHS = [
  { width: 360, height: 740 },
  { width: 1280, height: 800 },
];
const LOCALES = ['zh-CN', 'en-US'] as const;
const OUT = path.resolve(__dirname, '../../e2e/artifacts/stories');
// Effects, lazy chunks, the page resources from the mock and simulated key presses settle within this.
const SETTLE_MS = 700;

interface Options {
  base: string;
  locales: readonly string[];
  theme?: string;
  only?: string;
}

function parseArgs(argv: string[]): Options {
  const options: Options = { base: 'http://localhost:3001/previews.html', locales: LOCALES };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--locale') options.locales = [argv[++i] ?? ''];
    else if (arg === '--only') options.only = argv[++i];
    else if (arg === '--theme') options.theme = argv[++i];
    else if (arg.startsWith('http')) options.base = arg;
    else throw new Error(`Unknown argument "${arg}". Usage: screenshot-stories.ts [base URL] [--locale zh-CN|en-US] [--theme dark|brand] [--only <id part>]`);
  }
  for (const locale of options.locales) {
    if (!(LOCALES as readonly string[]).includes(locale)) throw new Error(`--locale must be zh-CN or en-US, got "${locale}"`);
  }
  return options;
}

/** The story ids, read from the previews' own sidebar. */
async function storyIds(page: Page, base: string): Promise<string[]> {
  await page.goto(base, { waitUntil: 'load' });
  const links = page.locator('nav[aria-label="Stories"] a[href^="#/"]');
  await links.first().waitFor({ timeout: 30_000 });
  const hrefs = await links.evaluateAll((anchors) => anchors.map((a) => a.getAttribute('href') ?? ''));
  return hrefs.map((href) => decodeURIComponent(href.slice(2).split('?')[0] ?? '')).filter(Boolean);
}

async function shoot(browser: Browser, options: Options, id: string, locale: string, size: (typeof WIDTHS)[number]) {
  const page = await browser.newPage({ viewport: size, locale });
  const errors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  page.on('pageerror', (error) => errors.push(`uncaught: ${error.message}`));
  try {
    const theme = options.theme ? `&theme=${options.theme}` : '';
    await page.goto(`${options.base}#/${encodeURIComponent(id)}?locale=${locale}${theme}&view=canvas`, { waitUntil: 'load' });
    await page.locator(`[data-story-id="${id}"]`).waitFor({ timeout: 15_000 });
    await page.waitForTimeout(SETTLE_MS);
    const file = path.join(OUT, `${id}--${locale}${options.theme ? `--${options.theme}` : ''}--${size.width}.png`);
    await page.screenshot({ path: file, fullPage: true });
    return { file, errors };
  } finally {
    await page.close();
  }
}

async function main() {
  const options = parseArgs(process.argv.slice(2));
  mkdirSync(OUT, { recursive: true });
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: CHROMIUM_ARGS });
  let failures = 0;
  try {
    const listing = await browser.newPage();
    const ids = (await storyIds(listing, options.base)).filter((id) => !options.only || id.includes(options.only));
    await listing.close();
    // The previews app itself (sidebar, toolbar, controls, actions) once per width.
    for (const size of WIDTHS) {
      const page = await browser.newPage({ viewport: size });
      await page.goto(`${options.base}#/${ids[0] ?? ''}${options.theme ? `?theme=${options.theme}` : ''}`, { waitUntil: 'load' });
      await page.waitForTimeout(SETTLE_MS);
      await page.screenshot({ path: path.join(OUT, `previews-app--${size.width}.png`) });
      await page.close();
    }
    console.log(`${ids.length} stories × ${options.locales.length} locales × ${WIDTHS.length} widths → ${OUT}`);
    for (const id of ids) {
      for (const locale of options.locales) {
        for (const size of WIDTHS) {
          const { errors } = await shoot(browser, options, id, locale, size);
          const label = `${id} ${locale} ${size.width}px`;
          if (errors.length === 0) console.log(`ok    ${label}`);
          else {
            failures += 1;
            console.log(`ERROR ${label}\n${errors.map((e) => `      ${e}`).join('\n')}`);
          }
        }
      }
    }
  } finally {
    await browser.close();
  }
  console.log(failures === 0 ? 'No console errors.' : `${failures} screenshots had console errors.`);
  process.exitCode = failures === 0 ? 0 : 1;
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 2;
});
