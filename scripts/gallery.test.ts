import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { galleryMarkdown } from './gallery';
import { COMBINATIONS } from '../e2e/visual/matrix';
import { GALLERY, galleryFile } from './gallery/shots';

const DOCS = path.resolve(__dirname, '..', 'docs');

describe('the before/after gallery', () => {
  it('has one row per screen, with its caption and story id', () => {
    const markdown = galleryMarkdown();
    for (const shot of GALLERY) expect(markdown).toContain(`| **${shot.caption}**<br>\`${shot.story}\` |`);
    expect(markdown.split('\n').filter((line) => line.startsWith('| **'))).toHaveLength(GALLERY.length);
  });

  it('links every committed before screen, each from a combination of the visual matrix', () => {
    const markdown = galleryMarkdown();
    for (const shot of GALLERY) {
      expect(existsSync(path.join(DOCS, 'gallery', 'before', galleryFile(shot)))).toBe(true);
      expect(markdown).toContain(`(gallery/before/${galleryFile(shot)})`);
      const combination = COMBINATIONS.find((c) => c.name === shot.combination);
      expect(combination?.covers(shot.story)).toBe(true);
    }
  });

  it('keeps the committed docs/gallery.md in step with the script', () => {
    expect(readFileSync(path.join(DOCS, 'gallery.md'), 'utf8')).toBe(galleryMarkdown());
  });
});
