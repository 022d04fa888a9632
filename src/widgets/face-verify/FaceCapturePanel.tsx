// The face dialog's body, shared by payment and enrolment: live camera picture with the guide, live status, ways out.
import type { RefObject } from 'react';
import { BiometricDialog, BiometricStatus } from '../biometric-shared/BiometricDialog';
import type { FaceMessages } from './messages';
import { FINAL_PROBLEMS, type FaceCaptureState } from './useFaceCapture';
import './face-verify.css';

export interface FaceCapturePanelProps {
  m: FaceMessages;
  title: string;
  state: FaceCaptureState;
  videoRef: RefObject<HTMLVideoElement | null>;
  doneText: string;
  onRetry: () => void;
  onClose: () => void;
  secondary?: { label: string; onClick: () => void };
}

function statusText({ m, state, doneText }: FaceCapturePanelProps): string {
  switch (state.phase) {
    case 'failed':
      return m[state.problem ?? 'failed'];
    case 'detecting':
      return state.guidance ? m[state.guidance] : m.loadingDetector;
    case 'captured':
      return m.captured;
    case 'done':
      return doneText;
    default:
      return m.starting;
  }
}

export function FaceCapturePanel(p: FaceCapturePanelProps) {
  const { m, state } = p;
  const live = state.phase === 'starting' || state.phase === 'detecting';
  const retry = state.phase === 'failed' && !FINAL_PROBLEMS.has(state.problem ?? 'failed');
  return (
    <BiometricDialog title={p.title} closeLabel={m.close} onClose={p.onClose} className="cashier-face">
      {/* Always in the document: the camera is attached to it as soon as it answers. */}
      <div className="cashier-face-view" hidden={!live}>
        <video ref={p.videoRef} className="cashier-face-video" aria-label={m.video} muted playsInline />
        <div className={`cashier-face-guide${state.guidance === 'ok' ? ' cashier-face-guide--ok' : ''}`} aria-hidden="true" />
      </div>
      <BiometricStatus text={statusText(p)} error={state.phase === 'failed'} />
      <div className="cashier-bio-actions">
        {retry && (
          <button type="button" className="cashier-bio-primary" onClick={p.onRetry}>
            {m.tryAgain}
          </button>
        )}
        {p.secondary && (
          <button type="button" onClick={p.secondary.onClick}>
            {p.secondary.label}
          </button>
        )}
      </div>
    </BiometricDialog>
  );
}
