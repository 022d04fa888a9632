// `npm run gallery`: copies the gallery's screens (scripts/gallery/shots.ts) from the visual baselines into
// docs/gallery/after/ and rewrites docs/gallery.md, before beside after. `npm run gallery -- --before` fills
// docs/gallery/before/ instead (done once, from the baselines of the UI before the redesign).
import { copyFileSync, existsSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { GALLERY, type GalleryShot, galleryFile } from './gallery/shots';

const ROOT = path.resolve(__dirname, '..');
const BASELINES = path.join(ROOT, 'e2e', 'visual', 'baselines');
const DOCS = path.join(ROOT, 'docs');
const GALLERY_DIR = path.join(DOCS, 'gallery');

function copyShots(side: 'before' | 'after'): void {
  const target = path.join(GALLERY_DIR, side);
  const missing = GALLERY.map((shot) => path.join(BASELINES, shot.combination, `${shot.story}.png`)).filter((file) => !existsSync(file));
  if (missing.length) {
    throw new Error(`no baseline for:\n  ${missing.map((f) => path.relative(ROOT, f)).join('\n  ')}\nRun \`npm run test:visual:update\` first.`);
  }
  mkdirSync(target, { recursive: true });
  for (const file of readdirSync(target)) if (file.endsWith('.png')) rmSync(path.join(target, file));
  for (const shot of GALLERY) copyFileSync(path.join(BASELINES, shot.combination, `${shot.story}.png`), path.join(target, galleryFile(shot)));
  console.log(`[gallery] ${GALLERY.length} screens copied to ${path.relative(ROOT, target)}/`);
}

const cell = (side: 'before' | 'after', shot: GalleryShot): string =>
  existsSync(path.join(GALLERY_DIR, side, galleryFile(shot))) ? `![${side}: ${shot.caption}](gallery/${side}/${galleryFile(shot)})` : `*(none yet)*`;

/** docs/gallery.md: one row per screen, before on the left, after on the right. */
export function galleryMarkdown(): string {
  const rows = GALLERY.map((shot) => `| **${shot.caption}**<br>\`${shot.story}\` | ${cell('before', shot)} | ${cell('after', shot)} |`);
  return `# Before and after: the payer's experience

Screens of the Storybook stories as the visual regression test shoots them (\`e2e/visual.e2e.ts\`: reduced motion,
fonts loaded, the stories' fixed clock). *Before* is the cashier as it was before the one-sheet redesign; *after* is
copied from the committed baselines by \`npm run gallery\` (run it after \`npm run test:visual:update\`).

| screen | before | after |
| --- | --- | --- |
${rows.join('\n')}
`;
}

function main(): void {
  const before = process.argv.includes('--before');
  copyShots(before ? 'before' : 'after');
  writeFileSync(path.join(DOCS, 'gallery.md'), galleryMarkdown());
  console.log('[gallery] docs/gallery.md written');
}

if (require.main === module) main();
