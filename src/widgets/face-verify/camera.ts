// The front camera with a deadline: a camera that never answers is a problem to show, never an endless spinner.

export type CameraProblem = 'denied' | 'noCamera' | 'busy' | 'cameraTimeout';

export class CameraError extends Error {
  constructor(readonly problem: CameraProblem) {
    super(`Camera problem: ${problem}`);
    this.name = 'CameraError';
  }
}

/** Stops every track at once: the camera light goes off. */
export function stopStream(stream: MediaStream | null | undefined): void {
  for (const track of stream?.getTracks() ?? []) track.stop();
}

const PROBLEMS: Record<string, CameraProblem> = {
  NotAllowedError: 'denied',
  SecurityError: 'denied',
  NotFoundError: 'noCamera',
  OverconstrainedError: 'noCamera',
  NotReadableError: 'busy',
  AbortError: 'busy',
};

export function cameraProblem(error: unknown): CameraProblem {
  if (error instanceof CameraError) return error.problem;
  const name = error instanceof Error || error instanceof DOMException ? error.name : '';
  return PROBLEMS[name] ?? 'busy';
}

/**
 * getUserMedia for the front camera, settled by `deadline` (CameraError 'cameraTimeout') or `signal`. A stream
 * that arrives after either is stopped at once, so no camera is left running by a late answer.
 */
export function openCamera(deadline: Promise<never>, signal: AbortSignal): Promise<MediaStream> {
  const media = typeof navigator === 'undefined' ? undefined : navigator.mediaDevices;
  if (!media?.getUserMedia) return Promise.reject(new CameraError('noCamera'));
  const request = media.getUserMedia({ video: { facingMode: 'user', width: { ideal: 640 }, height: { ideal: 480 } }, audio: false });
  return new Promise<MediaStream>((resolve, reject) => {
    let settled = false;
    const settle = (done: () => void) => {
      if (settled) return false;
      settled = true;
      signal.removeEventListener('abort', onAbort);
      done();
      return true;
    };
    const onAbort = () => settle(() => reject(new DOMException('Camera no longer wanted', 'AbortError')));
    signal.addEventListener('abort', onAbort);
    deadline.catch((error: unknown) => settle(() => reject(error)));
    request.then(
      (stream) => {
        if (!settle(() => resolve(stream))) stopStream(stream);
      },
      (error: unknown) => settle(() => reject(error)),
    );
  });
}

/** Resolves once the video shows a frame (its size is known); the deadline still applies. */
export function firstFrame(video: HTMLVideoElement, deadline: Promise<never>, signal: AbortSignal): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    const ready = () => video.readyState >= 2 && video.videoWidth > 0;
    const done = () => {
      video.removeEventListener('loadeddata', check);
      signal.removeEventListener('abort', abort);
    };
    const check = () => {
      if (!ready()) return;
      done();
      resolve();
    };
    const abort = () => {
      done();
      reject(new DOMException('Camera no longer wanted', 'AbortError'));
    };
    video.addEventListener('loadeddata', check);
    signal.addEventListener('abort', abort);
    deadline.catch((error: unknown) => {
      done();
      reject(error);
    });
    check();
  });
}

/** A promise that rejects with CameraError('cameraTimeout') after `ms`, unless the signal aborts first. */
export function cameraDeadline(ms: number, signal: AbortSignal): Promise<never> {
  return new Promise<never>((_resolve, reject) => {
    const timer = setTimeout(() => reject(new CameraError('cameraTimeout')), ms);
    signal.addEventListener('abort', () => clearTimeout(timer));
  });
}
