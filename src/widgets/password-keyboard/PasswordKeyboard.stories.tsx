// Stories depend on the previews kit as Storybook stories depend on @storybook/react: dev-only, never exposed.
import { action, localized, offlineChallenge, PressKeys, unreachableChallenge } from '../../previews/story-kit';
import type { Story, StoryMeta } from '../../previews/story-types';
import { PasswordKeyboard, type PasswordKeyboardProps } from './PasswordKeyboard';

type KeyboardStory = Story<PasswordKeyboardProps>;

const meta: StoryMeta<PasswordKeyboardProps> = {
  title: 'Widgets/PasswordKeyboard',
  component: PasswordKeyboard,
  // The offline challenge seals with a throwaway key: six digits end in an onEncrypted action, nothing is sent.
  args: { getChallenge: offlineChallenge, onEncrypted: action('onEncrypted'), onCancel: action('onCancel'), shuffle: false, disabled: false },
  argTypes: { error: { control: 'text' }, title: { control: 'text' } },
};
export default meta;

export const __namedExportsOrder = ['Empty', 'PartlyFilled', 'Wrong', 'Locked', 'Shuffled', 'Sending', 'PrepareFailed'];

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

export const Wrong: KeyboardStory = {
  name: 'Wrong password',
  args: { error: localized('Wrong payment password. 4 attempts left.', '支付密码错误，还可尝试 4 次。') },
};

export const Locked: KeyboardStory = {
  args: { locked: { unlocksAt: '2025-06-01T09:00:00.000Z' }, onUseAnotherMethod: action('onUseAnotherMethod') },
};

export const Shuffled: KeyboardStory = { args: { shuffle: true } };

/** While the payment is sent the keys do nothing. */
export const Sending: KeyboardStory = { args: { disabled: true } };

export const PrepareFailed: KeyboardStory = { name: 'Challenge unavailable', args: { getChallenge: unreachableChallenge } };
