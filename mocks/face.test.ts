import { type FaceVideoName, faceVideoFrame, fromI420, guideCropDataUrl, toI420 } from '../e2e/fixtures/face-frames';
import type { BiometricChallenge } from '../src/core/service-interfaces';
import { MAX_BIOMETRIC_FAILURES } from './biometric-enrollment';
import { challengeRequestOf, enrollmentTokenFor, payWith, startBiometricServer } from './biometric-test-helpers';
import { faceHash, hammingDistance, MATCH_THRESHOLD } from './face';
import { alicePayment, type TestServer } from './test-helpers';

/** What the widget would send for frame `index` of a fake-camera video: through I420, guide crop, 320 px JPEG. */
const crops = new Map<string, string>();
const captured = (video: FaceVideoName, index: number) => {
  const key = `${video}#${index}`;
  let crop = crops.get(key);
  if (!crop) {
    const frame = faceVideoFrame(video, index);
    crop = guideCropDataUrl(fromI420(toI420(frame), frame.width, frame.height));
    crops.set(key, crop);
  }
  return crop;
};
const uniform = () => guideCropDataUrl({ width: 640, height: 480, data: new Uint8Array(640 * 480 * 4).fill(128) });

describe('faceHash (the mock face matcher)', () => {
  const a0 = faceHash(captured('face-a', 0));

  it('matches two frames of the same face video', () => {
    for (const index of [3, 7]) expect(hammingDistance(a0, faceHash(captured('face-a', index)))).toBeLessThanOrEqual(MATCH_THRESHOLD);
  });

  it('does not match another face, two faces or a face far away', () => {
    for (const video of ['face-b', 'two-faces', 'face-a-far'] as const) {
      expect(hammingDistance(a0, faceHash(captured(video, 7)))).toBeGreaterThan(MATCH_THRESHOLD);
    }
  });

  it('refuses pictures that are not a usable JPEG face crop', () => {
    expect(() => faceHash('data:image/png;base64,AAAA')).toThrow(/JPEG data URL/);
    expect(() => faceHash('data:image/jpeg;base64,AAAA')).toThrow(/not a readable JPEG/);
    expect(() => faceHash(uniform())).toThrow(/no face/);
  });
});

describe('face enrolment and payment', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startBiometricServer();
  });
  afterAll(() => server.close());
  beforeEach(async () => {
    await server.post('/__admin/reset', {});
  });

  async function enrollFace(image: string, enrollmentToken?: string) {
    return server.post('/face/enroll', { accountId: 'acct-alice', enrollmentToken: enrollmentToken ?? (await enrollmentTokenFor(server)), image });
  }

  async function payByFace(image: string, payment = alicePayment()) {
    const res = await server.post('/face/challenge', challengeRequestOf(payment));
    expect(res.status).toBe(200);
    const { challengeId } = (await res.json()) as BiometricChallenge;
    return payWith(server, payment, { method: 'face', challengeId, image });
  }

  it('pays when the captured face matches the enrolled one, and refuses another face', async () => {
    const enrolled = await enrollFace(captured('face-a', 0));
    expect(enrolled.status).toBe(200);
    expect(await enrolled.json()).toEqual({ enrolled: true });
    expect(await payByFace(captured('face-a', 7))).toEqual(expect.objectContaining({ status: 'succeeded', method: 'face' }));
    expect(await payByFace(captured('face-b', 7))).toEqual(expect.objectContaining({ status: 'failed', code: 'FACE_NOT_RECOGNISED' }));
  });

  it('needs an enrollment token, and a picture with something in it', async () => {
    const noToken = await enrollFace(captured('face-a', 0), 'made-up');
    expect(noToken.status).toBe(403);
    const token = await enrollmentTokenFor(server);
    const blank = await enrollFace(uniform(), token);
    expect(blank.status).toBe(422);
    expect((await blank.json()).code).toBe('FACE_IMAGE_UNUSABLE');
    const notJpeg = await enrollFace('hello', token);
    expect(notJpeg.status).toBe(422);
  });

  it('has no challenge for an account without a face, and uses each challenge once', async () => {
    const none = await server.post('/face/challenge', challengeRequestOf(alicePayment()));
    expect(none.status).toBe(409);
    expect((await none.json()).code).toBe('METHOD_NOT_ENROLLED');
    await enrollFace(captured('face-a', 0));
    const payment = alicePayment();
    const { challengeId } = (await (await server.post('/face/challenge', challengeRequestOf(payment))).json()) as BiometricChallenge;
    expect((await payWith(server, payment, { method: 'face', challengeId, image: captured('face-a', 3) })).status).toBe('succeeded');
    const other = alicePayment();
    expect((await payWith(server, other, { method: 'face', challengeId, image: captured('face-a', 3) })).code).toBe('CHALLENGE_USED');
  });

  it('locks face payment after repeated mismatches', async () => {
    await enrollFace(captured('face-a', 0));
    for (let i = 0; i < MAX_BIOMETRIC_FAILURES; i++) await payByFace(captured('face-b', 7));
    const res = await server.post('/face/challenge', challengeRequestOf(alicePayment()));
    expect(res.status).toBe(423);
    expect((await res.json()).code).toBe('BIOMETRIC_LOCKED');
  });
});
