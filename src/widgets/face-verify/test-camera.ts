// Test support for jsdom: a fake camera (getUserMedia, tracks, a playing video, a canvas) and a scripted face detector.
import type { FaceDetector } from './face-detector';
import type { FaceBox } from './guide';

export const CAPTURED = 'data:image/jpeg;base64,/9j/AAAA';

export interface FakeCamera {
  getUserMedia: jest.Mock;
  tracks: { stop: jest.Mock }[];
  /** A stream whose tracks are recorded in `tracks`. */
  stream(): MediaStream;
  drawImage: jest.Mock;
}

export function installCamera(): FakeCamera {
  const tracks: { stop: jest.Mock }[] = [];
  const stream = () => {
    const track = { stop: jest.fn(), kind: 'video' };
    tracks.push(track);
    return { getTracks: () => [track] } as unknown as MediaStream;
  };
  const getUserMedia = jest.fn(async () => stream());
  Object.defineProperty(navigator, 'mediaDevices', { value: { getUserMedia }, configurable: true });
  // jsdom has no media pipeline: the video "plays" at once with a 640 x 480 picture.
  Object.defineProperty(HTMLMediaElement.prototype, 'play', { value: jest.fn(async () => undefined), configurable: true });
  Object.defineProperty(HTMLMediaElement.prototype, 'readyState', { get: () => 4, configurable: true });
  Object.defineProperty(HTMLVideoElement.prototype, 'videoWidth', { get: () => 640, configurable: true });
  Object.defineProperty(HTMLVideoElement.prototype, 'videoHeight', { get: () => 480, configurable: true });
  const drawImage = jest.fn();
  Object.defineProperty(HTMLCanvasElement.prototype, 'getContext', { value: () => ({ drawImage }), configurable: true });
  Object.defineProperty(HTMLCanvasElement.prototype, 'toDataURL', { value: () => CAPTURED, configurable: true });
  return { getUserMedia, tracks, stream, drawImage };
}

/** A face of `share` of the 384 px guide, centred in a 640 x 480 frame. */
export const centredFace = (share: number): FaceBox => {
  const size = share * 384;
  return { x: 320 - size / 2, y: 240 - size / 2, width: size, height: size };
};

/** A detector that sees, call after call, the given faces; the last entry repeats. */
export function scriptedDetector(script: FaceBox[][]): { load: () => Promise<FaceDetector>; detect: jest.Mock } {
  let call = 0;
  const detect = jest.fn(async () => script[Math.min(call++, script.length - 1)] ?? []);
  return { load: async () => ({ detect }), detect };
}
