import { faceVideoFrame, fromI420, guideCropDataUrl, toI420 } from '../e2e/fixtures/face-frames';
import type { CashierResources } from '../src/core/service-interfaces';
import { parseCashierResources } from '../src/core/wire-validation';
import { enrollmentTokenFor, PAGE_ORIGIN, startBiometricServer } from './biometric-test-helpers';
import { SoftAuthenticator } from './soft-authenticator';
import type { TestServer } from './test-helpers';

let server: TestServer;
beforeAll(async () => {
  server = await startBiometricServer();
});
afterAll(() => server.close());
beforeEach(async () => {
  await server.post('/__admin/reset', {});
});

async function resources(accountId = 'acct-alice'): Promise<CashierResources> {
  const res = await server.get(`/page-resources/cashier?accountId=${accountId}`);
  expect(res.status).toBe(200);
  // The browser's own schema accepts the answer as it is.
  return parseCashierResources(await res.json());
}

async function enrollFingerprint(authenticator: SoftAuthenticator): Promise<void> {
  const enrollmentToken = await enrollmentTokenFor(server);
  const options = await (await server.post('/webauthn/registration/options', { accountId: 'acct-alice', enrollmentToken })).json();
  const response = authenticator.create(options, { origin: PAGE_ORIGIN });
  const verify = await server.post('/webauthn/registration/verify', { accountId: 'acct-alice', enrollmentToken, response });
  expect(verify.status).toBe(200);
}

describe('GET /page-resources/cashier: enrolment facts', () => {
  it('starts with nothing enrolled for every fixture account', async () => {
    for (const account of ['acct-alice', 'acct-bob', 'acct-carol', 'acct-unknown']) {
      expect((await resources(account)).enrolled).toEqual({ fingerprint: false, face: false, credentialIds: [] });
    }
  });

  it('a WebAuthn registration turns the fingerprint on and lists the credential id; reset forgets it', async () => {
    const authenticator = new SoftAuthenticator();
    await enrollFingerprint(authenticator);
    const enrolled = (await resources()).enrolled;
    expect(enrolled?.fingerprint).toBe(true);
    expect(enrolled?.face).toBe(false);
    expect(enrolled?.credentialIds).toHaveLength(1);
    expect(enrolled?.credentialIds[0]).toMatch(/^[A-Za-z0-9_-]+$/);
    // Only the enrolled account: bob still has nothing.
    expect((await resources('acct-bob')).enrolled?.fingerprint).toBe(false);
    await server.post('/__admin/reset', {});
    expect((await resources()).enrolled?.fingerprint).toBe(false);
  });

  it('a face enrolment turns the face on (account-wide, no device part)', async () => {
    const frame = faceVideoFrame('face-a', 0);
    const image = guideCropDataUrl(fromI420(toI420(frame), frame.width, frame.height));
    const enrolled = await server.post('/face/enroll', { accountId: 'acct-alice', enrollmentToken: await enrollmentTokenFor(server), image });
    expect(enrolled.status).toBe(200);
    expect((await resources()).enrolled).toEqual({ fingerprint: false, face: true, credentialIds: [] });
  }, 60_000); // the fixture frame is decoded and cropped in JS
});

describe('the scenario can say what is enrolled (harnesses that only need the step offered)', () => {
  it('pageResources.enrolled replaces the records where it says something, until reset', async () => {
    const set = await server.post('/__admin/scenario', { name: 'normal', pageResources: { enrolled: { credentialIds: ['bench-credential'], face: true } } });
    expect(set.status).toBe(200);
    expect((await resources()).enrolled).toEqual({ fingerprint: true, face: true, credentialIds: ['bench-credential'] });
    await server.post('/__admin/scenario', { name: 'normal', pageResources: { enrolled: { face: true } } });
    expect((await resources()).enrolled).toEqual({ fingerprint: false, face: true, credentialIds: [] });
    await server.post('/__admin/reset', {});
    expect((await resources()).enrolled).toEqual({ fingerprint: false, face: false, credentialIds: [] });
  });

  it('refuses an enrolment that is not one: ids that are not base64url, a face that is not a boolean', async () => {
    for (const enrolled of [{ credentialIds: ['not an id!'] }, { credentialIds: 'abc' }, { face: 'yes' }, 'all']) {
      const res = await server.post('/__admin/scenario', { name: 'normal', pageResources: { enrolled } });
      expect(res.status).toBe(400);
    }
  });
});
