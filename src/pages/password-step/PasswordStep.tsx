import { lazy, Suspense, useCallback } from 'react';
import { cashierApiFor } from '../../api/cashier-api';
import type { EncryptedPassword } from '../../core/service-interfaces';
import { usePageView } from '../../tracking/TrackerContext';
import { useCashier } from '../cashier-page/cashier-context';

// The seed's password SDK, chosen by identifier in the page resources; each component is its own chunk.
const SixDigitPassword = lazy(() =>
  import(/* webpackChunkName: "password-six-digit" */ '../../widgets/password-keyboard/PasswordKeyboard').then((m) => ({
    default: m.PasswordKeyboard,
  })),
);
const MixedPassword = lazy(() =>
  import(/* webpackChunkName: "password-mixed" */ '../../widgets/mixed-password/MixedPasswordInput').then((m) => ({
    default: m.MixedPasswordInput,
  })),
);

export interface PasswordStepProps {
  component: 'six-digit' | 'mixed';
  shuffle: boolean;
  accountId: string;
  busy: boolean;
  error?: string;
  /** Changes with every attempt, so the same error shown twice still starts a fresh entry. */
  resetKey?: string;
  locked?: { unlocksAt: string };
  onEncrypted: (password: EncryptedPassword) => void;
  onCancel: () => void;
  onUseAnotherMethod?: () => void;
}

export function PasswordStep({ component, shuffle, accountId, busy, error, resetKey, locked, onEncrypted, onCancel, onUseAnotherMethod }: PasswordStepProps) {
  const { locale, apiBaseUrl, t } = useCashier();
  usePageView(component === 'mixed' ? 'password-mixed' : 'password');
  const getChallenge = useCallback(() => cashierApiFor(apiBaseUrl).passwordChallenge(accountId), [apiBaseUrl, accountId]);
  const Component = component === 'mixed' ? MixedPassword : SixDigitPassword;
  return (
    <Suspense fallback={<p role="status">{t('loading')}</p>}>
      <Component
        locale={locale}
        getChallenge={getChallenge}
        onEncrypted={onEncrypted}
        onCancel={onCancel}
        shuffle={shuffle}
        disabled={busy}
        error={error}
        resetKey={resetKey}
        locked={locked}
        onUseAnotherMethod={onUseAnotherMethod}
      />
    </Suspense>
  );
}
