import { readFileSync } from 'node:fs';
import path from 'node:path';
import { faceVideoFrame } from '../../../e2e/fixtures/face-frames';
import { guidanceFor } from './guide';
import {
  conv1x1,
  conv3x3Valid,
  decodeBoxes,
  decodeWeights,
  type Detection,
  iou,
  maxPool2x2,
  nonMaxSuppression,
  runNet,
  separableConv,
  type Tensor3,
  toInput,
  type WeightSpec,
} from './tiny-face-net';

const MODEL = path.join(__dirname, '../../../node_modules/@vladmandic/face-api/model');

function tensor(width: number, height: number, channels: number, seed = 1): Tensor3 {
  const data = new Float32Array(width * height * channels);
  for (let i = 0; i < data.length; i++) data[i] = Math.sin(seed * 12.9898 + i * 78.233) * 0.5;
  return { width, height, channels, data };
}

const at = (t: Tensor3, x: number, y: number, c: number) => t.data[(y * t.width + x) * t.channels + c]!;
const leaky = (v: number) => (v < 0 ? v * 0.10000000149011612 : v);

/** Straightforward reference: a full 3x3 convolution with zero padding `pad`, filters [3, 3, inC, outC]. */
function referenceConv(input: Tensor3, filters: Float32Array, outC: number, pad: number, x: number, y: number, co: number): number {
  let sum = 0;
  for (let ky = 0; ky < 3; ky++)
    for (let kx = 0; kx < 3; kx++)
      for (let ci = 0; ci < input.channels; ci++) {
        const sx = x + kx - pad;
        const sy = y + ky - pad;
        if (sx < 0 || sy < 0 || sx >= input.width || sy >= input.height) continue;
        sum += at(input, sx, sy, ci) * filters[((ky * 3 + kx) * input.channels + ci) * outC + co]!;
      }
  return sum;
}

describe('tiny face network kernels', () => {
  it('conv3x3Valid matches a reference convolution, with bias and leaky ReLU', () => {
    const input = tensor(7, 6, 3);
    const filters = tensor(3, 3, 3 * 4, 2).data;
    const bias = new Float32Array([0.1, -0.2, 0.3, -0.4]);
    const out = conv3x3Valid(input, filters, bias);
    expect([out.width, out.height, out.channels]).toEqual([5, 4, 4]);
    for (const [x, y, co] of [[0, 0, 0], [4, 3, 3], [2, 1, 1], [3, 2, 2]] as const) {
      expect(at(out, x, y, co)).toBeCloseTo(leaky(referenceConv(input, filters, 4, 0, x, y, co) + bias[co]!), 5);
    }
  });

  it('separableConv is a zero-padded depthwise 3x3 then a pointwise 1x1, bias, leaky ReLU', () => {
    const input = tensor(5, 4, 3);
    const depthwise = tensor(3, 3, 3, 3).data;
    const pointwise = tensor(1, 3, 2, 4).data;
    const bias = new Float32Array([0.05, -0.05]);
    const out = separableConv(input, depthwise, pointwise, bias);
    expect([out.width, out.height, out.channels]).toEqual([5, 4, 2]);
    for (const [x, y, co] of [[0, 0, 0], [4, 3, 1], [2, 2, 0]] as const) {
      let sum = bias[co]!;
      for (let ci = 0; ci < 3; ci++) {
        let dw = 0;
        for (let ky = 0; ky < 3; ky++)
          for (let kx = 0; kx < 3; kx++) {
            const sx = x + kx - 1;
            const sy = y + ky - 1;
            if (sx >= 0 && sy >= 0 && sx < 5 && sy < 4) dw += at(input, sx, sy, ci) * depthwise[(ky * 3 + kx) * 3 + ci]!;
          }
        sum += dw * pointwise[ci * 2 + co]!;
      }
      expect(at(out, x, y, co)).toBeCloseTo(leaky(sum), 5);
    }
  });

  it("maxPool2x2 pads like TensorFlow's 'same': odd sizes round up, the far edge repeats nothing", () => {
    const input: Tensor3 = { width: 3, height: 3, channels: 1, data: new Float32Array([1, -2, 3, -4, 5, -6, 7, -8, -9]) };
    expect(Array.from(maxPool2x2(input, 2).data)).toEqual([5, 3, 7, -9]);
    const strideOne = maxPool2x2(input, 1);
    expect([strideOne.width, strideOne.height]).toEqual([3, 3]);
    expect(Array.from(strideOne.data)).toEqual([5, 5, 3, 7, 5, -6, 7, -8, -9]);
  });

  it('conv1x1 is a per-pixel matrix product plus bias', () => {
    const input: Tensor3 = { width: 1, height: 2, channels: 2, data: new Float32Array([1, 2, 3, 4]) };
    const out = conv1x1(input, new Float32Array([1, 0, 10, 0, 1, 100]), new Float32Array([0.5, 0, -1]));
    expect(Array.from(out.data)).toEqual([1.5, 2, 209, 3.5, 4, 429]);
  });

  it('toInput subtracts the mean colour and scales by 1/255, dropping alpha', () => {
    const input = toInput(new Uint8Array([255, 0, 97, 0]), 1);
    expect(input.data[0]).toBeCloseTo((255 - 117.001) / 255, 6);
    expect(input.data[1]).toBeCloseTo(-114.697 / 255, 6);
    expect(input.data[2]).toBeCloseTo((97 - 97.404) / 255, 6);
  });
});

describe('weights', () => {
  const spec = (name: string, shape: number[]): WeightSpec => ({ name, shape, dtype: 'float32', quantization: { dtype: 'uint8', scale: 0.5, min: -1 } });

  it('dequantizes uint8 weights (value = byte * scale + min) and refuses a file that is not the tiny detector', () => {
    const buffer = new Uint8Array([0, 2, 4]).buffer;
    expect(() => decodeWeights(buffer, [spec('conv0/bias', [3])])).toThrow('lack conv0/filters');
    expect(() => decodeWeights(buffer, [spec('conv0/bias', [2])])).toThrow('do not match their manifest');
  });

  it('decodes the shipped model: 19 tensors, first bias as its manifest says', () => {
    const manifest = JSON.parse(readFileSync(path.join(MODEL, 'tiny_face_detector_model-weights_manifest.json'), 'utf8')) as { weights: WeightSpec[] }[];
    const file = readFileSync(path.join(MODEL, 'tiny_face_detector_model.bin'));
    const specs = manifest[0]!.weights;
    const weights = decodeWeights(file.buffer.slice(file.byteOffset, file.byteOffset + file.length), specs);
    expect(weights.size).toBe(19);
    const q = specs[0]!.quantization!;
    expect(weights.get('conv0/filters')![0]).toBeCloseTo(file[0]! * q.scale + q.min, 6);
  });
});

describe('boxes', () => {
  /** A 1-cell grid whose anchor `a` holds [x, y, w, h, score] logits. */
  const grid = (a: number, values: number[]): Tensor3 => {
    const data = new Float32Array(25).fill(-20);
    data.set(values, a * 5);
    return { width: 1, height: 1, channels: 25, data };
  };

  it('decodes centre, size (anchor x exp) and score (sigmoid), above the threshold only', () => {
    const [box, ...rest] = decodeBoxes(grid(1, [0, 0, 0, 0, 3]), 320, 320, 0.5);
    expect(rest).toEqual([]);
    expect(box!.score).toBeCloseTo(1 / (1 + Math.exp(-3)), 6);
    expect(box!.width).toBeCloseTo(6.041143, 5);
    expect(box!.x).toBeCloseTo(0.5 - 6.041143 / 2, 5);
    expect(decodeBoxes(grid(1, [0, 0, 0, 0, -3]), 320, 320, 0.5)).toEqual([]);
  });

  it('stretches boxes back for a picture wider than tall (the padded square)', () => {
    const [box] = decodeBoxes(grid(0, [0, 0, 0, 0, 3]), 320, 240, 0.5);
    expect(box!.y + box!.height / 2).toBeCloseTo(0.5 * (320 / 240), 5);
    expect(box!.x + box!.width / 2).toBeCloseTo(0.5, 5);
  });

  it('non-maximum suppression keeps the best of overlapping boxes and every separate one', () => {
    const d = (x: number, score: number): Detection => ({ x, y: 0.1, width: 0.3, height: 0.3, score });
    const kept = nonMaxSuppression([d(0.1, 0.6), d(0.12, 0.9), d(0.6, 0.7)], 320);
    expect(kept.map((k) => k.score)).toEqual([0.9, 0.7]);
    expect(iou(d(0, 1), d(0, 1))).toBeCloseTo(1, 12);
    expect(iou(d(0, 1), d(0.5, 1))).toBe(0);
  });
});

describe('the network on a fixture frame', () => {
  const manifest = JSON.parse(readFileSync(path.join(MODEL, 'tiny_face_detector_model-weights_manifest.json'), 'utf8')) as { weights: WeightSpec[] }[];
  const file = readFileSync(path.join(MODEL, 'tiny_face_detector_model.bin'));
  const weights = decodeWeights(file.buffer.slice(file.byteOffset, file.byteOffset + file.length), manifest[0]!.weights);

  /** The 640 x 480 frame scaled (nearest) into the top of a 320 square, the rest transparent black: what the canvas holds. */
  function detect(name: 'face-a' | 'blank') {
    const frame = faceVideoFrame(name, 0);
    const rgba = new Uint8Array(320 * 320 * 4);
    for (let y = 0; y < 240; y++)
      for (let x = 0; x < 320; x++) rgba.set(frame.data.subarray(((2 * y) * 640 + 2 * x) * 4, ((2 * y) * 640 + 2 * x) * 4 + 4), (y * 320 + x) * 4);
    const boxes = nonMaxSuppression(decodeBoxes(runNet(toInput(rgba, 320), weights), 320, 240, 0.5), 320);
    return boxes.map((b) => ({ x: b.x * 640, y: b.y * 480, width: b.width * 640, height: b.height * 480 }));
  }

  it('finds the one centred face that the guide accepts, and nothing in a blank frame', () => {
    const faces = detect('face-a');
    expect(faces).toHaveLength(1);
    expect(guidanceFor(faces, 640, 480)).toBe('ok');
    expect(detect('blank')).toEqual([]);
  }, 60_000);
});
