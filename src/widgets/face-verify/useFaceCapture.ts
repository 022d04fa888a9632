// The face step as states: preparing → starting (camera) → detecting (guidance) → captured → done, or failed.
import { type RefObject, useEffect, useRef, useState } from 'react';
import { ApiError } from '../../api/api-error';
import { type CameraProblem, CameraError, cameraDeadline, cameraProblem, firstFrame, openCamera, stopStream } from './camera';
import { captureGuide } from './capture';
import type { FaceDetector } from './face-detector';
import { type Guidance, guidanceFor } from './guide';

export type FacePhase = 'preparing' | 'starting' | 'detecting' | 'captured' | 'done' | 'failed';
export type FaceProblem =
  | CameraProblem
  | 'detectorFailed'
  | 'notEnrolled'
  | 'locked'
  | 'network'
  | 'enrollNotAllowed'
  | 'unusable'
  | 'failed';

export interface FaceCaptureState {
  phase: FacePhase;
  /** While detecting; undefined until the detector has looked once. */
  guidance?: Guidance;
  problem?: FaceProblem;
}

/** Problems that another attempt cannot fix: only the password (or closing) is left. */
export const FINAL_PROBLEMS: ReadonlySet<FaceProblem> = new Set(['noCamera', 'notEnrolled', 'locked', 'enrollNotAllowed']);

export const DEFAULT_CAMERA_TIMEOUT_MS = 10_000;
const DETECT_INTERVAL_MS = 150;
/** Detections in a row that must say 'ok' before the picture is taken: the person holds still. */
const STEADY_DETECTIONS = 2;

export interface FaceCaptureSteps<P> {
  /** Before the camera opens: e.g. the payment challenge, so an account without a face never sees the camera. */
  prepare: (signal: AbortSignal) => Promise<P>;
  /** The camera is already off when this runs. */
  onCaptured: (image: string, prepared: P, signal: AbortSignal) => Promise<void> | void;
  loadDetector: () => Promise<FaceDetector>;
  cameraTimeoutMs: number;
}

const SERVER_PROBLEMS: Record<string, FaceProblem> = {
  METHOD_NOT_ENROLLED: 'notEnrolled',
  BIOMETRIC_LOCKED: 'locked',
  ENROLLMENT_NOT_ALLOWED: 'enrollNotAllowed',
  ENROLLMENT_TOKEN_USED: 'enrollNotAllowed',
  FACE_IMAGE_UNUSABLE: 'unusable',
  NETWORK: 'network',
};

function serverProblem(error: unknown): FaceProblem {
  if (!(error instanceof ApiError)) return 'failed';
  return SERVER_PROBLEMS[error.code] ?? (error.transient ? 'network' : 'failed');
}

class DetectorError extends Error {}

const pause = (ms: number, signal: AbortSignal) =>
  new Promise<void>((resolve) => {
    const timer = setTimeout(resolve, ms);
    signal.addEventListener('abort', () => clearTimeout(timer));
  });

/** Starts the camera and opens the way out of every path: each one stops every camera track. */
async function startCamera(video: HTMLVideoElement, timeoutMs: number, signal: AbortSignal, keep: (s: MediaStream) => void) {
  const deadlineOff = new AbortController();
  signal.addEventListener('abort', () => deadlineOff.abort());
  const deadline = cameraDeadline(timeoutMs, deadlineOff.signal);
  deadline.catch(() => undefined);
  try {
    const stream = await openCamera(deadline, signal);
    keep(stream);
    video.srcObject = stream;
    // Muted and inline, so every browser plays it without a gesture; a refused play() still shows frames on most.
    video.muted = true;
    video.playsInline = true;
    await Promise.resolve(video.play()).catch(() => undefined);
    await firstFrame(video, deadline, signal);
  } finally {
    deadlineOff.abort();
  }
}

async function detectUntilSteady(video: HTMLVideoElement, detector: FaceDetector, signal: AbortSignal, report: (g: Guidance) => void) {
  let steady = 0;
  while (!signal.aborted) {
    let faces: Awaited<ReturnType<FaceDetector['detect']>>;
    try {
      faces = await detector.detect(video);
    } catch (error) {
      throw new DetectorError(error instanceof Error ? error.message : 'Face detection failed');
    }
    if (signal.aborted) return;
    const guidance = guidanceFor(faces, video.videoWidth, video.videoHeight);
    report(guidance);
    steady = guidance === 'ok' ? steady + 1 : 0;
    if (steady >= STEADY_DETECTIONS) return;
    await pause(DETECT_INTERVAL_MS, signal);
  }
}

export function useFaceCapture<P>(steps: FaceCaptureSteps<P>): FaceCaptureState & { videoRef: RefObject<HTMLVideoElement | null>; retry: () => void } {
  const [state, setState] = useState<FaceCaptureState>({ phase: 'preparing' });
  const [attempt, setAttempt] = useState(0);
  const videoRef = useRef<HTMLVideoElement>(null);
  const latest = useRef(steps);
  latest.current = steps;
  const { cameraTimeoutMs } = steps;

  // biome-ignore lint/correctness/useExhaustiveDependencies: a new attempt is the trigger
  useEffect(() => {
    const controller = new AbortController();
    const { signal } = controller;
    let stream: MediaStream | null = null;
    const stop = () => {
      stopStream(stream);
      stream = null;
      if (videoRef.current) videoRef.current.srcObject = null;
    };
    const fail = (problem: FaceProblem) => {
      stop();
      if (!signal.aborted) setState({ phase: 'failed', problem });
    };
    const run = async () => {
      setState({ phase: 'preparing' });
      let prepared: P;
      try {
        prepared = await latest.current.prepare(signal);
      } catch (error) {
        return fail(serverProblem(error));
      }
      const video = videoRef.current;
      if (signal.aborted || !video) return;
      setState({ phase: 'starting' });
      // The detector chunk and weights load while the camera starts.
      const detector = latest.current.loadDetector();
      detector.catch(() => undefined);
      try {
        await startCamera(video, cameraTimeoutMs, signal, (s) => {
          stream = s;
        });
      } catch (error) {
        return fail(cameraProblem(error));
      }
      if (signal.aborted) return stop();
      setState({ phase: 'detecting' });
      try {
        const loaded = await detector.catch((error: unknown) => {
          throw new DetectorError(error instanceof Error ? error.message : 'The face detector did not load');
        });
        await detectUntilSteady(video, loaded, signal, (guidance) => setState({ phase: 'detecting', guidance }));
        if (signal.aborted) return stop();
        const image = captureGuide(video);
        stop();
        setState({ phase: 'captured' });
        await latest.current.onCaptured(image, prepared, signal);
        if (!signal.aborted) setState({ phase: 'done' });
      } catch (error) {
        fail(error instanceof DetectorError ? 'detectorFailed' : error instanceof CameraError ? error.problem : serverProblem(error));
      }
    };
    run();
    return () => {
      controller.abort();
      stop();
    };
  }, [attempt, cameraTimeoutMs]);

  return { ...state, videoRef, retry: () => setAttempt((n) => n + 1) };
}
