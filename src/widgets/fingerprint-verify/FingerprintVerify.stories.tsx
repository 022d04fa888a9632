// Stories depend on the previews kit as Storybook stories depend on @storybook/react: dev-only, never exposed.
import { BrowserStage, STAGE_API, type StageScript } from '../../previews/browser-stage';
import { action } from '../../previews/story-kit';
import type { Story, StoryMeta } from '../../previews/story-types';
import { FingerprintVerify, type FingerprintVerifyProps } from './FingerprintVerify';

type FingerprintStory = Story<FingerprintVerifyProps>;

const meta: StoryMeta<FingerprintVerifyProps> = {
  title: 'Widgets/FingerprintVerify',
  component: FingerprintVerify,
  args: {
    apiBaseUrl: STAGE_API,
    accountId: 'acct-alice',
    orderId: 'order-preview-0001',
    amount: { amount: 10000, currency: 'CNY' },
    onAuthenticated: action('onAuthenticated'),
    onUsePassword: action('onUsePassword'),
    onCancel: action('onCancel'),
    autoStart: false,
  },
};
export default meta;

export const __namedExportsOrder = ['Available', 'Waiting', 'Unavailable', 'Failed', 'NotEnrolled'];

const OPTIONS = {
  challengeId: 'fingerprint_preview',
  expiresAt: '2999-01-01T00:00:00.000Z',
  options: { challenge: 'cHJldmlldy1jaGFsbGVuZ2U', rpId: 'localhost', userVerification: 'required', allowCredentials: [] },
};
const optionsAnswer = { '/webauthn/authentication/options': { body: OPTIONS } };

// The browser (platform authenticator, navigator.credentials) and the server are scripted per story.
const staged =
  (script: StageScript): FingerprintStory['render'] =>
  (args) => (
    <BrowserStage script={script}>
      <FingerprintVerify {...args} />
    </BrowserStage>
  );

/** A platform authenticator and a challenge: one press away from the prompt. */
export const Available: FingerprintStory = { render: staged({ platformAuthenticator: true, api: optionsAnswer }) };

/** The system prompt is showing (it never answers here). */
export const Waiting: FingerprintStory = {
  name: 'Waiting for the sensor',
  args: { autoStart: true },
  render: staged({ platformAuthenticator: true, api: optionsAnswer, credentialsGet: 'wait' }),
};

/** No user-verifying platform authenticator on this device: only the password is left. */
export const Unavailable: FingerprintStory = { render: staged({ platformAuthenticator: false, api: optionsAnswer }) };

/** Cancelled or not recognised (a page cannot tell them apart): Try again or use the password. */
export const Failed: FingerprintStory = {
  name: 'Failed: not recognised',
  args: { autoStart: true },
  render: staged({ platformAuthenticator: true, api: optionsAnswer, credentialsGet: 'NotAllowedError' }),
};

export const NotEnrolled: FingerprintStory = {
  name: 'Failed: not enrolled',
  render: staged({
    platformAuthenticator: true,
    api: { '/webauthn/authentication/options': { status: 404, body: { code: 'METHOD_NOT_ENROLLED', message: 'Not enrolled' } } },
  }),
};
