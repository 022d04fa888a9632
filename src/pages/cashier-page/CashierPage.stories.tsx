// Stories are dev-only (Storybook), never exposed.
import type { Meta, StoryObj } from '@storybook/react-webpack5';
import type { Locale } from '../../core/types';
import type { PaymentState } from '../../store/payment-state';
import { HeldCashierPage, storyOptions } from '../../stories-support/cashier-stage';
import { flowState, overLimitPayment, STORY_AT, singleLimitCheck, singleLimitResult, storyPayment, storyResult } from '../../stories-support/page-fixtures';
import { storyLocale, storyTheme } from '../../stories-support/story-globals';
import CashierPage from './CashierPage';

const meta = {
  title: 'Pages/CashierPage',
  component: CashierPage,
  args: { ...storyOptions('zh-CN'), amountEditable: false },
  // Shown in the Actions panel (argTypes, not fn(): the page's jest test imports these stories without Storybook).
  argTypes: { onReminder: { action: 'onReminder' }, onEvent: { action: 'onEvent' } },
} satisfies Meta<typeof CashierPage>;
export default meta;

type PageStory = StoryObj<typeof meta>;

/** The page over a store preloaded with the flow in one phase (see heldFlowStore). */
const inPhase =
  (state: (locale: Locale) => PaymentState): PageStory['render'] =>
  (args, context) => <HeldCashierPage {...args} theme={storyTheme(context)} state={state(storyLocale(context))} />;

/** The real page: it loads its resources from the payment server (MSW, answering like the mock server). */
export const Ready: PageStory = { render: (args, context) => <CashierPage {...args} theme={storyTheme(context)} /> };

export const Loading: PageStory = { render: inPhase((locale) => flowState('idle', locale, { payment: null, resources: null })) };

export const NetworkError: PageStory = {
  name: 'Server unreachable',
  render: inPhase((locale) => flowState('idle', locale, { error: { code: 'NETWORK', message: 'Network Error' } })),
};

export const Preverifying: PageStory = { render: inPhase((locale) => flowState('preverifying', locale)) };

export const VerificationFailed: PageStory = {
  name: 'Verification failed',
  args: { amountEditable: true },
  render: inPhase((locale) =>
    flowState('verificationFailed', locale, { payment: overLimitPayment, failedChecks: [singleLimitCheck(locale)], checkResults: [singleLimitResult] }),
  ),
};

const preorder = () => ({
  preorderId: 'preorder-preview-0001',
  orderId: storyPayment.orderId,
  amount: storyPayment.amount,
  payeeName: 'Merchant 001',
  expiresAt: new Date(Date.now() + 15 * 60_000).toISOString(),
});

export const EnterPassword: PageStory = {
  name: 'Enter password',
  render: inPhase((locale) => flowState('awaitingAuthentication', locale, { preorder: preorder() })),
};

export const Paying: PageStory = {
  render: inPhase((locale) => flowState('paying', locale, { preorder: preorder(), attempt: { key: 'preview-key-1', handle: 'preview' } })),
};

export const Succeeded: PageStory = {
  render: inPhase((locale) => flowState('succeeded', locale, { result: storyResult('succeeded') })),
};

export const Failed: PageStory = {
  name: 'Failed: wrong password',
  render: inPhase((locale) => flowState('failed', locale, { result: storyResult('wrongPassword') })),
};

export const InsufficientFunds: PageStory = {
  name: 'Failed: insufficient funds',
  render: inPhase((locale) => flowState('failed', locale, { result: storyResult('insufficientFunds') })),
};

export const Locked: PageStory = {
  name: 'Failed: password locked',
  render: inPhase((locale) => flowState('failed', locale, { result: storyResult('locked') })),
};

export const Unknown: PageStory = {
  name: 'Result unknown',
  render: inPhase((locale) =>
    flowState('unknown', locale, { attempt: { key: 'preview-key-1', handle: 'preview' }, error: { code: 'NETWORK', message: `No answer since ${STORY_AT}` } }),
  ),
};
