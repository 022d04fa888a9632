// S231/S241: the cashier page calls up the fingerprint or face popup; each widget is its own chunk, loaded when chosen.
import { lazy, Suspense } from 'react';
import type { Authentication } from '../../core/service-interfaces';
import type { PaymentData } from '../../core/types';
import { usePageView } from '../../tracking/TrackerContext';
import { useCashier } from '../cashier-page/cashier-context';

const FingerprintVerify = lazy(() =>
  import(/* webpackChunkName: "fingerprint-verify" */ '../../widgets/fingerprint-verify/FingerprintVerify').then((m) => ({
    default: m.FingerprintVerify,
  })),
);
const FaceVerify = lazy(() =>
  import(/* webpackChunkName: "face-verify" */ '../../widgets/face-verify/FaceVerify').then((m) => ({ default: m.FaceVerify })),
);

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
  return (
    <Suspense fallback={<p role="status">{t('loading')}</p>}>
      {method === 'fingerprint' ? <FingerprintVerify {...common} timeoutMs={timeoutMs} /> : <FaceVerify {...common} cameraTimeoutMs={cameraTimeoutMs} />}
    </Suspense>
  );
}
