// Stories are dev-only (Storybook), never exposed.
import type { Meta, StoryObj } from '@storybook/react-webpack5';
import { fn } from 'storybook/test';
import { StoryCashier } from '../../stories-support/cashier-stage';
import { storyPayment, storyResult } from '../../stories-support/page-fixtures';
import { storyLocale, storyTheme } from '../../stories-support/story-globals';
import { EnrollOffer } from '../biometric-step/EnrollOffer';
import { ResultDialog } from './ResultDialog';

const meta = {
  title: 'Pages/ResultDialog',
  component: ResultDialog,
  args: {
    kind: 'succeeded',
    payment: storyPayment,
    payeeName: 'Merchant 001',
    result: null,
    canUseAnotherMethod: true,
    onClose: fn(),
    onTryAgain: fn(),
    onUseAnotherMethod: fn(),
    onCheckAgain: fn(),
  },
} satisfies Meta<typeof ResultDialog>;
export default meta;

type ResultStory = StoryObj<typeof meta>;

// The dialog reads the locale from the cashier's providers, as inside the page.
const inCashier: ResultStory['render'] = (args, context) => (
  <StoryCashier locale={storyLocale(context)} theme={storyTheme(context)}>
    <ResultDialog {...args} />
  </StoryCashier>
);

export const Succeeded: ResultStory = { args: { result: storyResult('succeeded'), bankName: 'Bank A' }, render: inCashier };

/** After a password payment: the offer to enable fingerprint and face, a card under "Done". */
export const SucceededWithOffer: ResultStory = {
  name: 'Succeeded: enrolment offer',
  args: {
    result: storyResult('succeeded'),
    bankName: 'Bank A',
    enrollOffer: <EnrollOffer accountId={storyPayment.accountId} enrollmentToken="story-enrollment-token" methods={['fingerprint', 'face']} />,
  },
  render: inCashier,
};

/** A payment id longer than the row at 375 px: the middle is truncated, the whole id copies. */
export const LongPaymentId: ResultStory = {
  name: 'Succeeded: long payment id',
  args: { result: { ...storyResult('succeeded'), paymentId: 'pay_7Qm2xWc9Lk4RtZ8vNp3sHdQe5Jf' }, bankName: 'Bank A' },
  render: inCashier,
};

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
