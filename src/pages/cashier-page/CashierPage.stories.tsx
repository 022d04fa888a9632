// Stories depend on the previews kit as Storybook stories depend on @storybook/react: dev-only, never exposed.
import type { CashierOptions, Locale } from '../../core/types';
import type { PaymentState } from '../../store/payment-state';
import { HeldCashierPage, storyOptions } from '../../previews/CashierStage';
import { flowState, overLimitPayment, STORY_AT, singleLimitCheck, storyPayment, storyResult } from '../../previews/page-fixtures';
import type { Story, StoryContext, StoryMeta } from '../../previews/story-types';
import CashierPage from './CashierPage';

type PageProps = CashierOptions;
type PageStory = Story<PageProps>;

const meta: StoryMeta<PageProps> = {
  title: 'Pages/CashierPage',
  component: CashierPage,
  args: { ...storyOptions('zh-CN'), amountEditable: false },
};
export default meta;

export const __namedExportsOrder = [
  'Ready',
  'Loading',
  'NetworkError',
  'Preverifying',
  'VerificationFailed',
  'EnterPassword',
  'Paying',
  'Succeeded',
  'Failed',
  'InsufficientFunds',
  'Locked',
  'Unknown',
];

/** The page over a store preloaded with the flow in one phase (see heldFlowStore). */
const inPhase =
  (state: (locale: Locale) => PaymentState): PageStory['render'] =>
  (args: PageProps, { locale, theme }: StoryContext) => <HeldCashierPage {...args} theme={theme} state={state(locale)} />;

/** The real page: it loads its resources from the dev server's mock (offline, it still renders without them). */
export const Ready: PageStory = { render: (args, { theme }) => <CashierPage {...args} theme={theme} /> };

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
    flowState('verificationFailed', locale, { payment: overLimitPayment, failedChecks: [singleLimitCheck(locale)] }),
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
