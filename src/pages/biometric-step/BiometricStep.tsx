// S231/S241: the cashier page calls up the fingerprint or face popup; each widget is its own chunk, loaded when chosen.
import type { Authentication } from '../../core/service-interfaces';
import type { PaymentData } from '../../core/types';
import { usePageView } from '../../tracking/TrackerContext';
import { useCashier } from '../cashier-page/cashier-context';
import { LoadedStep } from '../lazy-step/LoadedStep';
import { loadable } from '../lazy-step/useLoadedComponent';
import type { FaceVerifyProps } from '../../widgets/face-verify/FaceVerify';
import type { FingerprintVerifyProps } from '../../widgets/fingerprint-verify/FingerprintVerify';

const FINGERPRINT = loadable<FingerprintVerifyProps>(() =>
  import(/* webpackChunkName: "fingerprint-verify" */ '../../widgets/fingerprint-verify/FingerprintVerify').then((m) => m.FingerprintVerify),
);
const FACE = loadable<FaceVerifyProps>(() =>
  import(/* webpackChunkName: "face-verify" */ '../../widgets/face-verify/FaceVerify').then((m) => m.FaceVerify),
);

/** Fetches the chosen biometric widget's chunk ahead (on the Pay click), so it is there when pre-verification passes. */
export function preloadBiometricStep(method: 'fingerprint' | 'face'): void {
  (method === 'fingerprint' ? FINGERPRINT : FACE).preload().catch(() => undefined); // the step itself reports a failed load
}

export interface BiometricStepProps {
  method: 'fingerprint' | 'face';
  payment: PaymentData;
  /** S232/S242: pay with the payment data and this authentication. */
  onAuthenticated: (authentication: Authentication) => void;
  /** Back to the password for this payment. */
  onUsePassword: () => void;
  /** Close button and Escape: the person gives up the payment. */
  onCancel: () => void;
  /** Fingerprint prompt deadline; default 60000. */
  timeoutMs?: number;
  /** Camera deadline; default 10000. */
  cameraTimeoutMs?: number;
}

export function BiometricStep({ method, payment, onAuthenticated, onUsePassword, onCancel, timeoutMs, cameraTimeoutMs }: BiometricStepProps) {
  const { locale, apiBaseUrl, t } = useCashier();
  usePageView(method);
  const common = {
    locale,
    apiBaseUrl,
    accountId: payment.accountId,
    orderId: payment.orderId,
    amount: payment.amount,
    onAuthenticated,
    onUsePassword,
    onCancel,
  };
  const fallback = <p role="status">{t('loading')}</p>;
  return method === 'fingerprint' ? (
    <LoadedStep step={FINGERPRINT} props={{ ...common, timeoutMs }} fallback={fallback} />
  ) : (
    <LoadedStep step={FACE} props={{ ...common, cameraTimeoutMs }} fallback={fallback} />
  );
}
