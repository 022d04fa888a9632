// The static Storybook build for browser tests: rebuilt when older than its sources, served on a free localhost port,
// and the URL of every story in it (the visual files render each one to shoot and check it: e2e/visual/pass.ts).
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import express from 'express';

const ROOT = path.resolve(__dirname, '..');
/** `npm run build-storybook` writes here; STORYBOOK_STATIC points at another build (then nothing is rebuilt). */
export const STORYBOOK_DIR = process.env.STORYBOOK_STATIC ?? path.join(ROOT, 'storybook-static');
const INDEX = path.join(STORYBOOK_DIR, 'index.json');
// What the build is made of: the stories and what they render, the config, the mock server's fixtures, the lockfile.
const SOURCES = ['src', '.storybook', 'mocks', 'package-lock.json'];

function newestMtime(target: string): number {
  const full = path.join(ROOT, target);
  if (!existsSync(full)) return 0;
  const stat = statSync(full);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const entry of readdirSync(full, { recursive: true, withFileTypes: true })) {
    if (entry.isFile()) newest = Math.max(newest, statSync(path.join(entry.parentPath, entry.name)).mtimeMs);
  }
  return newest;
}

/** True when there is no build, or a source changed after it was made. */
export function storybookIsStale(): boolean {
  if (!existsSync(INDEX)) return true;
  const built = statSync(INDEX).mtimeMs;
  return SOURCES.some((source) => newestMtime(source) > built);
}

/** Runs `npm run build-storybook` when the build is stale (or `force`); throws with its output when it fails. */
export function ensureStorybookBuild({ force = false } = {}): { built: boolean } {
  if (process.env.STORYBOOK_STATIC) return { built: false };
  if (!force && !storybookIsStale()) return { built: false };
  console.log('[storybook] building storybook-static/ (npm run build-storybook)');
  const result = spawnSync('npm', ['run', 'build-storybook'], { cwd: ROOT, encoding: 'utf8', stdio: 'pipe' });
  if (result.status !== 0) throw new Error(`npm run build-storybook failed:\n${result.stdout}\n${result.stderr}`);
  return { built: true };
}

export interface StorybookServer {
  url: string;
  close(): Promise<void>;
}

/** Serves the static build on localhost (the MSW worker and WebAuthn need a secure context); port 0 = any free port. */
export function serveStorybook(port = Number(process.env.STORYBOOK_PORT ?? 0)): Promise<StorybookServer> {
  const app = express();
  app.use(express.static(STORYBOOK_DIR, { etag: false }));
  // The preview names no icon, so Chromium asks for /favicon.ico; a 404 there would read as a console error.
  app.get('/favicon.ico', (_req, res) => res.status(204).end());
  return new Promise((resolve, reject) => {
    const server: Server = app.listen(port, 'localhost', () => {
      const { port: bound } = server.address() as AddressInfo;
      resolve({
        url: `http://localhost:${bound}`,
        close: () => new Promise<void>((done) => server.close(() => done())),
      });
    });
    server.once('error', reject);
  });
}

export interface StoryEntry {
  id: string;
  title: string;
  name: string;
}

/** Every story (not docs entries) in the build's index.json, in index order. */
export function storyEntries(dir = STORYBOOK_DIR): StoryEntry[] {
  const index = JSON.parse(readFileSync(path.join(dir, 'index.json'), 'utf8')) as {
    entries: Record<string, StoryEntry & { type: string }>;
  };
  return Object.values(index.entries)
    .filter((entry) => entry.type === 'story')
    .map(({ id, title, name }) => ({ id, title, name }));
}

export type StoryLocale = 'zh-CN' | 'en-US';

export interface StoryUrlOptions {
  locale?: StoryLocale;
  theme?: 'default' | 'dark' | 'brand';
  /** Turn off the a11y addon's own axe pass (a test runs axe itself). */
  manualA11y?: boolean;
}

/** The story alone in Storybook's preview iframe, with the toolbar globals set through the URL. */
export function storyUrl(base: string, id: string, { locale = 'zh-CN', theme = 'default', manualA11y = false }: StoryUrlOptions = {}): string {
  const globals = [`locale:${locale}`, `theme:${theme}`, ...(manualA11y ? ['a11y.manual:!true'] : [])].join(';');
  return `${base}/iframe.html?id=${encodeURIComponent(id)}&viewMode=story&globals=${globals}`;
}

/** Each story's URL with the given globals. */
export function* storyUrls(base: string, options: StoryUrlOptions = {}, dir = STORYBOOK_DIR): Generator<StoryEntry & { url: string }> {
  for (const entry of storyEntries(dir)) yield { ...entry, url: storyUrl(base, entry.id, options) };
}
