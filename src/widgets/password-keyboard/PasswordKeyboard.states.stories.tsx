// Stories are dev-only (Storybook), never exposed. States the checks need beside the keyboard's own stories: axe and
// the visual baselines see the keypad while the host holds it inactive.
import type { Meta, StoryObj } from '@storybook/react-webpack5';
import { fn } from 'storybook/test';
import { offlineChallenge } from '../../stories-support/story-kit';
import { PasswordKeyboard } from './PasswordKeyboard';

const meta = {
  title: 'Widgets/PasswordKeyboard/States',
  component: PasswordKeyboard,
  args: { getChallenge: offlineChallenge, onEncrypted: fn(), onCancel: fn(), shuffle: false, disabled: false },
} satisfies Meta<typeof PasswordKeyboard>;
export default meta;

type KeyboardStory = StoryObj<typeof meta>;

/** Every key inactive (aria-disabled), as while the cashier pays. */
export const Disabled: KeyboardStory = { args: { disabled: true } };
