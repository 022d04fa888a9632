import { PNG } from 'pngjs';
import { comparePngs } from './compare';

/** A width×height PNG filled with one colour, one pixel optionally another. */
function png(width: number, height: number, rgb: [number, number, number], odd?: { x: number; y: number; rgb: [number, number, number] }): Buffer {
  const image = new PNG({ width, height });
  for (let i = 0; i < width * height; i++) image.data.set([...rgb, 255], i * 4);
  if (odd) image.data.set([...odd.rgb, 255], (odd.y * width + odd.x) * 4);
  return PNG.sync.write(image);
}

describe('comparePngs', () => {
  test('the same bytes are the same picture, without decoding (a buffer that is not even a PNG)', () => {
    const bytes = Buffer.from('not a png');
    expect(comparePngs(bytes, Buffer.from(bytes))).toEqual({ same: true, differingPixels: 0, ratio: 0, reason: '' });
  });

  test('different bytes are compared pixel by pixel: one pixel in 10,000 is within the threshold', () => {
    const result = comparePngs(png(100, 100, [255, 255, 255], { x: 3, y: 4, rgb: [0, 0, 0] }), png(100, 100, [255, 255, 255]));
    expect(result.same).toBe(true);
    expect(result.differingPixels).toBe(1);
  });

  test('more differing pixels than 0.1% fail with a count, a size change with both sizes', () => {
    const many = comparePngs(png(10, 10, [0, 0, 0]), png(10, 10, [255, 255, 255]));
    expect(many.same).toBe(false);
    expect(many.reason).toMatch(/^100 pixels differ/);
    expect(comparePngs(png(10, 10, [0, 0, 0]), png(10, 11, [0, 0, 0])).reason).toBe('size 10×10, baseline 10×11');
  });
});
