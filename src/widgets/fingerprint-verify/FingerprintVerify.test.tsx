import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import axe from 'axe-core';
import { StrictMode } from 'react';
import { EnrollFingerprint } from './EnrollFingerprint';
import { FingerprintVerify, type FingerprintVerifyProps } from './FingerprintVerify';
import { AUTH_OPTIONS, domError, type FakeWebAuthn, installFetch, installWebAuthn, REGISTRATION_OPTIONS } from './test-webauthn';

let webauthn: FakeWebAuthn;
beforeEach(() => {
  webauthn = installWebAuthn();
});

const AMOUNT = { amount: 12_300, currency: 'CNY' };

function setup(props: Partial<FingerprintVerifyProps> = {}) {
  const onAuthenticated = jest.fn();
  const onUsePassword = jest.fn();
  const onCancel = jest.fn();
  const all: FingerprintVerifyProps = {
    locale: 'en-US',
    apiBaseUrl: '/api/cashier',
    accountId: 'acct-alice',
    orderId: 'order-1',
    amount: AMOUNT,
    onAuthenticated,
    onUsePassword,
    onCancel,
    ...props,
  };
  const view = render(<FingerprintVerify {...all} />);
  return { ...view, onAuthenticated, onUsePassword, onCancel, user: userEvent.setup() };
}

/** The options the widget handed to navigator.credentials (get or create), call `i`. */
const optionsOf = <T,>(mock: jest.Mock, i = 0) => mock.mock.calls[i]![0] as T;

const verifyButton = () => screen.findByRole('button', { name: 'Verify fingerprint' });

describe('FingerprintVerify', () => {
  it('is a named, accessible dialog that asks the server for this order’s challenge', async () => {
    const fetchMock = installFetch({ '/webauthn/authentication/options': [{ body: AUTH_OPTIONS }] });
    const { container } = setup();
    const dialog = screen.getByRole('dialog', { name: 'Verify with fingerprint' });
    expect(dialog).toHaveAttribute('aria-modal', 'true');
    await waitFor(() => expect(screen.getByRole('status')).toHaveTextContent('Press “Verify fingerprint”'));
    const [url, init] = fetchMock.mock.calls[0] as [string, RequestInit];
    expect(url).toBe('/api/cashier/webauthn/authentication/options');
    expect(JSON.parse(init.body as string)).toEqual({ accountId: 'acct-alice', orderId: 'order-1', amount: AMOUNT });
    const results = await axe.run(container);
    expect(results.violations).toEqual([]);
  });

  it('speaks Chinese by default', async () => {
    installFetch({ '/webauthn/authentication/options': [{ body: AUTH_OPTIONS }] });
    render(<FingerprintVerify accountId="a" orderId="o" amount={AMOUNT} onAuthenticated={jest.fn()} onUsePassword={jest.fn()} />);
    expect(screen.getByRole('dialog', { name: '指纹验证' })).toBeInTheDocument();
    expect(await screen.findByRole('button', { name: '验证指纹' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: '使用密码' })).toBeInTheDocument();
  });

  it('asks for user verification and reports the assertion with its challenge id', async () => {
    installFetch({ '/webauthn/authentication/options': [{ body: AUTH_OPTIONS }] });
    const { user, onAuthenticated } = setup();
    await user.click(await verifyButton());
    await waitFor(() => expect(onAuthenticated).toHaveBeenCalledTimes(1));
    const { publicKey } = optionsOf<CredentialRequestOptions>(webauthn.get);
    expect(publicKey?.userVerification).toBe('required');
    expect(onAuthenticated.mock.calls[0]?.[0]).toEqual({
      method: 'fingerprint',
      challengeId: 'fingerprint_abc',
      assertion: expect.objectContaining({ id: 'Y3JlZA', response: expect.objectContaining({ signature: expect.any(String) }) }),
    });
    expect(screen.getByRole('status')).toHaveTextContent('Fingerprint verified. Paying…');
    expect(screen.queryByRole('button', { name: 'Use password' })).toBeNull();
  });

  it('after a cancel or an unrecognised finger offers Try again (with a fresh challenge) or the password', async () => {
    const fetchMock = installFetch({ '/webauthn/authentication/options': [{ body: AUTH_OPTIONS }] });
    webauthn.get.mockRejectedValueOnce(domError('NotAllowedError'));
    const { user, onAuthenticated, onUsePassword } = setup();
    await user.click(await verifyButton());
    expect(await screen.findByRole('alert')).toHaveTextContent('cancelled or the fingerprint was not recognised');
    const tryAgain = screen.getByRole('button', { name: 'Try again' });
    expect(tryAgain).toHaveFocus();
    await user.click(tryAgain);
    await waitFor(() => expect(onAuthenticated).toHaveBeenCalledTimes(1));
    expect(fetchMock).toHaveBeenCalledTimes(2);
    expect(webauthn.get).toHaveBeenCalledTimes(2);
    expect(onUsePassword).not.toHaveBeenCalled();
  });

  it('aborts a prompt that never answers after timeoutMs', async () => {
    installFetch({ '/webauthn/authentication/options': [{ body: AUTH_OPTIONS }] });
    webauthn.get.mockImplementation(() => new Promise(() => undefined));
    const { user, onUsePassword } = setup({ timeoutMs: 30 });
    await user.click(await verifyButton());
    expect(await screen.findByRole('alert')).toHaveTextContent('No fingerprint was read in time.');
    expect(optionsOf<CredentialRequestOptions>(webauthn.get).signal?.aborted).toBe(true);
    await user.click(screen.getByRole('button', { name: 'Use password' }));
    expect(onUsePassword).toHaveBeenCalledTimes(1);
  });

  it('without enrolment leaves only the password, with the focus on it', async () => {
    installFetch({ '/webauthn/authentication/options': [{ status: 409, body: { code: 'METHOD_NOT_ENROLLED', message: 'no' } }] });
    setup();
    expect(await screen.findByRole('alert')).toHaveTextContent('not turned on for this account');
    expect(screen.queryByRole('button', { name: /Try again|Verify fingerprint/ })).toBeNull();
    expect(screen.getByRole('button', { name: 'Use password' })).toHaveFocus();
  });

  it('says so when the device has no user-verifying platform authenticator', async () => {
    const fetchMock = installFetch({ '/webauthn/authentication/options': [{ body: AUTH_OPTIONS }] });
    webauthn.available.mockResolvedValue(false);
    setup();
    expect(await screen.findByRole('alert')).toHaveTextContent('This device cannot verify a fingerprint');
    expect(fetchMock).not.toHaveBeenCalled();
  });

  it('aborts the pending prompt when it unmounts, also under StrictMode', async () => {
    installFetch({ '/webauthn/authentication/options': [{ body: AUTH_OPTIONS }] });
    webauthn.get.mockImplementation(() => new Promise(() => undefined));
    const view = render(
      <StrictMode>
        <FingerprintVerify locale="en-US" accountId="a" orderId="o" amount={AMOUNT} onAuthenticated={jest.fn()} onUsePassword={jest.fn()} />
      </StrictMode>,
    );
    await userEvent.setup().click(await verifyButton());
    await waitFor(() => expect(webauthn.get).toHaveBeenCalledTimes(1));
    view.unmount();
    expect(optionsOf<CredentialRequestOptions>(webauthn.get).signal?.aborted).toBe(true);
  });

  it('closes with Escape or the close button', async () => {
    installFetch({ '/webauthn/authentication/options': [{ body: AUTH_OPTIONS }] });
    const { user, onCancel } = setup();
    await verifyButton();
    await user.keyboard('{Escape}');
    await user.click(within(screen.getByRole('dialog')).getByRole('button', { name: 'Cancel' }));
    expect(onCancel).toHaveBeenCalledTimes(2);
  });
});

describe('EnrollFingerprint', () => {
  const setupEnroll = () => {
    const onEnrolled = jest.fn();
    const onClose = jest.fn();
    render(<EnrollFingerprint locale="en-US" accountId="acct-alice" enrollmentToken="tok" onEnrolled={onEnrolled} onClose={onClose} />);
    return { onEnrolled, onClose, user: userEvent.setup() };
  };

  it('registers a platform credential with user verification and has the server verify it', async () => {
    const fetchMock = installFetch({
      '/webauthn/registration/options': [{ body: REGISTRATION_OPTIONS }],
      '/webauthn/registration/verify': [{ body: { enrolled: true } }],
    });
    const { user, onEnrolled, onClose } = setupEnroll();
    expect(screen.getByRole('dialog', { name: 'Enable fingerprint payment' })).toBeInTheDocument();
    await user.click(await screen.findByRole('button', { name: 'Enable' }));
    expect(await screen.findByText('Fingerprint payment is on.')).toBeInTheDocument();
    const { publicKey } = optionsOf<CredentialCreationOptions>(webauthn.create);
    expect(publicKey?.authenticatorSelection).toEqual(expect.objectContaining({ authenticatorAttachment: 'platform', userVerification: 'required' }));
    const verify = fetchMock.mock.calls.find(([url]) => String(url).endsWith('/verify')) as [string, RequestInit];
    expect(JSON.parse(verify[1].body as string)).toEqual(
      expect.objectContaining({ accountId: 'acct-alice', enrollmentToken: 'tok', response: expect.objectContaining({ id: 'Y3JlZA' }) }),
    );
    expect(onEnrolled).toHaveBeenCalledTimes(1);
    await user.click(screen.getByRole('button', { name: 'Done' }));
    expect(onClose).toHaveBeenCalledTimes(1);
  });

  it('explains a device that is already registered', async () => {
    installFetch({ '/webauthn/registration/options': [{ body: REGISTRATION_OPTIONS }] });
    webauthn.create.mockRejectedValueOnce(domError('InvalidStateError'));
    const { user } = setupEnroll();
    await user.click(await screen.findByRole('button', { name: 'Enable' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('already on for this device');
  });

  it('refuses without a live enrollment token', async () => {
    installFetch({ '/webauthn/registration/options': [{ status: 403, body: { code: 'ENROLLMENT_NOT_ALLOWED', message: 'no' } }] });
    setupEnroll();
    expect(await screen.findByRole('alert')).toHaveTextContent('Pay with your password again to turn it on');
  });
});
