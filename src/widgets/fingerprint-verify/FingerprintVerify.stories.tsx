// Stories are dev-only (Storybook), never exposed.
import type { Meta, StoryObj } from '@storybook/react-webpack5';
import { fn } from 'storybook/test';
import { withBrowser } from '../../stories-support/browser-stage';
import { fingerprintEnrolled, fingerprintNotEnrolled, STORY_API } from '../../stories-support/mock-api';
import { FingerprintVerify } from './FingerprintVerify';

// The browser (platform authenticator, navigator.credentials) is scripted by a decorator, the server by MSW.
const meta = {
  title: 'Widgets/FingerprintVerify',
  component: FingerprintVerify,
  args: {
    apiBaseUrl: STORY_API,
    accountId: 'acct-alice',
    orderId: 'order-preview-0001',
    amount: { amount: 10000, currency: 'CNY' },
    onAuthenticated: fn(),
    onUsePassword: fn(),
    onCancel: fn(),
    autoStart: false,
  },
  parameters: { msw: { handlers: [fingerprintEnrolled] } },
} satisfies Meta<typeof FingerprintVerify>;
export default meta;

type FingerprintStory = StoryObj<typeof meta>;

/** A platform authenticator and a challenge: one press away from the prompt. */
export const Available: FingerprintStory = { decorators: [withBrowser({ platformAuthenticator: true })] };

/** The system prompt is showing (it never answers here). */
export const Waiting: FingerprintStory = {
  name: 'Waiting for the sensor',
  args: { autoStart: true },
  decorators: [withBrowser({ platformAuthenticator: true, credentialsGet: 'wait' })],
};

/** No user-verifying platform authenticator on this device: only the password is left. */
export const Unavailable: FingerprintStory = { decorators: [withBrowser({ platformAuthenticator: false })] };

/** Cancelled or not recognised (a page cannot tell them apart): Try again or use the password. */
export const Failed: FingerprintStory = {
  name: 'Failed: not recognised',
  args: { autoStart: true },
  decorators: [withBrowser({ platformAuthenticator: true, credentialsGet: 'NotAllowedError' })],
};

export const NotEnrolled: FingerprintStory = {
  name: 'Failed: not enrolled',
  decorators: [withBrowser({ platformAuthenticator: true })],
  parameters: { msw: { handlers: [fingerprintNotEnrolled] } },
};
