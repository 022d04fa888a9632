// Stories are dev-only (Storybook), never exposed.
import type { Meta, StoryObj } from '@storybook/react-webpack5';
import { fn } from 'storybook/test';
import { storyLocale } from '../../stories-support/story-globals';
import { offlineChallenge, PressKeys } from '../../stories-support/story-kit';
import { MixedPasswordInput } from './MixedPasswordInput';

const meta = {
  title: 'Widgets/MixedPasswordInput',
  component: MixedPasswordInput,
  args: {
    getChallenge: offlineChallenge,
    onEncrypted: fn(),
    onCancel: fn(),
    minLength: 6,
    maxLength: 20,
    shuffle: false,
    disabled: false,
  },
  argTypes: { error: { control: 'text' }, title: { control: 'text' } },
} satisfies Meta<typeof MixedPasswordInput>;
export default meta;

type MixedStory = StoryObj<typeof meta>;

export const Empty: MixedStory = {};

/** Characters are never props: four key presses are simulated after mount (Confirm stays off below minLength). */
export const PartlyFilled: MixedStory = {
  name: 'Partly filled',
  render: (args) => (
    <PressKeys keys="pay2">
      <MixedPasswordInput {...args} />
    </PressKeys>
  ),
};

const WRONG = { 'en-US': 'Wrong payment password. 2 attempts left.', 'zh-CN': '支付密码错误，还可尝试 2 次。' };

/** The server's message follows the locale toolbar unless the error control says otherwise. */
export const Wrong: MixedStory = {
  name: 'Wrong password',
  render: (args, context) => <MixedPasswordInput {...args} error={args.error ?? WRONG[storyLocale(context)]} />,
};

export const Locked: MixedStory = {
  args: { locked: { unlocksAt: '2025-06-01T09:00:00.000Z' }, onUseAnotherMethod: fn() },
};

/** The digit row is shuffled, once per opening. */
export const Shuffled: MixedStory = { args: { shuffle: true } };
