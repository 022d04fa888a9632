import axios, { AxiosError, type AxiosResponse, type InternalAxiosRequestConfig } from 'axios';
// Test support for jsdom: a stand-in navigator.credentials and PublicKeyCredential, and a fetch that answers like the mock.

const bytes = (text: string) => new TextEncoder().encode(text).buffer as ArrayBuffer;

export const AUTH_OPTIONS = {
  challengeId: 'fingerprint_abc',
  expiresAt: '2030-01-01T00:00:00.000Z',
  options: { challenge: 'Y2hhbGxlbmdl', rpId: 'localhost', userVerification: 'required', allowCredentials: [{ id: 'Y3JlZA', type: 'public-key' }] },
};

export const REGISTRATION_OPTIONS = {
  challenge: 'cmVnaXN0ZXI',
  rp: { id: 'localhost', name: 'Cashier' },
  user: { id: 'YWNjdA', name: 'acct-alice', displayName: '' },
  pubKeyCredParams: [{ alg: -7, type: 'public-key' }],
  authenticatorSelection: { authenticatorAttachment: 'platform', userVerification: 'required', residentKey: 'preferred' },
  attestation: 'none',
};

/** What navigator.credentials.get resolves with in a browser. */
export const assertionCredential = () => ({
  id: 'Y3JlZA',
  rawId: bytes('cred'),
  type: 'public-key',
  authenticatorAttachment: 'platform',
  response: { authenticatorData: bytes('auth'), clientDataJSON: bytes('{}'), signature: bytes('sig'), userHandle: null },
  getClientExtensionResults: () => ({}),
});

export const attestationCredential = () => ({
  id: 'Y3JlZA',
  rawId: bytes('cred'),
  type: 'public-key',
  authenticatorAttachment: 'platform',
  response: { attestationObject: bytes('att'), clientDataJSON: bytes('{}'), getTransports: () => ['internal'] },
  getClientExtensionResults: () => ({}),
});

export function domError(name: string): DOMException {
  return new DOMException(`${name} from the test`, name);
}

export interface FakeWebAuthn {
  get: jest.Mock;
  create: jest.Mock;
  available: jest.Mock;
}

/** Installs the stand-ins; `available` answers isUserVerifyingPlatformAuthenticatorAvailable. */
export function installWebAuthn(): FakeWebAuthn {
  const available = jest.fn().mockResolvedValue(true);
  const get = jest.fn().mockImplementation(async () => assertionCredential());
  const create = jest.fn().mockImplementation(async () => attestationCredential());
  // A function, like the real constructor (simplewebauthn checks typeof), with the one static we need.
  const PublicKeyCredential = Object.assign(() => undefined, { isUserVerifyingPlatformAuthenticatorAvailable: available });
  Object.defineProperty(window, 'PublicKeyCredential', { value: PublicKeyCredential, configurable: true });
  Object.defineProperty(navigator, 'credentials', { value: { get, create }, configurable: true });
  return { get, create, available };
}

export type Answer = { status?: number; body: unknown };

/** fetch answering by path; each path's answers are used in order, the last one repeats. */
export function installFetch(answers: Record<string, Answer[]>): jest.Mock {
  const used: Record<string, number> = {};
  const fetchMock = jest.fn(async (url: string) => {
    const path = Object.keys(answers).find((p) => url.endsWith(p));
    const list = path ? answers[path] : undefined;
    if (!path || !list) throw new TypeError(`No answer for ${url}`);
    const index = Math.min(used[path] ?? 0, list.length - 1);
    used[path] = index + 1;
    const answer = list[index] as Answer;
    const status = answer.status ?? 200;
    return { ok: status < 400, status, json: async () => answer.body } as Response;
  });
  Object.defineProperty(globalThis, 'fetch', { value: fetchMock, configurable: true, writable: true });
  // The cashier's HTTP layer is axios: route its requests to the current fetch stand-in (read at request time).
  axios.defaults.adapter = forwardToFetch;
  return fetchMock;
}

async function forwardToFetch(config: InternalAxiosRequestConfig): Promise<AxiosResponse> {
  const url = `${config.baseURL ?? ''}${config.url ?? ''}`;
  const init = { method: (config.method ?? 'get').toUpperCase(), body: config.data, headers: config.headers as unknown as HeadersInit };
  const answer = await (globalThis.fetch as unknown as (url: string, init: RequestInit) => Promise<Response>)(url, init);
  const response: AxiosResponse = { data: await answer.json(), status: answer.status, statusText: '', headers: {}, config };
  if (answer.status >= 400) throw new AxiosError(`answered ${answer.status}`, AxiosError.ERR_BAD_RESPONSE, config, null, response);
  return response;
}
