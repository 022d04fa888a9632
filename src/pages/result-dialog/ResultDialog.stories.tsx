// Stories depend on the previews kit as Storybook stories depend on @storybook/react: dev-only, never exposed.
import { StoryCashier } from '../../previews/CashierStage';
import { storyPayment, storyResult } from '../../previews/page-fixtures';
import { action } from '../../previews/story-kit';
import type { Story, StoryMeta } from '../../previews/story-types';
import { ResultDialog, type ResultDialogProps } from './ResultDialog';

type ResultStory = Story<ResultDialogProps>;

const meta: StoryMeta<ResultDialogProps> = {
  title: 'Pages/ResultDialog',
  component: ResultDialog,
  args: {
    kind: 'succeeded',
    payment: storyPayment,
    payeeName: 'Merchant 001',
    result: null,
    canUseAnotherMethod: true,
    onClose: action('onClose'),
    onTryAgain: action('onTryAgain'),
    onUseAnotherMethod: action('onUseAnotherMethod'),
    onCheckAgain: action('onCheckAgain'),
  },
};
export default meta;

export const __namedExportsOrder = ['Succeeded', 'Failed', 'InsufficientFunds', 'Locked', 'Unknown'];

// The dialog reads the locale from the cashier's providers, as inside the page.
const inCashier: ResultStory['render'] = (args, { locale, theme }) => (
  <StoryCashier locale={locale} theme={theme}>
    <ResultDialog {...args} />
  </StoryCashier>
);

export const Succeeded: ResultStory = { args: { result: storyResult('succeeded') }, render: inCashier };

export const Failed: ResultStory = {
  name: 'Failed: wrong password',
  args: { kind: 'failed', result: storyResult('wrongPassword') },
  render: inCashier,
};

export const InsufficientFunds: ResultStory = {
  name: 'Failed: insufficient funds',
  args: { kind: 'failed', result: storyResult('insufficientFunds') },
  render: inCashier,
};

export const Locked: ResultStory = {
  name: 'Failed: password locked',
  args: { kind: 'failed', result: storyResult('locked') },
  render: inCashier,
};

export const Unknown: ResultStory = { name: 'Result unknown', args: { kind: 'unknown' }, render: inCashier };
