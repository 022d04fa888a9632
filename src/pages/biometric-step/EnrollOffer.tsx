// In the success dialog after a password payment: offer to turn on fingerprint or face payment (enrolment needs the token).
import { lazy, Suspense, useState } from 'react';
import type { Method } from '../../core/types';
import { useCashier } from '../cashier-page/cashier-context';
import { enrollOfferMessages } from './messages';

const EnrollFingerprint = lazy(() =>
  import(/* webpackChunkName: "fingerprint-enroll" */ '../../widgets/fingerprint-verify/EnrollFingerprint').then((m) => ({
    default: m.EnrollFingerprint,
  })),
);
const EnrollFace = lazy(() =>
  import(/* webpackChunkName: "face-enroll" */ '../../widgets/face-verify/EnrollFace').then((m) => ({ default: m.EnrollFace })),
);

type Biometric = 'fingerprint' | 'face';

export interface EnrollOfferProps {
  accountId: string;
  /** PaymentResult.enrollmentToken; without one nothing is offered. */
  enrollmentToken?: string;
  /** The methods this device can do (useMethodAvailability); only their biometrics are offered. */
  methods: readonly Method[];
  onEnrolled?: (method: Biometric) => void;
}

export function EnrollOffer({ accountId, enrollmentToken, methods, onEnrolled }: EnrollOfferProps) {
  const { locale, apiBaseUrl, t } = useCashier();
  const m = enrollOfferMessages(locale);
  const [open, setOpen] = useState<Biometric | null>(null);
  const [enrolled, setEnrolled] = useState<Biometric[]>([]);
  const offered = (['fingerprint', 'face'] as const).filter((method) => methods.includes(method));
  if (!enrollmentToken || offered.length === 0) return null;

  const done = (method: Biometric) => () => {
    setEnrolled((list) => [...list, method]);
    onEnrolled?.(method);
  };
  const widget = { locale, apiBaseUrl, accountId, enrollmentToken, onClose: () => setOpen(null) };
  return (
    <div className="cashier-enroll-offer">
      <p>{m.offerIntro}</p>
      {offered.map((method) =>
        enrolled.includes(method) ? (
          <p key={method} role="status">
            {method === 'fingerprint' ? m.fingerprintOn : m.faceOn}
          </p>
        ) : (
          <button key={method} type="button" className="cashier-button" data-element-id={`enable-${method}`} onClick={() => setOpen(method)}>
            {method === 'fingerprint' ? m.enableFingerprint : m.enableFace}
          </button>
        ),
      )}
      {open && (
        <Suspense fallback={<p role="status">{t('loading')}</p>}>
          {open === 'fingerprint' ? (
            <EnrollFingerprint {...widget} onEnrolled={done('fingerprint')} />
          ) : (
            <EnrollFace {...widget} onEnrolled={done('face')} />
          )}
        </Suspense>
      )}
    </div>
  );
}
