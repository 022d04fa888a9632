// The stories' other combinations (e2e/visual/matrix.ts), one render each: every story in en-US and the dark theme,
// checked (renders, reaches the state its name promises, speaks en-US, no error, axe on the dark tokens), then the
// password, verification-failed and result stories shot in zh-CN dark, en-US light and at 1280×800 in en-US.
// zh-CN light runs in e2e/visual.e2e.ts; two files balance the runner's workers.
import { registerPasses } from './visual/pass';

registerPasses('variants');
