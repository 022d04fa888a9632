// The password lock's countdown: "Unlocks in 29:59", ticking on whole seconds until the lock ends.
import { useEffect, useRef, useState } from 'react';
import { formatCountdown, secondsUntil } from '../../core/countdown';
import type { Locale } from '../../core/types';
import { createTranslator } from '../../i18n';

export interface LockedNoticeProps {
  /** ISO 8601 time the password unlocks. */
  unlocksAt: string;
  locale?: Locale;
  /** Called once when the countdown reaches zero. */
  onUnlocked?: () => void;
}

export function LockedNotice({ unlocksAt, locale = 'zh-CN', onUnlocked }: LockedNoticeProps) {
  const t = createTranslator(locale);
  const [left, setLeft] = useState(() => secondsUntil(unlocksAt, Date.now()));
  const unlocked = useRef(onUnlocked);
  unlocked.current = onUnlocked;

  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const tick = () => {
      const now = Date.now();
      const seconds = secondsUntil(unlocksAt, now);
      setLeft(seconds);
      if (seconds === 0) {
        unlocked.current?.();
        return;
      }
      // The next tick lands on the next whole second before the unlock time, so the figure never skips or lags.
      timer = setTimeout(tick, (Date.parse(unlocksAt) - now) % 1000 || 1000);
    };
    tick();
    return () => clearTimeout(timer);
  }, [unlocksAt]);

  // role="timer" is not announced on every tick; the lock itself is announced by the dialog's alert.
  return left > 0 ? (
    <p className="cashier-sd-timer" role="timer">
      {t('password.unlocksIn', { time: formatCountdown(left) })}
    </p>
  ) : (
    <p className="cashier-sd-timer" role="status">
      {t('password.unlocked')}
    </p>
  );
}
