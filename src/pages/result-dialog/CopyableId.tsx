import { useRef, useState } from 'react';
import { copyText } from './copy-text';

/** How many trailing characters stay whole when a long id is truncated in the middle. */
const TAIL = 6;

export interface CopyableIdProps {
  id: string;
  /** The copy button's accessible name, e.g. "Copy payment ID"; its visible text is `copyText`. */
  copyLabel: string;
  copyText: string;
  copiedText: string;
  failedText: string;
}

/**
 * A long id, middle-truncated when it does not fit (the head ellipsises, the tail stays) but whole in the accessible
 * text and the copy; a Copy button with a status that says whether it worked.
 */
export function CopyableId({ id, copyLabel, copyText: copyVisible, copiedText, failedText }: CopyableIdProps) {
  const [status, setStatus] = useState<'idle' | 'copied' | 'failed'>('idle');
  const valueRef = useRef<HTMLSpanElement>(null);
  const head = id.length > TAIL ? id.slice(0, -TAIL) : id;
  const tail = id.length > TAIL ? id.slice(-TAIL) : '';
  const copy = async () => {
    const ok = await copyText(id);
    setStatus(ok ? 'copied' : 'failed');
    if (!ok && valueRef.current) window.getSelection()?.selectAllChildren(valueRef.current);
  };
  return (
    <span className="cashier-id">
      <span className="cashier-id__row">
        <span ref={valueRef} className="cashier-id__value" title={id} data-testid="payment-id">
          <span className="cashier-id__head">{head}</span>
          {tail && <span className="cashier-id__tail">{tail}</span>}
        </span>
        <button type="button" className="cashier-id__copy" aria-label={copyLabel} onClick={copy} data-element-id="copy-payment-id">
          {copyVisible}
        </button>
      </span>
      {/* Always mounted, so screen readers hear the change. */}
      <span role="status" className="cashier-id__status">
        {status === 'copied' ? copiedText : status === 'failed' ? failedText : ''}
      </span>
    </span>
  );
}
