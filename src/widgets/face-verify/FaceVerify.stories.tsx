// Stories are dev-only (Storybook), never exposed.
import type { Meta, StoryObj } from '@storybook/react-webpack5';
import { fn } from 'storybook/test';
import { scriptedDetector, withBrowser } from '../../stories-support/browser-stage';
import { faceEnrolled, faceNotEnrolled, STORY_API } from '../../stories-support/mock-api';
import { FaceVerify } from './FaceVerify';

// The camera (a painted picture, or a refusal) is scripted by a decorator per story, the on-device detector by a prop, the server by MSW.
const meta = {
  title: 'Widgets/FaceVerify',
  component: FaceVerify,
  args: {
    apiBaseUrl: STORY_API,
    accountId: 'acct-alice',
    orderId: 'order-preview-0001',
    amount: { amount: 10000, currency: 'CNY' },
    onAuthenticated: fn(),
    onUsePassword: fn(),
    onCancel: fn(),
    cameraTimeoutMs: 10000,
    loadDetector: scriptedDetector('far'),
  },
  parameters: { msw: { handlers: [faceEnrolled] } },
} satisfies Meta<typeof FaceVerify>;
export default meta;

type FaceStory = StoryObj<typeof meta>;

const cameraPicture = withBrowser({ camera: 'picture' });

/** A fake camera stream with a face too far away: the guide asks to move closer. */
export const Detecting: FaceStory = { name: 'Fake stream: move closer', decorators: [cameraPicture] };

/** A face centred in the guide: captured, the camera goes off, onAuthenticated carries the picture. */
export const Captured: FaceStory = { name: 'Fake stream: captured', args: { loadDetector: scriptedDetector('centred') }, decorators: [cameraPicture] };

export const NoFace: FaceStory = { name: 'No face', args: { loadDetector: scriptedDetector('nothing') }, decorators: [cameraPicture] };

export const CameraDenied: FaceStory = { name: 'Camera denied', decorators: [withBrowser({ camera: 'NotAllowedError' })] };

export const NotEnrolled: FaceStory = {
  name: 'Not enrolled',
  decorators: [cameraPicture],
  parameters: { msw: { handlers: [faceNotEnrolled] } },
};
