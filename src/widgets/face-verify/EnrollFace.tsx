// "Enable face payment": captures the face in the guide and enrols it, allowed after a verified payment password.
import type { BiometricEnrollProps } from '../biometric-shared/biometric-props';
import { FaceCapturePanel } from './FaceCapturePanel';
import { loadTinyFaceDetector } from './FaceVerify';
import type { FaceDetector } from './face-detector';
import { cashierApiFor } from '../../api/cashier-api';
import { faceMessages } from './messages';
import { DEFAULT_CAMERA_TIMEOUT_MS, useFaceCapture } from './useFaceCapture';

export interface EnrollFaceProps extends BiometricEnrollProps {
  cameraTimeoutMs?: number;
  loadDetector?: () => Promise<FaceDetector>;
}

const nothingToPrepare = async () => undefined;

export function EnrollFace(props: EnrollFaceProps) {
  const { apiBaseUrl = '/api/cashier', accountId, enrollmentToken } = props;
  const m = faceMessages(props.locale);
  const capture = useFaceCapture({
    prepare: nothingToPrepare,
    onCaptured: async (image, _prepared, signal) => {
      await cashierApiFor(apiBaseUrl).faceEnroll({ accountId, enrollmentToken }, image, signal);
      props.onEnrolled?.();
    },
    loadDetector: props.loadDetector ?? loadTinyFaceDetector,
    cameraTimeoutMs: props.cameraTimeoutMs ?? DEFAULT_CAMERA_TIMEOUT_MS,
  });
  return (
    <FaceCapturePanel
      m={m}
      title={m.enrollTitle}
      state={capture}
      videoRef={capture.videoRef}
      doneText={m.enrolled}
      onRetry={capture.retry}
      onClose={props.onClose}
      secondary={capture.phase === 'done' ? { label: m.done, onClick: props.onClose } : undefined}
    />
  );
}
