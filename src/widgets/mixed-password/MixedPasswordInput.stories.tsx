// Stories depend on the previews kit as Storybook stories depend on @storybook/react: dev-only, never exposed.
import { action, localized, offlineChallenge, PressKeys } from '../../previews/story-kit';
import type { Story, StoryMeta } from '../../previews/story-types';
import { MixedPasswordInput, type MixedPasswordInputProps } from './MixedPasswordInput';

type MixedStory = Story<MixedPasswordInputProps>;

const meta: StoryMeta<MixedPasswordInputProps> = {
  title: 'Widgets/MixedPasswordInput',
  component: MixedPasswordInput,
  args: {
    getChallenge: offlineChallenge,
    onEncrypted: action('onEncrypted'),
    onCancel: action('onCancel'),
    minLength: 6,
    maxLength: 20,
    shuffle: false,
    disabled: false,
  },
  argTypes: { error: { control: 'text' }, title: { control: 'text' } },
};
export default meta;

export const __namedExportsOrder = ['Empty', 'PartlyFilled', 'Wrong', 'Locked', 'Shuffled'];

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

export const Wrong: MixedStory = {
  name: 'Wrong password',
  args: { error: localized('Wrong payment password. 2 attempts left.', '支付密码错误，还可尝试 2 次。') },
};

export const Locked: MixedStory = {
  args: { locked: { unlocksAt: '2025-06-01T09:00:00.000Z' }, onUseAnotherMethod: action('onUseAnotherMethod') },
};

/** The digit row is shuffled, once per opening. */
export const Shuffled: MixedStory = { args: { shuffle: true } };
