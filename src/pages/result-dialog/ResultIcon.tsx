// The outcome's mark (decorative: the step's heading says the same in words).
export type ResultKind = 'succeeded' | 'failed' | 'unknown';

export function ResultIcon({ kind }: { kind: ResultKind }) {
  return (
    <svg className={`cashier-result__icon cashier-result__icon--${kind}`} viewBox="0 0 48 48" width="56" height="56" aria-hidden="true" focusable="false">
      <circle className="cashier-result__icon-disc" cx="24" cy="24" r="24" />
      {kind === 'succeeded' && <path className="cashier-result__icon-mark cashier-result__icon-check" d="M14 25 l7 7 l13 -15" pathLength="1" />}
      {kind === 'failed' && <path className="cashier-result__icon-mark" d="M16 16 L32 32 M32 16 L16 32" />}
      {kind === 'unknown' && <path className="cashier-result__icon-mark" d="M24 13 V25 L31 30" />}
    </svg>
  );
}
