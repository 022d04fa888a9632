import fc from 'fast-check';
import { safeCorrectionUrl, sanitizeServerText } from './server-content';

describe('safeCorrectionUrl', () => {
  const origin = 'http://localhost:3001';
  it.each([
    ['https://bank-a.example/limits', 'https://bank-a.example/limits'],
    ['http://bank-a.example/x?y=1', 'http://bank-a.example/x?y=1'],
    ['/api/cashier/correction/limit', 'http://localhost:3001/api/cashier/correction/limit'],
  ])('keeps %s', (raw, expected) => {
    expect(safeCorrectionUrl(raw, origin)).toBe(expected);
  });

  it.each([
    'javascript:alert(1)',
    'JaVaScRiPt:alert(1)',
    ' javascript:alert(1)',
    'data:text/html,<script>alert(1)</script>',
    'vbscript:msgbox',
    '//evil.example/x',
    'https://user:pw@bank.example/',
    'https://bank.example/\u202Eevil',
    'http://[::1',
    '',
    `https://bank.example/${'a'.repeat(3000)}`,
  ])('drops %s', (raw) => {
    expect(safeCorrectionUrl(raw, origin)).toBeNull();
  });

  it('never returns a non-http(s) URL for any input', () => {
    fc.assert(
      fc.property(fc.string(), (raw) => {
        const url = safeCorrectionUrl(raw, origin);
        expect(url === null || /^https?:\/\//.test(url)).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });
});

describe('sanitizeServerText', () => {
  it('strips bidi overrides, folds whitespace and caps length', () => {
    expect(sanitizeServerText('pay\u202Eyap  now\n')).toBe('payyap now');
    expect(sanitizeServerText('x'.repeat(1000)).length).toBe(300);
  });
});
