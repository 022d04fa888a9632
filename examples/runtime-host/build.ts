// `tsx examples/runtime-host/build.ts`: esbuild bundles src/index.ts (hashed names) and writes dist/index.html for it.
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { build } from 'esbuild';

const DIST = path.join(__dirname, 'dist');

/** The bundle's files as index.html references them (esbuild's metafile names the hashed outputs). */
function assetTags(outputs: string[]): string {
  const href = (file: string) => `/${path.relative(DIST, file).split(path.sep).join('/')}`;
  const css = outputs.filter((file) => file.endsWith('.css')).map((file) => `<link rel="stylesheet" href="${href(file)}" />`);
  const js = outputs.filter((file) => file.endsWith('.js')).map((file) => `<script type="module" src="${href(file)}"></script>`);
  return [...css, ...js].join('\n    ');
}

async function main(): Promise<void> {
  rmSync(DIST, { recursive: true, force: true });
  mkdirSync(DIST, { recursive: true });
  const result = await build({
    entryPoints: { index: path.join(__dirname, 'src/index.ts') },
    outdir: DIST,
    entryNames: '[name].[hash]',
    bundle: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    minify: true,
    sourcemap: true,
    metafile: true,
    jsx: 'automatic',
    define: { 'process.env.NODE_ENV': '"production"' },
    logLevel: 'warning',
  });
  const outputs = Object.keys(result.metafile.outputs)
    .filter((file) => !file.endsWith('.map'))
    .map((file) => path.resolve(file));
  const template = readFileSync(path.join(__dirname, 'public/index.html'), 'utf8');
  // Empty without CASHIER_REMOTE_MANIFEST: the page then uses examples/shared/remote-manifest.ts's default.
  const html = template
    .replace('%CASHIER_REMOTE_MANIFEST%', process.env.CASHIER_REMOTE_MANIFEST ?? '')
    .replace('%ASSETS%', assetTags(outputs));
  writeFileSync(path.join(DIST, 'index.html'), html);
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
