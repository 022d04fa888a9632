// The 6-digit payment password SDK: six masked cells and a secure numeric keyboard in one modal dialog.
import { useState } from 'react';
import { createTranslator } from '../../i18n';
import { DeleteKey } from '../shared/DeleteKey';
import { SecureDialog } from '../shared/SecureDialog';
import type { SecureEntry, SecurePasswordProps } from '../shared/useSecureEntry';
import { keyOrder } from './keyboard-order';
import { PASSWORD_DIGITS, usePasswordDigits } from './usePasswordDigits';
import './password-keyboard.css';

/** Every prop is described on SecurePasswordProps; the keyboard adds none. */
export type PasswordKeyboardProps = SecurePasswordProps;

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

const CELLS = [0, 1, 2, 3, 4, 5];

export function PasswordKeyboard(props: PasswordKeyboardProps) {
  const t = createTranslator(props.locale ?? 'zh-CN');
  const entry = usePasswordDigits(props);
  if (props.open === false) return null;

  return (
    <SecureDialog
      {...props}
      className="cashier-pk"
      entry={entry}
      status={t('password.digitsEntered', { count: entry.count, total: PASSWORD_DIGITS })}
      keys={/[0-9]/}
    >
      <div className="cashier-pk-cells" aria-hidden="true">
        {CELLS.map((i) => (
          <span key={i} className={i < entry.count ? 'cashier-pk-cell cashier-pk-filled' : 'cashier-pk-cell'} />
        ))}
      </div>
      <NumberPad shuffle={Boolean(props.shuffle)} entry={entry} deleteLabel={t('password.delete')} />
    </SecureDialog>
  );
}
