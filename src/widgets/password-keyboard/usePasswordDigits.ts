import { type SecureEntry, type SecurePasswordProps, useSecureEntry } from '../shared/useSecureEntry';

export const PASSWORD_DIGITS = 6;

/** Six digits, sealed and reported the moment the sixth one is entered. */
export function usePasswordDigits(props: SecurePasswordProps): SecureEntry {
  return useSecureEntry(props, PASSWORD_DIGITS, true);
}
