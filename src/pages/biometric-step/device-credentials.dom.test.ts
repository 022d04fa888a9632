import { deviceCredentialIds, rememberDeviceCredentials } from './device-credentials';

const KEY = 'cashier.webauthn.credentials';

beforeEach(() => localStorage.clear());
afterEach(() => jest.restoreAllMocks());

describe('the device credential hint', () => {
  it('starts empty, remembers ids once each, newest last', () => {
    expect(deviceCredentialIds()).toEqual([]);
    rememberDeviceCredentials(['AAA']);
    rememberDeviceCredentials(['BBB', 'AAA']);
    expect(deviceCredentialIds()).toEqual(['BBB', 'AAA']);
  });

  it('keeps at most 20, forgetting the oldest, and ignores what is not a credential id', () => {
    for (let i = 0; i < 25; i++) rememberDeviceCredentials([`id${i}`]);
    rememberDeviceCredentials(['not an id', '']);
    const ids = deviceCredentialIds();
    expect(ids).toHaveLength(20);
    expect(ids?.[0]).toBe('id5');
    expect(ids?.at(-1)).toBe('id24');
  });

  it('reads a damaged entry as empty, and drops foreign values in it', () => {
    localStorage.setItem(KEY, '{not json');
    expect(deviceCredentialIds()).toEqual([]);
    localStorage.setItem(KEY, JSON.stringify(['ok_id', 42, '<script>']));
    expect(deviceCredentialIds()).toEqual(['ok_id']);
  });

  it('says "unknown" (null) where storage is blocked, and writing then does nothing', () => {
    jest.spyOn(window, 'localStorage', 'get').mockImplementation(() => {
      throw new DOMException('blocked', 'SecurityError');
    });
    expect(deviceCredentialIds()).toBeNull();
    expect(() => rememberDeviceCredentials(['AAA'])).not.toThrow();
  });

  it('survives a full storage', () => {
    jest.spyOn(Storage.prototype, 'setItem').mockImplementation(() => {
      throw new DOMException('full', 'QuotaExceededError');
    });
    expect(() => rememberDeviceCredentials(['AAA'])).not.toThrow();
  });
});
