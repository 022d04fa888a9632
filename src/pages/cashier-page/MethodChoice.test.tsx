import { render, renderHook, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { BiometricEnrolment, CashierResources } from '../../core/service-interfaces';
import type { Locale, Method } from '../../core/types';
import { pageTranslator } from '../../i18n/page-messages';
import { rememberDeviceCredentials } from '../biometric-step/device-credentials';
import { expectNoAxeViolations } from '../test-support';
import { CashierContext } from './cashier-context';
import { MethodChoice } from './MethodChoice';
import { isEnrolled, useMethodOffer } from './useMethodAvailability';

const ALL: Method[] = ['password', 'fingerprint', 'face'];

function renderChoice(props: { usable?: Method[]; needsSetup?: Method[]; value?: Method }, locale: Locale = 'en-US') {
  const onChange = jest.fn();
  const view = render(
    <CashierContext.Provider value={{ locale, t: pageTranslator(locale), apiBaseUrl: '/api/cashier' }}>
      <MethodChoice methods={ALL} value={props.value ?? 'password'} onChange={onChange} usable={props.usable} needsSetup={props.needsSetup} />
    </CashierContext.Provider>,
  );
  return { ...view, onChange };
}

describe('MethodChoice', () => {
  it('keeps every method in the radio group; the ones not enrolled are disabled and say "Set up after this payment"', async () => {
    const { container, onChange } = renderChoice({ usable: ['password'], needsSetup: ['fingerprint', 'face'] });
    const face = screen.getByRole('radio', { name: 'Face' });
    const fingerprint = screen.getByRole('radio', { name: 'Fingerprint' });
    expect(screen.getByRole('radio', { name: 'Password' })).toBeEnabled();
    expect(face).toBeDisabled();
    expect(fingerprint).toBeDisabled();
    expect(face).toHaveAccessibleDescription('Set up after this payment');
    expect(fingerprint).toHaveAccessibleDescription('Set up after this payment');
    await userEvent.setup().click(screen.getByText('Face'));
    expect(onChange).not.toHaveBeenCalled();
    await expectNoAxeViolations(container);
  });

  it('says nothing about setup while the enrolments are not known yet', () => {
    renderChoice({ usable: ['password'] });
    expect(screen.getByRole('radio', { name: 'Face' })).toBeDisabled();
    expect(screen.getByRole('radio', { name: 'Face' })).not.toHaveAccessibleDescription();
    expect(screen.queryByText('Set up after this payment')).toBeNull();
  });

  it('enrolled methods can be chosen', async () => {
    const { onChange } = renderChoice({});
    await userEvent.setup().click(screen.getByRole('radio', { name: 'Face' }));
    expect(onChange).toHaveBeenCalledWith('face');
  });

  it('speaks Chinese in zh-CN', () => {
    renderChoice({ usable: ['password'], needsSetup: ['face'] }, 'zh-CN');
    expect(screen.getByRole('radio', { name: '人脸' })).toHaveAccessibleDescription('本次支付后可开通');
  });
});

describe('isEnrolled', () => {
  const enrolled: BiometricEnrolment = { fingerprint: true, face: true, credentialIds: ['cred-here', 'cred-phone'] };

  it('password always; nothing else without enrolment facts', () => {
    expect(isEnrolled('password', undefined, [])).toBe(true);
    expect(isEnrolled('face', undefined, [])).toBe(false);
    expect(isEnrolled('fingerprint', undefined, null)).toBe(false);
  });

  it('face is the account’s: any device', () => {
    expect(isEnrolled('face', enrolled, [])).toBe(true);
    expect(isEnrolled('face', { ...enrolled, face: false }, [])).toBe(false);
  });

  it('a fingerprint needs one of the account’s credentials on this device', () => {
    expect(isEnrolled('fingerprint', enrolled, ['cred-here'])).toBe(true);
    expect(isEnrolled('fingerprint', enrolled, ['cred-elsewhere'])).toBe(false);
    expect(isEnrolled('fingerprint', enrolled, [])).toBe(false);
    expect(isEnrolled('fingerprint', { fingerprint: false, face: false, credentialIds: [] }, ['cred-here'])).toBe(false);
  });

  it('where the device cannot be asked (storage blocked), the account’s word decides', () => {
    expect(isEnrolled('fingerprint', enrolled, null)).toBe(true);
    expect(isEnrolled('fingerprint', { ...enrolled, fingerprint: false, credentialIds: [] }, null)).toBe(false);
  });
});

describe('useMethodOffer', () => {
  const resources = (enrolled: BiometricEnrolment): CashierResources => ({
    passwordComponent: 'six-digit',
    shuffleKeys: false,
    cards: [],
    payeeName: 'Merchant 001',
    enrolled,
  });

  beforeEach(() => {
    localStorage.clear();
    // This device can do all three (a user-verifying platform authenticator and a camera API).
    Object.defineProperty(window, 'PublicKeyCredential', {
      value: { isUserVerifyingPlatformAuthenticatorAvailable: () => Promise.resolve(true) },
      configurable: true,
    });
    Object.defineProperty(navigator, 'mediaDevices', { value: { getUserMedia: jest.fn() }, configurable: true });
  });

  it('before the page resources: only the password pays, no setup hint', async () => {
    const { result } = renderHook(() => useMethodOffer(undefined, null));
    await waitFor(() => expect(result.current.capable).toEqual(ALL));
    expect(result.current.usable).toEqual(['password']);
    expect(result.current.needsSetup).toEqual([]);
  });

  it('un-enrolled: fingerprint and face need setup', async () => {
    const { result } = renderHook(() => useMethodOffer(undefined, resources({ fingerprint: false, face: false, credentialIds: [] })));
    await waitFor(() => expect(result.current.capable).toEqual(ALL));
    expect(result.current.usable).toEqual(['password']);
    expect(result.current.needsSetup).toEqual(['fingerprint', 'face']);
  });

  it('a fingerprint enrolled on another device only still needs setup here; once this device registered it, it pays', async () => {
    const answer = resources({ fingerprint: true, face: true, credentialIds: ['cred-1'] });
    const first = renderHook(() => useMethodOffer(undefined, answer));
    await waitFor(() => expect(first.result.current.capable).toEqual(ALL));
    expect(first.result.current.usable).toEqual(['password', 'face']);
    expect(first.result.current.needsSetup).toEqual(['fingerprint']);
    first.unmount();

    rememberDeviceCredentials(['cred-1']);
    const next = renderHook(() => useMethodOffer(undefined, { ...answer }));
    await waitFor(() => expect(next.result.current.usable).toEqual(ALL));
    expect(next.result.current.needsSetup).toEqual([]);
  });
});
