// Stories are dev-only (Storybook), never exposed.
import type { Meta, StoryObj } from '@storybook/react-webpack5';
import { fn } from 'storybook/test';
import type { FailedCheck, Locale } from '../../core/types';
import { StoryCashier } from '../../stories-support/cashier-stage';
import { accountFrozenCheck, minimumAmountCheck, overLimitPayment, singleLimitCheck, singleLimitResult, storyResources } from '../../stories-support/page-fixtures';
import { storyLocale, storyTheme } from '../../stories-support/story-globals';
import { VerifyFailedDialog } from './VerifyFailedDialog';

const meta = {
  title: 'Pages/VerifyFailedDialog',
  component: VerifyFailedDialog,
  args: {
    payment: overLimitPayment,
    cards: storyResources.cards,
    amountEditable: false,
    onCorrect: fn(),
    onClose: fn(),
    // Each story's render passes its checks in the toolbar's locale (S221: the server sends them localized).
    failedChecks: [],
  },
  argTypes: { failedChecks: { table: { disable: true } } },
} satisfies Meta<typeof VerifyFailedDialog>;
export default meta;

type VerifyStory = StoryObj<typeof meta>;

// Failed checks come from the server in the person's language (S221), so they follow the locale switch.
const withChecks =
  (checks: (locale: Locale) => FailedCheck[]): VerifyStory['render'] =>
  (args, context) => (
    <StoryCashier locale={storyLocale(context)} theme={storyTheme(context)}>
      <VerifyFailedDialog {...args} failedChecks={checks(storyLocale(context))} />
    </StoryCashier>
  );

/** The seed's example: over the first card's limit; a correction link and the other card in place. */
export const SingleLimit: VerifyStory = {
  name: 'Single limit exceeded',
  args: { checkResults: [singleLimitResult] },
  render: withChecks((l) => [singleLimitCheck(l)]),
};

/** The host allows changing the amount (CashierOptions.amountEditable). */
export const AmountEditable: VerifyStory = {
  name: 'Amount editable',
  args: { amountEditable: true, checkResults: [singleLimitResult] },
  render: withChecks((l) => [singleLimitCheck(l)]),
};

/** A check without a correction page shows its message only. */
export const WithoutLink: VerifyStory = {
  name: 'Check without a link',
  args: { amountEditable: true, cards: [] },
  render: withChecks((l) => [minimumAmountCheck(l)]),
};

/** Nothing to correct in place: only the link to customer service. */
export const AccountFrozen: VerifyStory = { name: 'Account frozen', render: withChecks((l) => [accountFrozenCheck(l)]) };
