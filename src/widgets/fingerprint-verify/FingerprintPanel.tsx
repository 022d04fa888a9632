// The fingerprint dialog's body, shared by payment and enrolment: icon, live status, one primary action, a way out.
import { useEffect, useRef } from 'react';
import { BiometricDialog, BiometricStatus } from '../biometric-shared/BiometricDialog';
import { RETRYABLE } from './ceremony';
import type { FingerprintMessages } from './messages';
import type { CeremonyState } from './useFingerprintCeremony';

export interface FingerprintPanelProps {
  m: FingerprintMessages;
  title: string;
  state: CeremonyState;
  /** Status text for the 'ready' and 'done' phases. */
  readyText: string;
  doneText: string;
  startLabel: string;
  onStart: () => void;
  onClose: () => void;
  /** The secondary way out: "Use password" while paying, "Done" after enrolling. */
  secondary?: { label: string; onClick: () => void };
}

function statusText(p: FingerprintPanelProps): string {
  const { m, state } = p;
  if (state.phase === 'failed') return m[state.problem ?? 'failed'];
  if (state.phase === 'ready') return p.readyText;
  if (state.phase === 'done') return p.doneText;
  return m[state.phase];
}

function FingerprintIcon() {
  return (
    <svg className="cashier-bio-icon" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
      <path
        fill="none"
        stroke="currentColor"
        strokeWidth="1.5"
        strokeLinecap="round"
        d="M7 4.6A9 9 0 0 1 19.4 8M4.5 9.5a8 8 0 0 1 1-2M12 21c-2-2.5-3-5-3-8a3 3 0 0 1 6 0c0 2 1 3 2.5 3.5M6 18c-1-2-1.5-3.5-1.5-5.5a7.5 7.5 0 0 1 15 0M15.5 20c-2-2.4-3.5-4.5-3.5-7"
      />
    </svg>
  );
}

export function FingerprintPanel(p: FingerprintPanelProps) {
  const { state, m } = p;
  const { phase } = state;
  const retry = phase === 'failed' && RETRYABLE.has(state.problem ?? 'failed');
  const showPrimary = phase !== 'done' && phase !== 'completing' && (phase !== 'failed' || retry);
  const busy = phase === 'preparing' || phase === 'waiting';
  const secondary = useRef<HTMLButtonElement>(null);
  // With no retry left (not enrolled, locked, unavailable), focus goes to the way out.
  useEffect(() => {
    if (!showPrimary && phase === 'failed') secondary.current?.focus();
  }, [showPrimary, phase]);

  return (
    <BiometricDialog title={p.title} closeLabel={m.close} onClose={p.onClose} className={phase === 'waiting' ? 'cashier-bio-waiting' : undefined}>
      <FingerprintIcon />
      <BiometricStatus text={statusText(p)} error={phase === 'failed'} />
      <div className="cashier-bio-actions">
        {showPrimary && (
          <button
            type="button"
            className="cashier-bio-primary"
            // aria-disabled, not disabled: the focus stays on the button while it waits.
            aria-disabled={busy || undefined}
            onClick={() => {
              if (!busy) p.onStart();
            }}
          >
            {retry ? m.tryAgain : p.startLabel}
          </button>
        )}
        {p.secondary && (
          <button ref={secondary} type="button" onClick={p.secondary.onClick}>
            {p.secondary.label}
          </button>
        )}
      </div>
    </BiometricDialog>
  );
}
