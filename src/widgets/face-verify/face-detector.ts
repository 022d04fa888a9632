// On-device face detection: the tiny face detector's network in plain JavaScript (tiny-face-net.ts). This module is its
// own chunk, loaded only when the face step opens; its weights are hashed assets of the remote's dist/, never a CDN's.
import type { FaceBox } from './guide';
import { decodeBoxes, decodeWeights, nonMaxSuppression, runNet, toInput, type WeightMap, type WeightSpec } from './tiny-face-net';

export interface FaceDetector {
  /** The faces in the current video frame, in video pixels. */
  detect(video: HTMLVideoElement): Promise<FaceBox[]>;
}

// webpack turns these into asset URLs (dist/assets/...[contenthash]); jest and tsx see file URLs.
const WEIGHTS_URL = new URL('@vladmandic/face-api/model/tiny_face_detector_model.bin', import.meta.url);
const MANIFEST_URL = new URL('@vladmandic/face-api/model/tiny_face_detector_model-weights_manifest.json', import.meta.url);

/** 320 is the detector's fast size; a face in the guide is large enough for it. */
export const INPUT_SIZE = 320;
const SCORE_THRESHOLD = 0.5;

async function fetchOk(url: URL): Promise<Response> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`Could not load ${url.pathname}: HTTP ${response.status}`);
  return response;
}

export async function loadWeights(): Promise<WeightMap> {
  const [manifest, buffer] = await Promise.all([
    fetchOk(MANIFEST_URL).then((r) => r.json() as Promise<{ weights: WeightSpec[] }[]>),
    fetchOk(WEIGHTS_URL).then((r) => r.arrayBuffer()),
  ]);
  const specs = manifest[0]?.weights;
  if (!specs) throw new Error('The face detector manifest lists no weights');
  return decodeWeights(buffer, specs);
}

/** A detector over any drawable picture of the given size (a video frame, an image, a canvas). */
export function detectorFor(weights: WeightMap, size = INPUT_SIZE) {
  const canvas = document.createElement('canvas');
  canvas.width = size;
  canvas.height = size;
  const context = canvas.getContext('2d', { willReadFrequently: true });
  if (!context) throw new Error('This browser cannot draw the camera picture');
  return (picture: CanvasImageSource, width: number, height: number): FaceBox[] => {
    if (!width || !height) return [];
    // The longer side fills the square input; the rest stays transparent black, as face-api pads it.
    const scale = size / Math.max(width, height);
    const scaledWidth = Math.round(width * scale);
    const scaledHeight = Math.round(height * scale);
    context.clearRect(0, 0, size, size);
    context.drawImage(picture, 0, 0, scaledWidth, scaledHeight);
    const grid = runNet(toInput(context.getImageData(0, 0, size, size).data, size), weights);
    const boxes = nonMaxSuppression(decodeBoxes(grid, scaledWidth, scaledHeight, SCORE_THRESHOLD), size);
    return boxes.map((b) => ({ x: b.x * width, y: b.y * height, width: b.width * width, height: b.height * height }));
  };
}

let loading: Promise<FaceDetector> | null = null;

async function load(): Promise<FaceDetector> {
  const detect = detectorFor(await loadWeights());
  return {
    async detect(video) {
      return detect(video, video.videoWidth, video.videoHeight);
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
