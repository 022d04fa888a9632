// The 6-digit payment password SDK: six masked cells and a secure numeric keyboard in one modal dialog.
import { useEffect, useState } from 'react';
import { createTranslator } from '../../i18n';
import { DeleteKey } from '../shared/DeleteKey';
import { PasswordHelp, passwordErrorText } from '../shared/password-help';
import { SecureDialog } from '../shared/SecureDialog';
import type { SecureEntry, SecurePasswordProps } from '../shared/useSecureEntry';
import { keyOrder } from './keyboard-order';
import { PASSWORD_DIGITS, usePasswordDigits } from './usePasswordDigits';
import './password-keyboard.css';

/** Every prop is described on SecurePasswordProps; the keyboard adds none. */
export type PasswordKeyboardProps = SecurePasswordProps;

/** How long the cells stay red (and shake, motion allowed) after a wrong password before they clear. */
export const WRONG_FLASH_MS = 600;

function NumberPad({ shuffle, entry, deleteLabel }: { shuffle: boolean; entry: SecureEntry; deleteLabel: string }) {
  // Chosen when the pad mounts, that is once per opening, never per tap.
  const [order] = useState(() => keyOrder(shuffle));
  return (
    <div className="cashier-pk-keys">
      {order.map((code) => (
        <button key={code} type="button" className="cashier-sd-key" aria-disabled={entry.inactive || undefined} onClick={() => entry.type(code)}>
          {String.fromCharCode(code)}
        </button>
      ))}
      <DeleteKey label={deleteLabel} onDelete={entry.remove} inactive={entry.inactive} />
    </div>
  );
}

/** True for WRONG_FLASH_MS after each new wrong-password answer (a new attemptsLeft). */
function useWrongFlash(attemptsLeft: number | undefined): boolean {
  const [flash, setFlash] = useState(false);
  useEffect(() => {
    if (typeof attemptsLeft !== 'number') return setFlash(false);
    setFlash(true);
    const timer = setTimeout(() => setFlash(false), WRONG_FLASH_MS);
    return () => clearTimeout(timer);
  }, [attemptsLeft]);
  return flash;
}

const CELLS = [0, 1, 2, 3, 4, 5];

export function PasswordKeyboard(props: PasswordKeyboardProps) {
  const t = createTranslator(props.locale ?? 'zh-CN');
  // The wrong-password text is the error: a new one restarts the entry (fresh challenge, empty buffer).
  const shown = { ...props, error: passwordErrorText(t, props) };
  const entry = usePasswordDigits(shown);
  const flash = useWrongFlash(props.attemptsLeft) && entry.count === 0;
  if (props.open === false) return null;

  const cells = ['cashier-pk-cells', shown.error && entry.count === 0 ? 'cashier-pk-cells--error' : '', flash ? 'cashier-pk-cells--shake' : '']
    .filter(Boolean)
    .join(' ');
  return (
    <SecureDialog
      {...shown}
      className="cashier-pk"
      entry={entry}
      status={t('password.digitsEntered', { count: entry.count, total: PASSWORD_DIGITS })}
      keys={/[0-9]/}
    >
      {/* The buffer is already wiped; the red filled cells only show what was refused, then clear. */}
      <div className={cells} aria-hidden="true">
        {CELLS.map((i) => (
          <span key={i} className={i < entry.count || flash ? 'cashier-pk-cell cashier-pk-filled' : 'cashier-pk-cell'} />
        ))}
      </div>
      <NumberPad shuffle={Boolean(props.shuffle)} entry={entry} deleteLabel={t('password.delete')} />
      <PasswordHelp t={t} props={shown} />
    </SecureDialog>
  );
}
