// After a password payment: the offer to turn on fingerprint or face payment (enrolment needs the token), a secondary
// card under the result's primary action.
import { lazy, Suspense, useId, useState } from 'react';
import type { Method } from '../../core/types';
import { useCashier } from '../cashier-page/cashier-context';
import { rememberDeviceCredentials } from './device-credentials';
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
  /** The methods to offer: those this device can do and the payer has not enrolled (useMethodOffer's needsSetup). */
  methods: readonly Method[];
  onEnrolled?: (method: Biometric) => void;
}

export function EnrollOffer({ accountId, enrollmentToken, methods, onEnrolled }: EnrollOfferProps) {
  const { locale, apiBaseUrl, t } = useCashier();
  const m = enrollOfferMessages(locale);
  const titleId = useId();
  const [open, setOpen] = useState<Biometric | null>(null);
  const [enrolled, setEnrolled] = useState<Biometric[]>([]);
  const offered = (['fingerprint', 'face'] as const).filter((method) => methods.includes(method));
  if (!enrollmentToken || offered.length === 0) return null;

  const done =
    (method: Biometric) =>
    (detail?: { credentialId?: string }) => {
      // The credential lives on this device: remember it, so the next payment here offers the fingerprint.
      if (detail?.credentialId) rememberDeviceCredentials([detail.credentialId]);
      setEnrolled((list) => [...list, method]);
      onEnrolled?.(method);
    };
  const widget = { locale, apiBaseUrl, accountId, enrollmentToken, onClose: () => setOpen(null) };
  return (
    <section className="cashier-enroll-offer" aria-labelledby={titleId}>
      <h3 id={titleId} className="cashier-enroll-offer__title">
        {m.offerIntro}
      </h3>
      <div className="cashier-enroll-offer__actions">
        {offered.map((method) =>
          // While its own panel is still open, that panel says it is on: one status, not two.
          open === method && enrolled.includes(method) ? null : enrolled.includes(method) ? (
            <p key={method} role="status" className="cashier-enroll-offer__on">
              {method === 'fingerprint' ? m.fingerprintOn : m.faceOn}
            </p>
          ) : (
            <button key={method} type="button" className="cashier-button cashier-enroll-offer__button" data-element-id={`enable-${method}`} onClick={() => setOpen(method)}>
              {method === 'fingerprint' ? m.enableFingerprint : m.enableFace}
            </button>
          ),
        )}
      </div>
      {open && (
        <Suspense fallback={<p role="status">{t('loading')}</p>}>
          {open === 'fingerprint' ? (
            <EnrollFingerprint {...widget} onEnrolled={done('fingerprint')} />
          ) : (
            <EnrollFace {...widget} onEnrolled={done('face')} />
          )}
        </Suspense>
      )}
    </section>
  );
}
