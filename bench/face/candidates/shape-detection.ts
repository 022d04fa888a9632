// The Shape Detection API's FaceDetector: no download at all, where the browser has it.
import type { Load } from './types';

interface BrowserFaceDetector {
  detect(picture: CanvasImageSource): Promise<{ boundingBox: DOMRectReadOnly }[]>;
}
declare const FaceDetector: { new (options?: { fastMode?: boolean; maxDetectedFaces?: number }): BrowserFaceDetector } | undefined;

export const load: Load = async () => {
  if (typeof FaceDetector === 'undefined') throw new Error('FaceDetector is not defined in this browser');
  const detector = new FaceDetector({ fastMode: true, maxDetectedFaces: 4 });
  return async (picture) => (await detector.detect(picture)).map(({ boundingBox: b }) => ({ x: b.x, y: b.y, width: b.width, height: b.height }));
};
