// "Enable fingerprint payment": registers this device's platform authenticator, allowed after a verified payment password.
import { type PublicKeyCredentialCreationOptionsJSON, startRegistration } from '@simplewebauthn/browser';
import type { BiometricEnrollProps } from '../biometric-shared/biometric-props';
import { DEFAULT_TIMEOUT_MS } from './ceremony';
import { FingerprintPanel } from './FingerprintPanel';
import { fingerprintMessages } from './messages';
import { useFingerprintCeremony } from './useFingerprintCeremony';
import { cashierApiFor } from '../../api/cashier-api';

export interface EnrollFingerprintProps extends BiometricEnrollProps {
  timeoutMs?: number;
  autoStart?: boolean;
}

export function EnrollFingerprint(props: EnrollFingerprintProps) {
  const { apiBaseUrl = '/api/cashier', accountId, enrollmentToken } = props;
  const m = fingerprintMessages(props.locale);
  const state = useFingerprintCeremony({
    prepare: (signal) => cashierApiFor(apiBaseUrl).webauthnRegistrationOptions({ accountId, enrollmentToken }, signal),
    // The server's options go to the browser as they are (only their challenge was checked).
    ceremony: (options) => startRegistration({ optionsJSON: options as unknown as PublicKeyCredentialCreationOptionsJSON }),
    complete: async (_options, response, signal) => {
      await cashierApiFor(apiBaseUrl).webauthnRegistrationVerify({ accountId, enrollmentToken }, response, signal);
      props.onEnrolled?.({ credentialId: response.id });
    },
    timeoutMs: props.timeoutMs ?? DEFAULT_TIMEOUT_MS,
    autoStart: props.autoStart,
  });
  return (
    <FingerprintPanel
      m={m}
      title={m.enrollTitle}
      state={state}
      readyText={m.enrollReady}
      doneText={m.enrolled}
      startLabel={m.enrollStart}
      onStart={state.start}
      onClose={props.onClose}
      secondary={state.phase === 'done' ? { label: m.done, onClick: props.onClose } : undefined}
    />
  );
}
