import { useId } from 'react';
import type { Method } from '../../core/types';
import { useCashier } from './cashier-context';

/** The method choice as a radio group (docs/api.md, What a person sees: "Password", "Fingerprint", "Face"). */
export function MethodChoice({
  methods,
  value,
  onChange,
  disabled,
}: {
  methods: Method[];
  value: Method;
  onChange: (method: Method) => void;
  disabled?: boolean;
}) {
  const { t } = useCashier();
  const name = useId();
  return (
    <fieldset className="cashier-methods" disabled={disabled}>
      <legend>{t('methodLegend')}</legend>
      {methods.map((method) => (
        <label key={method} className="cashier-methods__option">
          <input
            type="radio"
            name={name}
            value={method}
            checked={value === method}
            onChange={() => onChange(method)}
            data-element-id={`method-${method}`}
          />
          <span>{t(`method_${method}`)}</span>
        </label>
      ))}
    </fieldset>
  );
}
