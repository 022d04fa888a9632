// Stories are dev-only (Storybook), never exposed.
import type { Meta, StoryObj } from '@storybook/react-webpack5';
import { fn } from 'storybook/test';
import { storyLocale } from '../../stories-support/story-globals';
import { offlineChallenge, PressKeys, unreachableChallenge } from '../../stories-support/story-kit';
import { PasswordKeyboard } from './PasswordKeyboard';

const meta = {
  title: 'Widgets/PasswordKeyboard',
  component: PasswordKeyboard,
  // The offline challenge seals with a throwaway key: six digits end in an onEncrypted action, nothing is sent.
  args: { getChallenge: offlineChallenge, onEncrypted: fn(), onCancel: fn(), shuffle: false, disabled: false },
  argTypes: { error: { control: 'text' }, title: { control: 'text' } },
} satisfies Meta<typeof PasswordKeyboard>;
export default meta;

type KeyboardStory = StoryObj<typeof meta>;

export const Empty: KeyboardStory = {};

/** Digits are never props: three key presses are simulated after mount. */
export const PartlyFilled: KeyboardStory = {
  name: 'Partly filled',
  render: (args) => (
    <PressKeys keys="314">
      <PasswordKeyboard {...args} />
    </PressKeys>
  ),
};

const WRONG = { 'en-US': 'Wrong payment password. 4 attempts left.', 'zh-CN': '支付密码错误，还可尝试 4 次。' };

/** The server's message follows the locale toolbar unless the error control says otherwise. */
export const Wrong: KeyboardStory = {
  name: 'Wrong password',
  render: (args, context) => <PasswordKeyboard {...args} error={args.error ?? WRONG[storyLocale(context)]} />,
};

export const Locked: KeyboardStory = {
  args: { locked: { unlocksAt: '2025-06-01T09:00:00.000Z' }, onUseAnotherMethod: fn() },
};

export const Shuffled: KeyboardStory = { args: { shuffle: true } };

/** While the payment is sent the keys do nothing. */
export const Sending: KeyboardStory = { args: { disabled: true } };

export const PrepareFailed: KeyboardStory = { name: 'Challenge unavailable', args: { getChallenge: unreachableChallenge } };
