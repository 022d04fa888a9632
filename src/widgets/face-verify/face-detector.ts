// On-device face detection: face-api's tiny face detector. This module is its own chunk, loaded only when the
// face step opens; its weights are hashed assets of the remote's dist/, fetched from there, never from a CDN.
import * as faceapi from '@vladmandic/face-api';
import type { FaceBox } from './guide';

export interface FaceDetector {
  /** The faces in the current video frame, in video pixels. */
  detect(video: HTMLVideoElement): Promise<FaceBox[]>;
}

// webpack turns these into asset URLs (dist/assets/...[contenthash]); jest and tsx see file URLs.
const WEIGHTS_URL = new URL('@vladmandic/face-api/model/tiny_face_detector_model.bin', import.meta.url);
const MANIFEST_URL = new URL('@vladmandic/face-api/model/tiny_face_detector_model-weights_manifest.json', import.meta.url);

/** 320 is the detector's fast size; a face in the guide is large enough for it. */
const OPTIONS = new faceapi.TinyFaceDetectorOptions({ inputSize: 320, scoreThreshold: 0.5 });

async function fetchOk(url: URL): Promise<Response> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`Could not load ${url.pathname}: HTTP ${response.status}`);
  return response;
}

/** WebGL where the device has it, else the CPU; the WASM backend is left out (it would fetch its binaries). */
async function chooseBackend(): Promise<void> {
  // The bundled tfjs has these; face-api's type declarations leave them out.
  const tf = faceapi.tf as unknown as { getBackend(): string | undefined; setBackend(name: string): Promise<boolean>; ready(): Promise<void> };
  const current = tf.getBackend();
  if (current === 'webgl' || current === 'cpu') return;
  if (!(await tf.setBackend('webgl').catch(() => false))) await tf.setBackend('cpu');
  await tf.ready();
}

let loading: Promise<FaceDetector> | null = null;

async function load(): Promise<FaceDetector> {
  await chooseBackend();
  const net = faceapi.nets.tinyFaceDetector;
  if (!net.isLoaded) {
    const [manifest, weights] = await Promise.all([
      fetchOk(MANIFEST_URL).then((r) => r.json() as Promise<{ weights: Parameters<typeof faceapi.tf.io.decodeWeights>[1] }[]>),
      fetchOk(WEIGHTS_URL).then((r) => r.arrayBuffer()),
    ]);
    const specs = manifest[0]?.weights;
    if (!specs) throw new Error('The face detector manifest lists no weights');
    net.loadFromWeightMap(faceapi.tf.io.decodeWeights(weights, specs));
  }
  return {
    async detect(video) {
      const found = await faceapi.detectAllFaces(video, OPTIONS);
      return found.map(({ box }) => ({ x: box.x, y: box.y, width: box.width, height: box.height }));
    },
  };
}

/** Loads once per page; a failed load may be tried again. */
export function loadFaceDetector(): Promise<FaceDetector> {
  loading ??= load().catch((error: unknown) => {
    loading = null;
    throw error;
  });
  return loading;
}
