import '@testing-library/jest-dom';
import { configure } from '@testing-library/dom';
import { webcrypto } from 'node:crypto';
import { TextDecoder, TextEncoder } from 'node:util';

// jsdom lacks WebCrypto's subtle API and TextEncoder; the password cipher needs both.
if (!globalThis.crypto?.subtle) {
  Object.defineProperty(globalThis, 'crypto', { value: webcrypto, configurable: true });
}
if (!globalThis.TextEncoder) {
  Object.assign(globalThis, { TextEncoder, TextDecoder });
}

// findBy*/waitFor give up after 1 s by default: on two shared cores a payment round trip through the in-process mock
// can take longer while the build runs beside Jest (npm test runs them side by side). Waiting longer asserts the same.
configure({ asyncUtilTimeout: Number(process.env.JEST_ASYNC_TIMEOUT_MS ?? 5000) });
