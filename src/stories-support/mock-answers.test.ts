import { CHECK_TEXTS } from '../../mocks/check-messages';
import { ACCOUNT_FIXTURES } from '../../mocks/fixtures';
import { cashierResources as serverCashierResources, checkResources as serverCheckResources } from '../../mocks/page-resources';
import { DEFAULT_CHALLENGE_RATE_LIMIT, DEFAULT_LINK_ORIGINS } from '../../mocks/app';
import { MockStore } from '../../mocks/state';
import { cashierResources, checkResources, LINK_ORIGINS } from './mock-answers';

// Storybook's MSW answers must be the mock server's answers: compared with its own functions over its own store.
const store = () =>
  new MockStore({
    rpId: 'localhost',
    origins: [],
    heartbeatMs: 15_000,
    now: Date.now,
    linkOrigins: DEFAULT_LINK_ORIGINS,
    challengeRateLimit: DEFAULT_CHALLENGE_RATE_LIMIT,
  });

it('the stories allow the links the mock server allows', () => {
  expect(LINK_ORIGINS).toEqual(DEFAULT_LINK_ORIGINS);
});

describe('stories answer like the mock payment server', () => {
  it.each(ACCOUNT_FIXTURES.map((account) => account.accountId))('page resources of %s', (accountId) => {
    expect(cashierResources(accountId)).toEqual(serverCashierResources(store(), accountId, 'merchant-001'));
  });

  it('page resources of an account the server does not know: no cards', () => {
    expect(cashierResources('acct-nobody')).toEqual(serverCashierResources(store(), 'acct-nobody', 'merchant-001'));
    expect(cashierResources('acct-nobody').cards).toEqual([]);
  });

  it.each(['zh-CN', 'en-US'] as const)('check texts and correction links in %s, known and unknown keys', (locale) => {
    const keys = [...Object.keys(CHECK_TEXTS), 'no.such#check'];
    expect(checkResources(keys, locale)).toEqual(serverCheckResources(store(), keys, locale));
  });
});
