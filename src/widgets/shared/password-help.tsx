// What both password widgets add below their entry: the lock's countdown and the host's "Forgot password?" link.
import type { Translator } from '../../i18n';
import { LockedNotice } from './LockedNotice';
import './password-help.css';
import type { SecurePasswordProps } from './useSecureEntry';

/** The text of a wrong password with attempts left, which wins over a plain `error`; else the `error` as given. */
export function passwordErrorText(t: Translator, { attemptsLeft, error }: Pick<SecurePasswordProps, 'attemptsLeft' | 'error'>): string | undefined {
  if (typeof attemptsLeft !== 'number' || !Number.isFinite(attemptsLeft) || attemptsLeft < 0) return error;
  return attemptsLeft === 1 ? t('password.wrongLastAttempt') : t('password.wrongAttempts', { n: attemptsLeft });
}

/** The widget is public too: whatever a host passes, only an https link is ever rendered. */
const httpsOnly = (url: string | undefined) => (url && /^https:\/\/[^\s]+$/i.test(url) ? url : undefined);

export function PasswordHelp({ t, props }: { t: Translator; props: SecurePasswordProps }) {
  const { locked, locale, onUnlocked } = props;
  const forgotPasswordUrl = httpsOnly(props.forgotPasswordUrl);
  return (
    <>
      {locked && <LockedNotice key={locked.unlocksAt} unlocksAt={locked.unlocksAt} locale={locale} onUnlocked={onUnlocked} />}
      {forgotPasswordUrl && (
        <p className="cashier-sd-help">
          <a href={forgotPasswordUrl} target="_blank" rel="noopener noreferrer" data-element-id="forgot-password">
            {t('password.forgot')}
          </a>
        </p>
      )}
    </>
  );
}
