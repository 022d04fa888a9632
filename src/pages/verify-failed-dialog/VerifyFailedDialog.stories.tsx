// Stories depend on the previews kit as Storybook stories depend on @storybook/react: dev-only, never exposed.
import type { FailedCheck, Locale } from '../../core/types';
import { StoryCashier } from '../../previews/CashierStage';
import { accountFrozenCheck, minimumAmountCheck, overLimitPayment, singleLimitCheck, storyResources } from '../../previews/page-fixtures';
import { action } from '../../previews/story-kit';
import type { Story, StoryMeta } from '../../previews/story-types';
import { VerifyFailedDialog, type VerifyFailedDialogProps } from './VerifyFailedDialog';

type VerifyStory = Story<VerifyFailedDialogProps>;

const meta: StoryMeta<VerifyFailedDialogProps> = {
  title: 'Pages/VerifyFailedDialog',
  component: VerifyFailedDialog,
  args: {
    payment: overLimitPayment,
    cards: storyResources.cards,
    amountEditable: false,
    onCorrect: action('onCorrect'),
    onClose: action('onClose'),
  },
};
export default meta;

export const __namedExportsOrder = ['SingleLimit', 'AmountEditable', 'WithoutLink', 'AccountFrozen'];

// Failed checks come from the server in the person's language (S221), so they follow the locale switch.
const withChecks =
  (checks: (locale: Locale) => FailedCheck[]): VerifyStory['render'] =>
  (args, { locale, theme }) => (
    <StoryCashier locale={locale} theme={theme}>
      <VerifyFailedDialog {...args} failedChecks={checks(locale)} />
    </StoryCashier>
  );

/** The seed's example: over the first card's limit; a correction link and the other card in place. */
export const SingleLimit: VerifyStory = { name: 'Single limit exceeded', render: withChecks((l) => [singleLimitCheck(l)]) };

/** The host allows changing the amount (CashierOptions.amountEditable). */
export const AmountEditable: VerifyStory = {
  name: 'Amount editable',
  args: { amountEditable: true },
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
