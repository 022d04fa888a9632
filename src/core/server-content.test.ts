import fc from 'fast-check';
import { safeCorrectionUrl, sanitizeServerText } from './server-content';

describe('safeCorrectionUrl', () => {
  const allowed = ['https://bank.example', 'https://merchant.example:8443'];
  it.each([
    ['https://bank.example/limits', 'https://bank.example/limits'],
    ['HTTPS://BANK.example/x?y=1#z', 'https://bank.example/x?y=1#z'],
    ['https://bank.example:443/x', 'https://bank.example/x'],
    ['https://merchant.example:8443/support', 'https://merchant.example:8443/support'],
  ])('keeps %s on an allowed origin', (raw, expected) => {
    expect(safeCorrectionUrl(raw, allowed)).toBe(expected);
  });

  it.each([
    // Not https, or on an origin nobody allowed.
    'http://bank.example/limits',
    'https://bank-a.example/limits',
    'https://bank.example.evil.example/x',
    'https://evil.example/?https://bank.example',
    'https://merchant.example/support',
    // Relative links name no origin, so they are refused too.
    '/api/cashier/correction/limit',
    'correction/limit',
    '//bank.example/x',
    // Hostile schemes and disguises.
    'javascript:alert(1)',
    'JaVaScRiPt:alert(1)',
    ' javascript:alert(1)',
    'data:text/html,<script>alert(1)</script>',
    'vbscript:msgbox',
    'https://user:pw@bank.example/',
    'https://bank.example@evil.example/',
    'https://bank.example/\u202Eevil',
    'https://bank.example/a b',
    'https:/\\evil.example',
    'http://[::1',
    '',
    `https://bank.example/${'a'.repeat(3000)}`,
  ])('drops %s', (raw) => {
    expect(safeCorrectionUrl(raw, allowed)).toBeNull();
  });

  it('drops everything when the allowlist is empty or holds no https origin', () => {
    expect(safeCorrectionUrl('https://bank.example/x', [])).toBeNull();
    expect(safeCorrectionUrl('http://bank.example/x', ['http://bank.example'])).toBeNull();
    expect(safeCorrectionUrl('https://bank.example/x', ['https://bank.example/path'])).toBeNull();
  });

  it('only ever returns an https URL on an allowed origin, for any input', () => {
    const piece = fc.constantFrom('https://', 'http://', 'bank.example', 'evil.example', '@', ':', '/', '\\', '.', '%2F', '#', '?', ' ', 'javascript:');
    const input = fc.oneof(fc.string(), fc.array(piece, { maxLength: 8 }).map((parts) => parts.join('')));
    fc.assert(
      fc.property(input, (raw) => {
        const url = safeCorrectionUrl(raw, allowed);
        expect(url === null || allowed.includes(new URL(url).origin)).toBe(true);
        expect(url === null || url.startsWith('https://')).toBe(true);
      }),
      { numRuns: 3000 },
    );
  });
});

describe('sanitizeServerText', () => {
  it('strips bidi overrides, folds whitespace and caps length', () => {
    expect(sanitizeServerText('pay\u202Eyap  now\n')).toBe('payyap now');
    expect(sanitizeServerText('x'.repeat(1000)).length).toBe(300);
  });
});
