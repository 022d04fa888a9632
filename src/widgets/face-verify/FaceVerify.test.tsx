import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import axe from 'axe-core';
import { installFetch } from '../fingerprint-verify/test-webauthn';
import { EnrollFace } from './EnrollFace';
import { FaceVerify, type FaceVerifyProps } from './FaceVerify';
import { CAPTURED, centredFace, type FakeCamera, installCamera, scriptedDetector } from './test-camera';

let camera: FakeCamera;
beforeEach(() => {
  camera = installCamera();
});

const CHALLENGE = { challengeId: 'face_abc', expiresAt: '2030-01-01T00:00:00.000Z' };
const AMOUNT = { amount: 500, currency: 'CNY' };
const ok = [centredFace(0.45)];

function setup(props: Partial<FaceVerifyProps> = {}) {
  const onAuthenticated = jest.fn();
  const onUsePassword = jest.fn();
  const view = render(
    <FaceVerify
      locale="en-US"
      accountId="acct-alice"
      orderId="order-1"
      amount={AMOUNT}
      onAuthenticated={onAuthenticated}
      onUsePassword={onUsePassword}
      loadDetector={scriptedDetector([ok]).load}
      {...props}
    />,
  );
  return { ...view, onAuthenticated, onUsePassword, user: userEvent.setup() };
}

const allTracksStopped = () => camera.tracks.length > 0 && camera.tracks.every((t) => t.stop.mock.calls.length > 0);

describe('FaceVerify', () => {
  beforeEach(() => {
    installFetch({ '/face/challenge': [{ body: CHALLENGE }] });
  });

  it('is a named, accessible dialog with the camera picture', async () => {
    const { container } = setup({ loadDetector: () => new Promise(() => undefined) });
    expect(screen.getByRole('dialog', { name: 'Verify with face' })).toBeInTheDocument();
    expect(await screen.findByText('Getting face detection ready…')).toBeInTheDocument();
    expect(container.querySelector('video')).toHaveAttribute('aria-label', 'Camera preview');
    expect((await axe.run(container)).violations).toEqual([]);
  });

  it('speaks Chinese by default', async () => {
    const never = () => new Promise<never>(() => undefined);
    render(<FaceVerify accountId="a" orderId="o" amount={AMOUNT} onAuthenticated={jest.fn()} onUsePassword={jest.fn()} loadDetector={never} />);
    expect(screen.getByRole('dialog', { name: '人脸验证' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: '使用密码' })).toBeInTheDocument();
    expect(await screen.findByText('正在准备人脸检测…')).toBeInTheDocument();
  });

  it('guides the person, then captures one frame with the camera already off', async () => {
    const script = [[], [centredFace(0.4), { ...centredFace(0.4), x: 330 }], [centredFace(0.2)], ok, ok];
    const detector = scriptedDetector(script);
    const seen: string[] = [];
    // What the person was told before each look of the detector.
    detector.detect.mockImplementation(async () => {
      seen.push(screen.getByRole('status').textContent ?? '');
      return script[detector.detect.mock.calls.length - 1] ?? ok;
    });
    const onAuthenticated = jest.fn(() => expect(allTracksStopped()).toBe(true));
    setup({ loadDetector: detector.load, onAuthenticated });
    await waitFor(() => expect(onAuthenticated).toHaveBeenCalledTimes(1), { timeout: 3000 });
    expect(seen).toEqual(expect.arrayContaining(['No face found. Look at the camera.', 'Only one face, please.', 'Move closer.']));
    expect(onAuthenticated).toHaveBeenCalledWith({ method: 'face', challengeId: 'face_abc', image: CAPTURED });
    // The guide square of a 640 x 480 frame, scaled to 320 px.
    expect(camera.drawImage).toHaveBeenCalledWith(expect.any(HTMLVideoElement), 128, 48, 384, 384, 0, 0, 320, 320);
    expect(camera.getUserMedia).toHaveBeenCalledWith(expect.objectContaining({ audio: false, video: expect.objectContaining({ facingMode: 'user' }) }));
    expect(screen.getByRole('status')).toHaveTextContent('Face captured. Paying…');
  });

  it.each([
    ['NotAllowedError', 'Camera access was refused', true],
    ['NotFoundError', 'No camera was found', false],
    ['NotReadableError', 'in use by another app', true],
  ])('%s: says what happened and offers the password', async (name, text, retry) => {
    camera.getUserMedia.mockRejectedValueOnce(new DOMException('test', name));
    const { user, onUsePassword } = setup();
    expect(await screen.findByRole('alert')).toHaveTextContent(text);
    expect(Boolean(screen.queryByRole('button', { name: 'Try again' }))).toBe(retry);
    await user.click(screen.getByRole('button', { name: 'Use password' }));
    expect(onUsePassword).toHaveBeenCalledTimes(1);
  });

  it('gives up on a camera that never answers, and stops it if it answers late', async () => {
    let answer: (stream: MediaStream) => void = () => undefined;
    camera.getUserMedia.mockImplementationOnce(() => new Promise((resolve) => (answer = resolve)));
    const { user } = setup({ cameraTimeoutMs: 30 });
    expect(await screen.findByRole('alert')).toHaveTextContent('The camera did not answer.');
    answer(camera.stream());
    await waitFor(() => expect(allTracksStopped()).toBe(true));
    await user.click(screen.getByRole('button', { name: 'Try again' }));
    await waitFor(() => expect(camera.getUserMedia).toHaveBeenCalledTimes(2));
  });

  it('stops every camera track when it closes while detecting', async () => {
    const view = setup({ loadDetector: scriptedDetector([[]]).load });
    await screen.findByText('No face found. Look at the camera.');
    expect(allTracksStopped()).toBe(false);
    view.unmount();
    expect(allTracksStopped()).toBe(true);
  });

  it('never opens the camera for an account without face payment', async () => {
    installFetch({ '/face/challenge': [{ status: 409, body: { code: 'METHOD_NOT_ENROLLED', message: 'no' } }] });
    setup();
    expect(await screen.findByRole('alert')).toHaveTextContent('Face payment is not turned on');
    expect(camera.getUserMedia).not.toHaveBeenCalled();
    expect(screen.queryByRole('button', { name: 'Try again' })).toBeNull();
  });

  it('turns the camera off when the detector cannot load', async () => {
    setup({ loadDetector: () => Promise.reject(new Error('404')) });
    expect(await screen.findByRole('alert')).toHaveTextContent('Face detection could not be loaded');
    expect(allTracksStopped()).toBe(true);
  });
});

describe('EnrollFace', () => {
  it('captures the face and enrols it with the enrollment token', async () => {
    const fetchMock = installFetch({ '/face/enroll': [{ body: { enrolled: true } }] });
    const onEnrolled = jest.fn();
    const onClose = jest.fn();
    render(<EnrollFace locale="en-US" accountId="acct-alice" enrollmentToken="tok" onEnrolled={onEnrolled} onClose={onClose} loadDetector={scriptedDetector([ok]).load} />);
    expect(screen.getByRole('dialog', { name: 'Enable face payment' })).toBeInTheDocument();
    expect(await screen.findByText('Face payment is on.', {}, { timeout: 3000 })).toBeInTheDocument();
    const [url, init] = fetchMock.mock.calls[0] as [string, RequestInit];
    expect(url).toBe('/api/cashier/face/enroll');
    expect(JSON.parse(init.body as string)).toEqual({ accountId: 'acct-alice', enrollmentToken: 'tok', image: CAPTURED });
    expect(allTracksStopped()).toBe(true);
    expect(onEnrolled).toHaveBeenCalledTimes(1);
    await userEvent.setup().click(screen.getByRole('button', { name: 'Done' }));
    expect(onClose).toHaveBeenCalledTimes(1);
  });

  it('asks for another try when the server cannot use the picture', async () => {
    installFetch({ '/face/enroll': [{ status: 422, body: { code: 'FACE_IMAGE_UNUSABLE', message: 'no' } }] });
    render(<EnrollFace locale="en-US" accountId="a" enrollmentToken="tok" onClose={jest.fn()} loadDetector={scriptedDetector([ok]).load} />);
    expect(await screen.findByRole('alert', {}, { timeout: 3000 })).toHaveTextContent('The picture could not be used.');
    expect(screen.getByRole('button', { name: 'Try again' })).toBeInTheDocument();
  });
});
