// S231/S232: the fingerprint popup. WebAuthn platform authenticator, user verification required, one challenge per payment.
import { type PublicKeyCredentialRequestOptionsJSON, startAuthentication } from '@simplewebauthn/browser';
import type { BiometricVerifyProps } from '../biometric-shared/biometric-props';
import { DEFAULT_TIMEOUT_MS } from './ceremony';
import { FingerprintPanel } from './FingerprintPanel';
import { fingerprintMessages } from './messages';
import { useFingerprintCeremony } from './useFingerprintCeremony';
import { cashierApiFor } from '../../api/cashier-api';

export interface FingerprintVerifyProps extends BiometricVerifyProps {
  /** How long the browser may wait for the authenticator; default 60000. */
  timeoutMs?: number;
  /** Start the prompt without a press (only inside a user gesture); default false. */
  autoStart?: boolean;
}

export function FingerprintVerify(props: FingerprintVerifyProps) {
  const { apiBaseUrl = '/api/cashier', accountId, orderId, amount } = props;
  const m = fingerprintMessages(props.locale);
  const state = useFingerprintCeremony({
    prepare: (signal) => cashierApiFor(apiBaseUrl).webauthnAuthenticationOptions({ accountId, orderId, amount }, signal),
    ceremony: (prepared) => startAuthentication({ optionsJSON: prepared.options as unknown as PublicKeyCredentialRequestOptionsJSON }),
    complete: (prepared, assertion) => props.onAuthenticated({ method: 'fingerprint', challengeId: prepared.challengeId, assertion }),
    timeoutMs: props.timeoutMs ?? DEFAULT_TIMEOUT_MS,
    autoStart: props.autoStart,
  });
  return (
    <FingerprintPanel
      m={m}
      title={m.title}
      state={state}
      readyText={m.ready}
      doneText={m.verified}
      startLabel={m.start}
      onStart={state.start}
      onClose={props.onCancel ?? props.onUsePassword}
      secondary={state.phase === 'done' ? undefined : { label: m.usePassword, onClick: props.onUsePassword }}
    />
  );
}
