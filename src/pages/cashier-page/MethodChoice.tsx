import { useId } from 'react';
import type { Method } from '../../core/types';
import { useCashier } from './cashier-context';
import { methodMessages } from './method-messages';
import './method-choice.css';

/**
 * The method choice as a radio group (docs/api.md, What a person sees: "Password", "Fingerprint", "Face"). A method
 * not in `usable` (not enrolled) stays in the group, disabled; with `needsSetup` it says "Set up after this payment".
 */
export function MethodChoice({
  methods,
  value,
  onChange,
  disabled,
  usable = methods,
  needsSetup = [],
}: {
  methods: Method[];
  value: Method;
  onChange: (method: Method) => void;
  disabled?: boolean;
  /** The methods that can pay now; default all of `methods`. */
  usable?: readonly Method[];
  /** Not usable because not enrolled yet (the page resources said so): described with the setup hint. */
  needsSetup?: readonly Method[];
}) {
  const { t, locale } = useCashier();
  const m = methodMessages(locale);
  const name = useId();
  return (
    <fieldset className="cashier-methods" disabled={disabled}>
      <legend>{t('methodLegend')}</legend>
      {methods.map((method) => {
        const off = !usable.includes(method);
        const hintId = `${name}-${method}-hint`;
        const hint = off && needsSetup.includes(method);
        return (
          <div key={method} className="cashier-methods__row">
            <label className="cashier-methods__option" data-disabled={off || undefined}>
              <input
                type="radio"
                name={name}
                value={method}
                checked={!off && value === method}
                disabled={off}
                aria-describedby={hint ? hintId : undefined}
                onChange={() => onChange(method)}
                data-element-id={`method-${method}`}
              />
              <span>{t(`method_${method}`)}</span>
            </label>
            {/* Beside the name, never under it: the hint appears once the page resources answer and must not move anything. */}
            {hint && (
              <span id={hintId} className="cashier-methods__hint">
                {m.methodSetUpLater}
              </span>
            )}
          </div>
        );
      })}
    </fieldset>
  );
}
