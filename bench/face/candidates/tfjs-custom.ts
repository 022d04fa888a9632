// face-api's no-bundle build on a custom TensorFlow.js: tfjs-core, the CPU backend's base and only the kernels the tiny
// face detector runs (the bench's build maps face-api's '@tensorflow/tfjs' imports to tfjs-core, and its WebGL and
// WASM backend imports to nothing).
import '@tensorflow/tfjs-backend-cpu/dist/base';
import { type KernelConfig, registerKernel, setBackend, ready } from '@tensorflow/tfjs-core';
import { addConfig } from '@tensorflow/tfjs-backend-cpu/dist/kernels/Add';
import { castConfig } from '@tensorflow/tfjs-backend-cpu/dist/kernels/Cast';
import { concatConfig } from '@tensorflow/tfjs-backend-cpu/dist/kernels/Concat';
import { conv2DConfig } from '@tensorflow/tfjs-backend-cpu/dist/kernels/Conv2D';
import { depthwiseConv2dNativeConfig } from '@tensorflow/tfjs-backend-cpu/dist/kernels/DepthwiseConv2dNative';
import { fillConfig } from '@tensorflow/tfjs-backend-cpu/dist/kernels/Fill';
import { identityConfig } from '@tensorflow/tfjs-backend-cpu/dist/kernels/Identity';
import { maxPoolConfig } from '@tensorflow/tfjs-backend-cpu/dist/kernels/MaxPool';
import { multiplyConfig } from '@tensorflow/tfjs-backend-cpu/dist/kernels/Multiply';
import { padV2Config } from '@tensorflow/tfjs-backend-cpu/dist/kernels/PadV2';
import { packConfig } from '@tensorflow/tfjs-backend-cpu/dist/kernels/Pack';
import { realDivConfig } from '@tensorflow/tfjs-backend-cpu/dist/kernels/RealDiv';
import { reluConfig } from '@tensorflow/tfjs-backend-cpu/dist/kernels/Relu';
import { reshapeConfig } from '@tensorflow/tfjs-backend-cpu/dist/kernels/Reshape';
import { sliceConfig } from '@tensorflow/tfjs-backend-cpu/dist/kernels/Slice';
import { subConfig } from '@tensorflow/tfjs-backend-cpu/dist/kernels/Sub';
import { unpackConfig } from '@tensorflow/tfjs-backend-cpu/dist/kernels/Unpack';
import * as faceapi from '@vladmandic/face-api/dist/face-api.esm-nobundle.js';
import type { Load } from './types';

const KERNELS: KernelConfig[] = [
  addConfig, castConfig, concatConfig, conv2DConfig, depthwiseConv2dNativeConfig, fillConfig, identityConfig, maxPoolConfig,
  multiplyConfig, padV2Config, packConfig, realDivConfig, reluConfig, reshapeConfig, sliceConfig, subConfig, unpackConfig,
];
for (const kernel of KERNELS) registerKernel(kernel);

const WEIGHTS_URL = new URL('/@vladmandic/face-api/model/tiny_face_detector_model.bin', import.meta.url);
const MANIFEST_URL = new URL('/@vladmandic/face-api/model/tiny_face_detector_model-weights_manifest.json', import.meta.url);

export const load: Load = async () => {
  await setBackend('cpu');
  await ready();
  const [manifest, weights] = await Promise.all([fetch(MANIFEST_URL).then((r) => r.json()), fetch(WEIGHTS_URL).then((r) => r.arrayBuffer())]);
  faceapi.nets.tinyFaceDetector.loadFromWeightMap(faceapi.tf.io.decodeWeights(weights, manifest[0].weights));
  const options = new faceapi.TinyFaceDetectorOptions({ inputSize: 320, scoreThreshold: 0.5 });
  return async (picture) => {
    const found = await faceapi.detectAllFaces(picture as HTMLCanvasElement, options);
    return found.map(({ box }) => ({ x: box.x, y: box.y, width: box.width, height: box.height }));
  };
};
