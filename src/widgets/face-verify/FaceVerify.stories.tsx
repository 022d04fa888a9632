// Stories depend on the previews kit as Storybook stories depend on @storybook/react: dev-only, never exposed.
import { BrowserStage, STAGE_API, type StageScript, scriptedDetector } from '../../previews/browser-stage';
import { action } from '../../previews/story-kit';
import type { Story, StoryMeta } from '../../previews/story-types';
import { FaceVerify, type FaceVerifyProps } from './FaceVerify';

type FaceStory = Story<FaceVerifyProps>;

const meta: StoryMeta<FaceVerifyProps> = {
  title: 'Widgets/FaceVerify',
  component: FaceVerify,
  args: {
    apiBaseUrl: STAGE_API,
    accountId: 'acct-alice',
    orderId: 'order-preview-0001',
    amount: { amount: 10000, currency: 'CNY' },
    onAuthenticated: action('onAuthenticated'),
    onUsePassword: action('onUsePassword'),
    onCancel: action('onCancel'),
    cameraTimeoutMs: 10000,
  },
};
export default meta;

export const __namedExportsOrder = ['Detecting', 'Captured', 'NoFace', 'CameraDenied', 'NotEnrolled'];

const challengeAnswer = { '/face/challenge': { body: { challengeId: 'face_preview', expiresAt: '2999-01-01T00:00:00.000Z' } } };

// The camera (a painted picture), the server and the on-device detector are scripted per story.
const staged =
  (script: StageScript, sees: Parameters<typeof scriptedDetector>[0] = 'far'): FaceStory['render'] =>
  (args) => (
    <BrowserStage script={script}>
      <FaceVerify {...args} loadDetector={scriptedDetector(sees)} />
    </BrowserStage>
  );

/** A fake camera stream with a face too far away: the guide asks to move closer. */
export const Detecting: FaceStory = { name: 'Fake stream: move closer', render: staged({ camera: 'picture', api: challengeAnswer }, 'far') };

/** A face centred in the guide: captured, the camera goes off, onAuthenticated carries the picture. */
export const Captured: FaceStory = { name: 'Fake stream: captured', render: staged({ camera: 'picture', api: challengeAnswer }, 'centred') };

export const NoFace: FaceStory = { name: 'No face', render: staged({ camera: 'picture', api: challengeAnswer }, 'nothing') };

export const CameraDenied: FaceStory = { name: 'Camera denied', render: staged({ camera: 'NotAllowedError', api: challengeAnswer }) };

export const NotEnrolled: FaceStory = {
  name: 'Not enrolled',
  render: staged({ camera: 'picture', api: { '/face/challenge': { status: 404, body: { code: 'METHOD_NOT_ENROLLED', message: 'Not enrolled' } } } }),
};
