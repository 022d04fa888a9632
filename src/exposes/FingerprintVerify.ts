// docs/api.md, Federation, `./FingerprintVerify`: WebAuthn platform authenticator, user verification required.
export { FingerprintVerify } from '../widgets/fingerprint-verify/FingerprintVerify';
