import { useEffect, useRef } from 'react';
import type { Locale } from '../../core/types';
import { whenIdle } from '../lazy-step/when-idle';
import { afterNextPaint } from '../../widgets/shared/after-paint';
import { MONOSPACE_FAMILY, TYPE_AHEAD } from './type-ahead';

/**
 * Latin, figures and the signs the steps show, and the locale's own script (a CJK font is a font of its own). The
 * figures stand apart: no run of digits on the page may read as a password or a card number (the secrets sweep of
 * the browser suite looks for them in the DOM, and so would anyone auditing the page).
 */
export const SAMPLE_TEXT: Record<Locale, string> = {
  'en-US': 'Aa 0 1 2 3 4 5 6 7 8 9 ¥$.,×‹',
  'zh-CN': 'Aa 0 1 2 3 4 5 6 7 8 9 ¥$.,×‹ 支付密码',
};

/**
 * Rendered with the order summary: while the page is idle, lays out one hidden line per font of TYPE_AHEAD (a few
 * per idle period, so no long task stands in front of a click), then removes them once that frame is painted and
 * marks itself `data-state="done"`.
 */
export function TypeAhead({ locale }: { locale: Locale }) {
  const box = useRef<HTMLSpanElement>(null);
  useEffect(() => {
    const node = box.current;
    if (!node) return;
    node.replaceChildren();
    delete node.dataset.state;
    let next = 0;
    let cancel = () => {};
    const work = (deadline?: IdleDeadline) => {
      do {
        const sample = TYPE_AHEAD[next++]!;
        const line = document.createElement('span');
        line.style.fontSize = `${sample.size}px`;
        line.style.fontWeight = String(sample.weight);
        if (sample.monospace) line.style.fontFamily = MONOSPACE_FAMILY;
        if (sample.tabular) line.style.fontVariantNumeric = 'tabular-nums';
        line.textContent = SAMPLE_TEXT[locale];
        node.append(line);
        node.getBoundingClientRect(); // lays the line out now, inside this idle period
      } while (next < TYPE_AHEAD.length && (deadline?.timeRemaining() ?? 0) > 4);
      cancel = next < TYPE_AHEAD.length ? whenIdle(work) : afterNextPaint(done);
    };
    const done = () => {
      node.replaceChildren();
      node.dataset.state = 'done';
    };
    cancel = whenIdle(work);
    return () => cancel();
  }, [locale]);
  return <span ref={box} className="cashier-type-ahead" aria-hidden="true" />;
}
