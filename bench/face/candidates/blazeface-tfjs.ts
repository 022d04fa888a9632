// @tensorflow-models/face-detection (MediaPipe short-range BlazeFace) on tfjs-core with the WebGL backend and the graph
// model runtime. Its weights come only from the model hub (no npm package ships them as a tfjs model), which the strict
// no-CDN rule forbids: the bench measures this candidate's code only and fails its load on purpose.
import '@tensorflow/tfjs-backend-webgl';
import '@tensorflow/tfjs-converter';
import * as faceDetection from '@tensorflow-models/face-detection';
import type { Load } from './types';

export const load: Load = async () => {
  // Reached only with a modelUrl on our own origin; none exists, so this throws where the hub would have been asked.
  await faceDetection.createDetector(faceDetection.SupportedModels.MediaPipeFaceDetector, {
    runtime: 'tfjs',
    modelType: 'short',
    modelUrl: new URL('/no-such-model/model.json', import.meta.url).href,
  });
  throw new Error('unreachable: no BlazeFace tfjs weights on this origin');
};
