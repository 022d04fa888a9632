// docs/api.md, Federation, `./PasswordKeyboard`: both report only an encrypted result, never the plain password.
export { PasswordKeyboard } from '../widgets/password-keyboard/PasswordKeyboard';
export { MixedPasswordInput } from '../widgets/mixed-password/MixedPasswordInput';
export type { EncryptedPassword, PasswordChallenge } from '../core/service-interfaces';
