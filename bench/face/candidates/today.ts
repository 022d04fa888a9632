// Before this change: face-api's bundled build (all of TensorFlow.js), WebGL else CPU, the tiny face detector at 320.
import * as faceapi from '@vladmandic/face-api';
import type { Load } from './types';

const WEIGHTS_URL = new URL('/@vladmandic/face-api/model/tiny_face_detector_model.bin', import.meta.url);
const MANIFEST_URL = new URL('/@vladmandic/face-api/model/tiny_face_detector_model-weights_manifest.json', import.meta.url);

export const load: Load = async () => {
  const tf = faceapi.tf as unknown as { getBackend(): string | undefined; setBackend(name: string): Promise<boolean>; ready(): Promise<void> };
  if (!(await tf.setBackend('webgl').catch(() => false))) await tf.setBackend('cpu');
  await tf.ready();
  const [manifest, weights] = await Promise.all([fetch(MANIFEST_URL).then((r) => r.json()), fetch(WEIGHTS_URL).then((r) => r.arrayBuffer())]);
  faceapi.nets.tinyFaceDetector.loadFromWeightMap(faceapi.tf.io.decodeWeights(weights, manifest[0].weights));
  const options = new faceapi.TinyFaceDetectorOptions({ inputSize: 320, scoreThreshold: 0.5 });
  return async (picture) => {
    const found = await faceapi.detectAllFaces(picture as HTMLCanvasElement, options);
    return found.map(({ box }) => ({ x: box.x, y: box.y, width: box.width, height: box.height }));
  };
};
