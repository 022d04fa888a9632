// The tiny face detector network (face-api's TinyFaceDetector: a separable-conv Tiny YOLO v2, one class, five anchors),
// run in plain JavaScript: its 19 weight tensors need five kernels, far less code than a tensor library, and no
// WebAssembly or eval, so a strict CSP is enough. Layers, padding and box decoding follow face-api's own.

/** One weight tensor as listed in the model's manifest (tfjs weights format, uint8-quantized float32). */
export interface WeightSpec {
  name: string;
  shape: number[];
  dtype: 'float32';
  quantization?: { dtype: 'uint8'; scale: number; min: number };
}

export type WeightMap = ReadonlyMap<string, Float32Array>;

/** A feature map, channels last: data[(y * width + x) * channels + c]. */
export interface Tensor3 {
  width: number;
  height: number;
  channels: number;
  data: Float32Array;
}

/** A box in relative coordinates (0..1 of the image) with its score. */
export interface Detection {
  x: number;
  y: number;
  width: number;
  height: number;
  score: number;
}

const MEAN_RGB = [117.001, 114.697, 97.404] as const;
const ANCHORS: readonly (readonly [number, number])[] = [
  [1.603231, 2.094468],
  [6.041143, 7.080126],
  [2.882459, 3.518061],
  [4.266906, 5.178857],
  [9.041765, 10.66308],
];
const IOU_THRESHOLD = 0.4;
const BOX_ENCODING = 5;
/** The same constant face-api multiplies by (float32 of 0.1). */
const LEAK = 0.10000000149011612;
const EXPECTED: ReadonlyArray<readonly [string, number[]]> = [
  ['conv0/filters', [3, 3, 3, 16]],
  ['conv0/bias', [16]],
  ...[16, 32, 64, 128, 256].flatMap((inC, i): [string, number[]][] => [
    [`conv${i + 1}/depthwise_filter`, [3, 3, inC, 1]],
    [`conv${i + 1}/pointwise_filter`, [1, 1, inC, inC * 2]],
    [`conv${i + 1}/bias`, [inC * 2]],
  ]),
  ['conv8/filters', [1, 1, 512, 25]],
  ['conv8/bias', [25]],
];

/** Decodes the weight file with its manifest entries, and checks it is the tiny face detector. */
export function decodeWeights(buffer: ArrayBuffer, specs: readonly WeightSpec[]): WeightMap {
  const map = new Map<string, Float32Array>();
  let offset = 0;
  for (const spec of specs) {
    const size = spec.shape.reduce((a, b) => a * b, 1);
    const q = spec.quantization;
    if (spec.dtype !== 'float32' || (q && q.dtype !== 'uint8')) throw new Error(`Unsupported weight type for ${spec.name}`);
    const values = new Float32Array(size);
    if (q) {
      const bytes = new Uint8Array(buffer, offset, size);
      for (let i = 0; i < size; i++) values[i] = bytes[i]! * q.scale + q.min;
      offset += size;
    } else {
      values.set(new Float32Array(buffer.slice(offset, offset + size * 4)));
      offset += size * 4;
    }
    map.set(spec.name, values);
  }
  if (offset !== buffer.byteLength) throw new Error('The face detector weights do not match their manifest');
  for (const [name, shape] of EXPECTED) {
    const size = shape.reduce((a, b) => a * b, 1);
    if (map.get(name)?.length !== size) throw new Error(`The face detector weights lack ${name} [${shape.join(', ')}]`);
  }
  return map;
}

function weight(weights: WeightMap, name: string): Float32Array {
  const values = weights.get(name);
  if (!values) throw new Error(`Missing weight ${name}`);
  return values;
}

const leaky = (v: number) => (v < 0 ? v * LEAK : v);

/** [k, outC] filters as [outC, k], so each output sums a contiguous row in a register; cached per weight array. */
const transposed = new WeakMap<Float32Array, Float32Array>();
function byOutput(filters: Float32Array, outC: number): Float32Array {
  let t = transposed.get(filters);
  if (!t) {
    const k = filters.length / outC;
    t = new Float32Array(filters.length);
    for (let i = 0; i < k; i++) for (let co = 0; co < outC; co++) t[co * k + i] = filters[i * outC + co]!;
    transposed.set(filters, t);
  }
  return t;
}

/** 3x3 convolution, 'valid' padding, stride 1, with bias and leaky ReLU: the first layer. Filters [3, 3, inC, outC]. */
export function conv3x3Valid(input: Tensor3, filters: Float32Array, bias: Float32Array): Tensor3 {
  const { width, height, channels: inC, data } = input;
  const outC = bias.length;
  const k = 9 * inC;
  const w = byOutput(filters, outC);
  const outW = width - 2;
  const outH = height - 2;
  const out = new Float32Array(outW * outH * outC);
  const patch = new Float32Array(k);
  for (let y = 0; y < outH; y++) {
    for (let x = 0; x < outW; x++) {
      for (let ky = 0; ky < 3; ky++) patch.set(data.subarray(((y + ky) * width + x) * inC, ((y + ky) * width + x + 3) * inC), ky * 3 * inC);
      const o = (y * outW + x) * outC;
      for (let co = 0; co < outC; co++) {
        let sum = bias[co]!;
        const row = co * k;
        for (let i = 0; i < k; i++) sum += patch[i]! * w[row + i]!;
        out[o + co] = leaky(sum);
      }
    }
  }
  return { width: outW, height: outH, channels: outC, data: out };
}

/** 2x2 max pooling with TensorFlow's 'same' padding (the missing row or column at the far edge is ignored). */
export function maxPool2x2(input: Tensor3, stride: 1 | 2): Tensor3 {
  const { width, height, channels, data } = input;
  const outW = Math.ceil(width / stride);
  const outH = Math.ceil(height / stride);
  const out = new Float32Array(outW * outH * channels);
  for (let y = 0; y < outH; y++) {
    const y0 = y * stride;
    const y1 = Math.min(y0 + 1, height - 1);
    for (let x = 0; x < outW; x++) {
      const x0 = x * stride;
      const x1 = Math.min(x0 + 1, width - 1);
      const a = (y0 * width + x0) * channels;
      const b = (y0 * width + x1) * channels;
      const c = (y1 * width + x0) * channels;
      const d = (y1 * width + x1) * channels;
      const o = (y * outW + x) * channels;
      for (let ch = 0; ch < channels; ch++) out[o + ch] = Math.max(data[a + ch]!, data[b + ch]!, data[c + ch]!, data[d + ch]!);
    }
  }
  return { width: outW, height: outH, channels, data: out };
}

/**
 * Zero-padded 3x3 depthwise convolution, then 1x1 pointwise, bias and leaky ReLU (face-api's depthwiseSeparableConv).
 * Depthwise filter [3, 3, inC, 1], pointwise [1, 1, inC, outC].
 */
export function separableConv(input: Tensor3, depthwise: Float32Array, pointwise: Float32Array, bias: Float32Array): Tensor3 {
  const { width, height, channels: inC, data } = input;
  const outC = bias.length;
  const pw = byOutput(pointwise, outC);
  const out = new Float32Array(width * height * outC);
  const dw = new Float32Array(inC);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      dw.fill(0);
      for (let ky = 0; ky < 3; ky++) {
        const sy = y + ky - 1;
        if (sy < 0 || sy >= height) continue;
        for (let kx = 0; kx < 3; kx++) {
          const sx = x + kx - 1;
          if (sx < 0 || sx >= width) continue;
          const at = (sy * width + sx) * inC;
          const w = (ky * 3 + kx) * inC;
          for (let c = 0; c < inC; c++) dw[c]! += data[at + c]! * depthwise[w + c]!;
        }
      }
      const o = (y * width + x) * outC;
      for (let co = 0; co < outC; co++) {
        let sum = bias[co]!;
        const row = co * inC;
        for (let ci = 0; ci < inC; ci++) sum += dw[ci]! * pw[row + ci]!;
        out[o + co] = leaky(sum);
      }
    }
  }
  return { width, height, channels: outC, data: out };
}

/** 1x1 convolution with bias, no activation: the output layer. Filters [1, 1, inC, outC]. */
export function conv1x1(input: Tensor3, filters: Float32Array, bias: Float32Array): Tensor3 {
  const { width, height, channels: inC, data } = input;
  const outC = bias.length;
  const w = byOutput(filters, outC);
  const out = new Float32Array(width * height * outC);
  for (let p = 0; p < width * height; p++) {
    for (let co = 0; co < outC; co++) {
      let sum = bias[co]!;
      for (let ci = 0; ci < inC; ci++) sum += data[p * inC + ci]! * w[co * inC + ci]!;
      out[p * outC + co] = sum;
    }
  }
  return { width, height, channels: outC, data: out };
}

/**
 * The network input from square RGBA pixels (the image scaled so its longer side fills `size`, the rest transparent
 * black): RGB minus face-api's mean, divided by 255.
 */
export function toInput(rgba: Uint8ClampedArray | Uint8Array, size: number): Tensor3 {
  const data = new Float32Array(size * size * 3);
  for (let p = 0; p < size * size; p++) {
    for (let c = 0; c < 3; c++) data[p * 3 + c] = (rgba[p * 4 + c]! - MEAN_RGB[c]!) / 255;
  }
  return { width: size, height: size, channels: 3, data };
}

/** The raw output grid: cells x cells x (5 anchors x [x, y, w, h, score]). */
export function runNet(input: Tensor3, weights: WeightMap): Tensor3 {
  let out = conv3x3Valid(input, weight(weights, 'conv0/filters'), weight(weights, 'conv0/bias'));
  for (let i = 1; i <= 5; i++) {
    out = maxPool2x2(out, 2);
    out = separableConv(out, weight(weights, `conv${i}/depthwise_filter`), weight(weights, `conv${i}/pointwise_filter`), weight(weights, `conv${i}/bias`));
  }
  out = maxPool2x2(out, 1);
  return conv1x1(out, weight(weights, 'conv8/filters'), weight(weights, 'conv8/bias'));
}

const sigmoid = (v: number) => 1 / (1 + Math.exp(-v));

/**
 * Boxes above the score threshold, relative to the scaled image (`scaledWidth` x `scaledHeight` inside the square
 * input), the way face-api reads them from the grid.
 */
export function decodeBoxes(grid: Tensor3, scaledWidth: number, scaledHeight: number, scoreThreshold: number): Detection[] {
  const cells = grid.width;
  const longer = Math.max(scaledWidth, scaledHeight);
  const fx = longer / scaledWidth;
  const fy = longer / scaledHeight;
  const found: Detection[] = [];
  for (let row = 0; row < cells; row++) {
    for (let col = 0; col < cells; col++) {
      for (let a = 0; a < ANCHORS.length; a++) {
        const at = (row * cells + col) * grid.channels + a * BOX_ENCODING;
        const v = grid.data;
        const score = sigmoid(v[at + 4]!);
        if (score <= scoreThreshold) continue;
        const [anchorW, anchorH] = ANCHORS[a]!;
        const cx = ((col + sigmoid(v[at]!)) / cells) * fx;
        const cy = ((row + sigmoid(v[at + 1]!)) / cells) * fy;
        const width = ((Math.exp(v[at + 2]!) * anchorW) / cells) * fx;
        const height = ((Math.exp(v[at + 3]!) * anchorH) / cells) * fy;
        found.push({ x: cx - width / 2, y: cy - height / 2, width, height, score });
      }
    }
  }
  return found;
}

export function iou(a: Omit<Detection, 'score'>, b: Omit<Detection, 'score'>): number {
  const w = Math.max(0, Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x));
  const h = Math.max(0, Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y));
  const inter = w * h;
  const union = a.width * a.height + b.width * b.height - inter;
  return union > 0 ? inter / union : 0;
}

/** Greedy non-maximum suppression, best score first; boxes compared in input pixels as face-api does. */
export function nonMaxSuppression(boxes: readonly Detection[], inputSize: number, threshold = IOU_THRESHOLD): Detection[] {
  const scaled = (d: Detection) => ({ x: d.x * inputSize, y: d.y * inputSize, width: d.width * inputSize, height: d.height * inputSize });
  const left = [...boxes].sort((a, b) => b.score - a.score);
  const kept: Detection[] = [];
  while (left.length > 0) {
    const best = left.shift()!;
    kept.push(best);
    for (let i = left.length - 1; i >= 0; i--) if (iou(scaled(best), scaled(left[i]!)) > threshold) left.splice(i, 1);
  }
  return kept;
}
