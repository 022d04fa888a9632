// The payment flow as one state machine: every phase and every move between phases, listed here and nowhere else.

/**
 * idle → preverifying → verificationFailed | awaitingAuthentication → paying → succeeded | failed | recovering;
 * recovering → succeeded | failed | unknown; unknown → recovering ("Check again"); plus cancelled.
 */
export type PaymentPhase =
  | 'idle'
  | 'preverifying'
  | 'verificationFailed'
  | 'awaitingAuthentication'
  | 'paying'
  | 'recovering'
  | 'succeeded'
  | 'failed'
  | 'unknown'
  | 'cancelled';

/**
 * The allowed moves. `paying` and `recovering` never go back to a phase that offers paying again unless the server
 * positively refused (paying → awaitingAuthentication); a lost, unreadable or `processing` answer goes to recovering.
 */
export const FLOW_TRANSITIONS: Readonly<Record<PaymentPhase, readonly PaymentPhase[]>> = {
  idle: ['preverifying', 'verificationFailed', 'cancelled'],
  preverifying: ['awaitingAuthentication', 'verificationFailed', 'idle', 'cancelled'],
  verificationFailed: ['idle', 'preverifying', 'cancelled'],
  awaitingAuthentication: ['paying', 'idle', 'preverifying', 'cancelled'],
  paying: ['succeeded', 'failed', 'recovering', 'awaitingAuthentication'],
  recovering: ['succeeded', 'failed', 'unknown'],
  failed: ['awaitingAuthentication', 'idle', 'preverifying', 'succeeded'],
  unknown: ['recovering', 'succeeded'],
  succeeded: [],
  cancelled: [],
};

export const canMove = (from: PaymentPhase, to: PaymentPhase): boolean => FLOW_TRANSITIONS[from].includes(to);

/** Phases in which a payment request may be in flight or its outcome is still being learned. */
export const isSettling = (phase: PaymentPhase): boolean => phase === 'paying' || phase === 'recovering';

/** Phases a flow can end in when the person closes the cashier, with the status the host is told. */
export function finalStatusFor(phase: PaymentPhase): 'succeeded' | 'failed' | 'verification_failed' | 'unknown' | 'cancelled' {
  switch (phase) {
    case 'succeeded':
      return 'succeeded';
    case 'failed':
      return 'failed';
    case 'verificationFailed':
      return 'verification_failed';
    // Closed while the outcome was still being learned: the money may have been taken.
    case 'paying':
    case 'recovering':
    case 'unknown':
      return 'unknown';
    default:
      return 'cancelled';
  }
}
