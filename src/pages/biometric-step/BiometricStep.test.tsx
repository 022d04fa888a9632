import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { ReactNode } from 'react';
import { installCamera } from '../../widgets/face-verify/test-camera';
import { AUTH_OPTIONS, installFetch, installWebAuthn, REGISTRATION_OPTIONS } from '../../widgets/fingerprint-verify/test-webauthn';
import { CashierContext } from '../cashier-page/cashier-context';
import { pageTranslator } from '../../i18n/page-messages';
import { BiometricStep } from './BiometricStep';
import { deviceCredentialIds } from './device-credentials';
import { EnrollOffer } from './EnrollOffer';

const payment = {
  orderId: 'order-1',
  accountId: 'acct-alice',
  amount: { amount: 100, currency: 'CNY' },
  payerAccount: '6222020000000000018',
  payeeAccount: 'merchant-001',
};

const withCashier = (children: ReactNode) => (
  <CashierContext.Provider value={{ locale: 'en-US', t: pageTranslator('en-US'), apiBaseUrl: '/api/cashier' }}>{children}</CashierContext.Provider>
);

beforeEach(() => {
  installWebAuthn();
  installCamera();
  installFetch({
    '/webauthn/authentication/options': [{ body: AUTH_OPTIONS }],
    '/webauthn/registration/options': [{ body: REGISTRATION_OPTIONS }],
    '/face/challenge': [{ status: 409, body: { code: 'METHOD_NOT_ENROLLED', message: 'no' } }],
  });
});

describe('BiometricStep', () => {
  it.each([
    ['fingerprint', 'Verify with fingerprint'],
    ['face', 'Verify with face'],
  ] as const)('loads the %s widget when that method is chosen', async (method, name) => {
    const onUsePassword = jest.fn();
    render(withCashier(<BiometricStep method={method} payment={payment} onAuthenticated={jest.fn()} onUsePassword={onUsePassword} onCancel={jest.fn()} />));
    expect(await screen.findByRole('dialog', { name })).toBeInTheDocument();
    await userEvent.setup().click(await screen.findByRole('button', { name: 'Use password' }));
    expect(onUsePassword).toHaveBeenCalledTimes(1);
  });
});

describe('EnrollOffer', () => {
  it('offers only the available biometrics, and only with an enrollment token', () => {
    const { rerender } = render(withCashier(<EnrollOffer accountId="acct-alice" methods={['password', 'fingerprint', 'face']} />));
    expect(screen.queryByRole('button')).toBeNull();
    rerender(withCashier(<EnrollOffer accountId="acct-alice" enrollmentToken="tok" methods={['password', 'face']} />));
    expect(screen.getByRole('button', { name: 'Enable face payment' })).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Enable fingerprint payment' })).toBeNull();
  });

  it('enrolling a fingerprint remembers the new credential on this device, and says it is on', async () => {
    localStorage.clear();
    installFetch({
      '/webauthn/registration/options': [{ body: REGISTRATION_OPTIONS }],
      '/webauthn/registration/verify': [{ body: { enrolled: true } }],
    });
    const onEnrolled = jest.fn();
    const user = userEvent.setup();
    render(withCashier(<EnrollOffer accountId="acct-alice" enrollmentToken="tok" methods={['fingerprint']} onEnrolled={onEnrolled} />));
    expect(deviceCredentialIds()).toEqual([]);
    await user.click(screen.getByRole('button', { name: 'Enable fingerprint payment' }));
    await user.click(await screen.findByRole('button', { name: 'Enable' }));
    await waitFor(() => expect(onEnrolled).toHaveBeenCalledWith('fingerprint'));
    // attestationCredential()'s id: the one the server now lists for the account.
    expect(deviceCredentialIds()).toEqual(['Y3JlZA']);
    expect(screen.getByRole('region', { name: 'Pay faster next time' })).toHaveTextContent('Fingerprint payment is on.');
  });

  it('opens the enrolment dialog on demand', async () => {
    render(withCashier(<EnrollOffer accountId="acct-alice" enrollmentToken="tok" methods={['fingerprint', 'face']} />));
    await userEvent.setup().click(screen.getByRole('button', { name: 'Enable fingerprint payment' }));
    expect(await screen.findByRole('dialog', { name: 'Enable fingerprint payment' })).toBeInTheDocument();
    expect(await screen.findByRole('button', { name: 'Enable' })).toBeInTheDocument();
  });
});
