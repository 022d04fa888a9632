import type { CashierResources, CheckResourcesResponse } from '../src/core/service-interfaces';
import { ALICE_CARD_A, ALICE_CARD_B, startTestServer, type TestServer, setupTestServer } from './test-helpers';

let server: TestServer;
setupTestServer((started) => {
  server = started;
});

async function checks(keys: string[], locale: string): Promise<CheckResourcesResponse['checks']> {
  const res = await server.post('/page-resources/checks', { keys, locale, accountId: 'acct-alice' });
  expect(res.status).toBe(200);
  return ((await res.json()) as CheckResourcesResponse).checks;
}

describe('POST /page-resources/checks (S221)', () => {
  const keys = ['amount.amount', 'accountId', 'payerAccount#owned', 'amount.currency', 'payeeAccount#blocked'];

  it('gives an English message and a correction link per failed key', async () => {
    const en = await checks(keys, 'en-US');
    expect(en.map((check) => check.key)).toEqual(keys);
    expect(en[0]?.message).toMatch(/single-payment limit/);
    expect(en[0]?.correctionUrl).toMatch(/^https:\/\/bank\.example\/.*limit/);
    expect(en[1]?.correctionUrl).toMatch(/account-status/);
    expect(en[2]?.correctionUrl).toMatch(/cards\/add/);
  });

  it('gives Chinese text for zh-CN', async () => {
    const zh = await checks(keys, 'zh-CN');
    expect(zh[0]?.message).toMatch(/单笔限额/);
    for (const check of zh) expect(check.message).toMatch(/[\u4e00-\u9fff]/);
  });

  it('never puts a card number or other digits runs in a correction URL', async () => {
    for (const check of await checks(keys, 'en-US')) expect(check.correctionUrl ?? '').not.toMatch(/\d{6,}/);
  });

  it('answers an unknown key with a generic message and no link', async () => {
    const [check] = await checks(['something.else'], 'en-US');
    expect(check).toEqual({ key: 'something.else', message: expect.any(String) });
  });

  it('takes admin overrides (hostile text included) but answers only links on its allowlist', async () => {
    const hostile = { message: '<img src=x onerror=alert(1)>', correctionUrl: 'javascript:alert(1)' };
    const overrides = {
      'amount.amount': hostile,
      accountId: { message: 'Frozen', correctionUrl: 'https://bank.example/unfreeze?x=1' },
      'payerAccount#owned': { message: 'Other host', correctionUrl: 'https://evil.example/steal' },
      'amount.currency': { message: 'Plain http', correctionUrl: 'http://bank.example/currencies' },
      'payeeAccount#blocked': { message: 'Relative', correctionUrl: '/help/payee' },
    };
    const set = await server.post('/__admin/scenario', { name: 'normal', pageResources: { checks: overrides } });
    // Stored as given, so security tests can inject anything...
    expect((await set.json()).pageResources.checks['payerAccount#owned'].correctionUrl).toBe('https://evil.example/steal');
    // ...and filtered where it is answered.
    expect(await checks(keys, 'en-US')).toEqual([
      { key: 'amount.amount', message: hostile.message },
      { key: 'accountId', message: 'Frozen', correctionUrl: 'https://bank.example/unfreeze?x=1' },
      { key: 'payerAccount#owned', message: 'Other host' },
      { key: 'amount.currency', message: 'Plain http' },
      { key: 'payeeAccount#blocked', message: 'Relative' },
    ]);
  });

  it('names its link origins in the answer, and honours allowedLinkOrigins', async () => {
    const res = await server.post('/page-resources/checks', { keys: ['amount.amount'], locale: 'en-US', accountId: 'acct-alice' });
    expect(((await res.json()) as CheckResourcesResponse).linkOrigins).toEqual(['https://bank.example', 'https://merchant.example']);
    const strict = await startTestServer({ allowedLinkOrigins: ['https://merchant.example'] });
    try {
      const answer = (await (
        await strict.post('/page-resources/checks', { keys: ['amount.amount', 'payeeAccount#blocked'], locale: 'en-US', accountId: 'acct-alice' })
      ).json()) as CheckResourcesResponse;
      expect(answer.linkOrigins).toEqual(['https://merchant.example']);
      expect(answer.checks[0]?.correctionUrl).toBeUndefined();
      expect(answer.checks[1]?.correctionUrl).toMatch(/^https:\/\/merchant\.example\//);
    } finally {
      await strict.close();
    }
    await expect(startTestServer({ allowedLinkOrigins: ['http://bank.example'] })).rejects.toThrow(/not an https origin/);
  });

  it('rejects a bad request with 400', async () => {
    for (const body of [{ keys: 'amount', locale: 'en-US', accountId: 'a' }, { keys: [], locale: 'fr-FR', accountId: 'a' }, {}]) {
      const res = await server.post('/page-resources/checks', body);
      expect(res.status).toBe(400);
      expect(await res.json()).toMatchObject({ code: 'INVALID_REQUEST', field: expect.any(String) });
    }
  });
});

describe('GET /page-resources/cashier', () => {
  it("lists alice's cards masked with bank names, the payee and the default password component", async () => {
    const res = await server.get('/page-resources/cashier?accountId=acct-alice');
    const resources = (await res.json()) as CashierResources;
    expect(resources).toEqual({
      passwordComponent: 'six-digit',
      shuffleKeys: false,
      cards: [
        { cardNumber: ALICE_CARD_A, masked: expect.stringMatching(/0018$/), bankName: 'Bank A' },
        { cardNumber: ALICE_CARD_B, masked: expect.stringMatching(/0044$/), bankName: 'Bank B' },
      ],
      payeeName: 'Merchant 001',
      enrolled: { fingerprint: false, face: false, credentialIds: [] },
    });
    expect(resources.cards[0]?.masked).not.toContain('622202');
  });

  it('follows the admin override of the password component and key shuffling', async () => {
    await server.post('/__admin/scenario', { name: 'normal', pageResources: { passwordComponent: 'mixed', shuffleKeys: true } });
    const resources = (await (await server.get('/page-resources/cashier?accountId=acct-bob')).json()) as CashierResources;
    expect(resources).toMatchObject({ passwordComponent: 'mixed', shuffleKeys: true, cards: [{ bankName: 'Bank B' }] });
  });

  it('answers no cards for an unknown account and 400 without an accountId', async () => {
    const unknown = (await (await server.get('/page-resources/cashier?accountId=acct-x')).json()) as CashierResources;
    expect(unknown.cards).toEqual([]);
    expect((await server.get('/page-resources/cashier')).status).toBe(400);
  });
});
