// English messages; the key set here is the key set every locale must provide.
export const messagesEnUS = {
  'password.title': 'Enter payment password',
  'password.delete': 'Delete',
  'password.cancel': 'Cancel',
  'password.confirm': 'Confirm',
  'password.shift': 'Shift',
  'password.digitsEntered': '{count} of {total} digits entered',
  'password.charactersEntered': '{count} characters entered',
  'password.lengthHint': 'Use {min} to {max} letters or digits',
  'password.prepareFailed': 'Could not prepare secure input',
  'password.retry': 'Retry',
  'password.locked': 'Payment password locked. Try again after {time}.',
  'password.useAnotherMethod': 'Use another method',
  'password.wrongAttempts': 'Wrong password, {n} attempts left',
  'password.wrongLastAttempt': 'Wrong password, 1 attempt left',
  'password.unlocksIn': 'Unlocks in {time}',
  'password.unlocked': 'Unlocked. You can pay with your password again.',
  'password.forgot': 'Forgot password?',
} as const;

export type MessageKey = keyof typeof messagesEnUS;
export type Messages = Record<MessageKey, string>;
