// The mixed password SDK: letters and digits on a secure on-screen keyboard, sealed on Confirm.
import { useState } from 'react';
import { createTranslator, type Translator } from '../../i18n';
import { DeleteKey } from '../shared/DeleteKey';
import { PasswordHelp, passwordErrorText } from '../shared/password-help';
import { SecureDialog } from '../shared/SecureDialog';
import { charCodes, shuffled } from '../shared/shuffle';
import { type SecureEntry, type SecurePasswordProps, useSecureEntry } from '../shared/useSecureEntry';
import './mixed-password.css';

export interface MixedPasswordInputProps extends SecurePasswordProps {
  /** Fewest characters Confirm accepts. Default 6. */
  minLength?: number;
  /** Most characters the keyboard takes (at most 64). Default 20. `shuffle` shuffles the digit row. */
  maxLength?: number;
}

const MAX_LENGTH = 64; // keeps {"password","nonce"} inside one RSA-OAEP block
const LETTER_ROWS = ['qwertyuiop', 'asdfghjkl', 'zxcvbnm'].map(charCodes);
const DIGIT_ROW = charCodes('1234567890');
const toUpper = (code: number) => code - 32;

function checkLengths(min: number, max: number) {
  if (!Number.isInteger(min) || !Number.isInteger(max) || min < 1 || min > max || max > MAX_LENGTH) {
    throw new RangeError(`MixedPasswordInput needs integers 1 <= minLength <= maxLength <= ${MAX_LENGTH}, got ${min}..${max}`);
  }
}

interface KeysProps {
  t: Translator;
  entry: SecureEntry;
  shuffle: boolean;
  minLength: number;
}

function MixedKeys({ t, entry, shuffle, minLength }: KeysProps) {
  const { inactive } = entry;
  // Chosen when the keyboard mounts, that is once per opening.
  const [digits] = useState(() => (shuffle ? shuffled(DIGIT_ROW) : DIGIT_ROW));
  const [upper, setUpper] = useState(false);
  const key = (code: number) => (
    <button key={code} type="button" className="cashier-sd-key" aria-disabled={inactive || undefined} onClick={() => entry.type(code)}>
      {String.fromCharCode(code)}
    </button>
  );
  return (
    <div>
      <div className="cashier-mp-row">{digits.map(key)}</div>
      {LETTER_ROWS.map((row) => (
        <div key={row[0]} className="cashier-mp-row">
          {row.map((code) => key(upper ? toUpper(code) : code))}
        </div>
      ))}
      <div className="cashier-mp-row">
        <button type="button" className="cashier-sd-key" aria-pressed={upper} onClick={() => setUpper(!upper)}>
          {t('password.shift')}
        </button>
        <DeleteKey label={t('password.delete')} onDelete={entry.remove} inactive={inactive} />
        <button
          type="button"
          className="cashier-sd-key cashier-sd-primary"
          aria-disabled={inactive || entry.count < minLength || undefined}
          onClick={() => entry.submit(minLength)}
        >
          {t('password.confirm')}
        </button>
      </div>
    </div>
  );
}

export function MixedPasswordInput(props: MixedPasswordInputProps) {
  const { minLength = 6, maxLength = 20 } = props;
  checkLengths(minLength, maxLength);
  const t = createTranslator(props.locale ?? 'zh-CN');
  const shown = { ...props, error: passwordErrorText(t, props) };
  const entry = useSecureEntry(shown, maxLength, false);
  if (props.open === false) return null;

  return (
    <SecureDialog
      {...shown}
      className="cashier-mp"
      entry={entry}
      status={t('password.charactersEntered', { count: entry.count })}
      keys={/[A-Za-z0-9]/}
      onEnter={() => entry.submit(minLength)}
    >
      <div className="cashier-mp-field" aria-hidden="true">
        {'•'.repeat(entry.count)}
      </div>
      <p className="cashier-mp-hint">{t('password.lengthHint', { min: minLength, max: maxLength })}</p>
      <MixedKeys t={t} entry={entry} shuffle={Boolean(props.shuffle)} minLength={minLength} />
      <PasswordHelp t={t} props={shown} />
    </SecureDialog>
  );
}
