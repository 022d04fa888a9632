// Scripted browser APIs for the biometric stories, as Storybook decorators: while a story is mounted, WebAuthn and
// the camera answer as the story says (the payment server is MSW's job); on unmount everything is put back.
import type { Decorator } from '@storybook/react-webpack5';
import { type ReactNode, useLayoutEffect, useRef } from 'react';
import type { FaceDetector } from '../widgets/face-verify/face-detector';
import { type FaceBox, guideSquare } from '../widgets/face-verify/guide';

export interface StageScript {
  /** What isUserVerifyingPlatformAuthenticatorAvailable says. */
  platformAuthenticator?: boolean;
  /** navigator.credentials.get: 'wait' never answers (the prompt is showing); otherwise the DOMException name it fails with. */
  credentialsGet?: 'wait' | string;
  /** getUserMedia: 'picture' gives a painted camera picture; otherwise the DOMException name it fails with. */
  camera?: 'picture' | string;
}

type Undo = () => void;

function replace(target: object, key: string, value: unknown, undo: Undo[]) {
  const before = Object.getOwnPropertyDescriptor(target, key);
  Object.defineProperty(target, key, { value, configurable: true, writable: true });
  undo.push(() => {
    if (before) Object.defineProperty(target, key, before);
    else delete (target as Record<string, unknown>)[key];
  });
}

/** A camera picture painted on a canvas: a plain face in the middle. jsdom has no canvas streams: a stream without tracks. */
function paintedStream(undo: Undo[]): MediaStream {
  const canvas = document.createElement('canvas');
  if (typeof canvas.captureStream !== 'function') return { getTracks: () => [], getVideoTracks: () => [] } as unknown as MediaStream;
  canvas.width = 640;
  canvas.height = 480;
  const paint = () => {
    const g = canvas.getContext('2d');
    if (!g) return;
    g.fillStyle = '#6b7f95';
    g.fillRect(0, 0, 640, 480);
    g.fillStyle = '#e8c4a0';
    g.beginPath();
    g.ellipse(320, 240, 95, 125, 0, 0, 2 * Math.PI);
    g.fill();
    g.fillStyle = '#3b2a1e';
    for (const x of [285, 355]) {
      g.beginPath();
      g.arc(x, 215, 10, 0, 2 * Math.PI);
      g.fill();
    }
    g.fillRect(290, 290, 60, 8);
  };
  paint();
  // A canvas stream only sends frames when the canvas changes.
  const timer = setInterval(paint, 100);
  const stream = canvas.captureStream(10);
  undo.push(() => {
    clearInterval(timer);
    for (const track of stream.getTracks()) track.stop();
  });
  return stream;
}

function install(script: StageScript): Undo {
  const undo: Undo[] = [];
  if (script.platformAuthenticator !== undefined) {
    const available = script.platformAuthenticator;
    // A function, like the real interface object (simplewebauthn checks typeof).
    const PublicKeyCredential = Object.assign(() => undefined, {
      isUserVerifyingPlatformAuthenticatorAvailable: async () => available,
      isConditionalMediationAvailable: async () => false,
    });
    replace(window, 'PublicKeyCredential', PublicKeyCredential, undo);
  }
  if (script.credentialsGet) {
    const outcome = script.credentialsGet;
    const refuse = () => Promise.reject(new DOMException('Scripted by the story', outcome === 'wait' ? 'NotAllowedError' : outcome));
    replace(navigator, 'credentials', { get: () => (outcome === 'wait' ? new Promise(() => undefined) : refuse()), create: refuse }, undo);
  }
  if (script.camera) {
    const outcome = script.camera;
    const getUserMedia = () =>
      outcome === 'picture' ? Promise.resolve(paintedStream(undo)) : Promise.reject(new DOMException('Scripted by the story', outcome));
    replace(navigator, 'mediaDevices', { getUserMedia }, undo);
  }
  return () => {
    for (const step of undo.reverse()) step();
  };
}

/**
 * Installs `script` before the story's own effects run (a layout effect runs before every passive one, also in
 * StrictMode's second pass) and takes it away on unmount.
 */
export function BrowserStage({ script, children }: { script: StageScript; children: ReactNode }) {
  const first = useRef(script);
  useLayoutEffect(() => install(first.current), []);
  return children;
}

/** The decorator form: `decorators: [withBrowser({ camera: 'picture' })]`. */
export const withBrowser =
  (script: StageScript): Decorator =>
  (Story) => (
    <BrowserStage script={script}>
      <Story />
    </BrowserStage>
  );

/** A face detector that always sees the same: no face, one too far away, or one centred in the guide. */
export function scriptedDetector(sees: 'nothing' | 'far' | 'centred'): () => Promise<FaceDetector> {
  return async () => ({
    detect: async (video: HTMLVideoElement): Promise<FaceBox[]> => {
      if (sees === 'nothing') return [];
      const guide = guideSquare(video.videoWidth || 640, video.videoHeight || 480);
      const size = guide.size * (sees === 'far' ? 0.2 : 0.55);
      const centre = { x: guide.x + guide.size / 2, y: guide.y + guide.size / 2 };
      return [{ x: centre.x - size / 2, y: centre.y - size / 2, width: size, height: size }];
    },
  });
}
