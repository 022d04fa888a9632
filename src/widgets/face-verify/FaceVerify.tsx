// S241/S242: the face popup. Camera with a guide, on-device detection, one captured frame sent with the payment.
import type { BiometricVerifyProps } from '../biometric-shared/biometric-props';
import { FaceCapturePanel } from './FaceCapturePanel';
import type { FaceDetector } from './face-detector';
import { cashierApiFor } from '../../api/cashier-api';
import { faceMessages } from './messages';
import { DEFAULT_CAMERA_TIMEOUT_MS, useFaceCapture } from './useFaceCapture';

export interface FaceVerifyProps extends BiometricVerifyProps {
  /** How long the camera may take to show a picture; default 10000. */
  cameraTimeoutMs?: number;
  /** Default: the tiny face detector (its network in plain JavaScript), loaded on first use in its own chunk. */
  loadDetector?: () => Promise<FaceDetector>;
}

export const loadTinyFaceDetector = (): Promise<FaceDetector> =>
  import(/* webpackChunkName: "face-detector" */ './face-detector').then((m) => m.loadFaceDetector());

export function FaceVerify(props: FaceVerifyProps) {
  const { apiBaseUrl = '/api/cashier', accountId, orderId, amount } = props;
  const m = faceMessages(props.locale);
  const capture = useFaceCapture({
    prepare: (signal) => cashierApiFor(apiBaseUrl).faceChallenge({ accountId, orderId, amount }, signal),
    onCaptured: (image, challenge) => props.onAuthenticated({ method: 'face', challengeId: challenge.challengeId, image }),
    loadDetector: props.loadDetector ?? loadTinyFaceDetector,
    cameraTimeoutMs: props.cameraTimeoutMs ?? DEFAULT_CAMERA_TIMEOUT_MS,
  });
  return (
    <FaceCapturePanel
      m={m}
      title={m.title}
      state={capture}
      videoRef={capture.videoRef}
      doneText={m.verified}
      onRetry={capture.retry}
      onClose={props.onCancel ?? props.onUsePassword}
      secondary={capture.phase === 'done' ? undefined : { label: m.usePassword, onClick: props.onUsePassword }}
    />
  );
}
