// Comparing a screenshot with its committed baseline: pixelmatch over two PNGs, with the thresholds of the visual
// regression test; on a difference, the actual, expected and diff PNGs go to the artifacts folder.
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import pixelmatch from 'pixelmatch';
import { PNG } from 'pngjs';

/** Per-pixel colour distance (0..1, pixelmatch's YIQ metric) under which two pixels count as the same. */
export const PIXEL_THRESHOLD = 0.1;
/** Share of differing pixels a screenshot may have and still match its baseline (0.1%). */
export const MAX_DIFF_RATIO = 0.001;

export interface Comparison {
  /** True when the sizes agree and the differing share is within MAX_DIFF_RATIO. */
  same: boolean;
  differingPixels: number;
  ratio: number;
  /** Why not the same, in words (size change or pixel count); empty when the same. */
  reason: string;
  /** The diff image (red where pixels differ), when the sizes agree. */
  diff?: PNG;
}

export function comparePngs(actual: Buffer, expected: Buffer): Comparison {
  // Chromium encodes the same pixels to the same bytes: the usual case needs no decoding.
  if (actual.equals(expected)) return { same: true, differingPixels: 0, ratio: 0, reason: '' };
  const a = PNG.sync.read(actual);
  const e = PNG.sync.read(expected);
  if (a.width !== e.width || a.height !== e.height) {
    return { same: false, differingPixels: Number.NaN, ratio: 1, reason: `size ${a.width}×${a.height}, baseline ${e.width}×${e.height}` };
  }
  const diff = new PNG({ width: a.width, height: a.height });
  const differingPixels = pixelmatch(a.data, e.data, diff.data, a.width, a.height, { threshold: PIXEL_THRESHOLD });
  const ratio = differingPixels / (a.width * a.height);
  const same = ratio <= MAX_DIFF_RATIO;
  const reason = same ? '' : `${differingPixels} pixels differ (${(ratio * 100).toFixed(3)}% > ${MAX_DIFF_RATIO * 100}%)`;
  return { same, differingPixels, ratio, reason, diff };
}

/** Writes <name>-actual.png, -expected.png and (when sizes agree) -diff.png under `dir`; returns their paths. */
export function writeArtifacts(dir: string, name: string, actual: Buffer, expected: Buffer | null, diff?: PNG): string[] {
  mkdirSync(dir, { recursive: true });
  const files: [string, Buffer][] = [[`${name}-actual.png`, actual]];
  if (expected) files.push([`${name}-expected.png`, expected]);
  if (diff) files.push([`${name}-diff.png`, PNG.sync.write(diff)]);
  return files.map(([file, data]) => {
    const full = path.join(dir, file);
    writeFileSync(full, data);
    return full;
  });
}
