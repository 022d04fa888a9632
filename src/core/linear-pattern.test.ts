import fc from 'fast-check';
import { compilePattern, MAX_PATTERN_STATES, PatternError } from './linear-pattern';

const full = (source: string, input: string) => compilePattern(source).matches(input);

describe('compilePattern', () => {
  it.each([
    ['order-\\d{4}', 'order-1001', true],
    ['order-\\d{4}', 'order-10011', false],
    ['^order-1001$', 'order-1001', true],
    ['[A-Z]{2}\\d+', 'CN42', true],
    ['[^a-c]+', 'xyz', true],
    ['[^a-c]+', 'xbz', false],
    ['(?:cny|usd)', 'usd', true],
    ['cny|usd', 'cnyusd', false],
    ['a.c', 'a\nc', false],
    ['a.c', 'a😀c', true],
    ['\\w+@\\w+\\.example', 'pay@bank.example', true],
    ['\\x41\\u0042[\\-_]?', 'AB-', true],
    ['a{2,3}', 'aaaa', false],
    ['a{2,}?', 'aaaa', true],
    ['', '', true],
    ['', 'x', false],
    ['a|', '', true],
    ['()*', '', true],
    ['[]', 'a', false],
    ['[^]', '\n', true],
  ])('%s against %p gives %p (whole input only)', (source, input, expected) => {
    expect(full(source, input)).toBe(expected);
  });

  it.each([
    ['x)|(?:', 'an unmatched ")"'],
    ['(?:', 'a "(" without its ")"'],
    ['(?=a)a', 'look-around'],
    ['(?<name>a)', 'look-around or named group'],
    ['(a)\\1', 'an escape "\\1"'],
    ['\\bword', 'an escape "\\b"'],
    ['\\p{L}', 'an escape "\\p"'],
    ['a**', 'a second quantifier'],
    ['*a', 'nothing to repeat'],
    ['a{2,1}', 'm < n'],
    ['a{1001}', 'above 1000'],
    ['a{', 'not a quantifier'],
    ['[z-a]', 'out of order'],
    ['[\\d-z]', 'whose end is a class'],
    ['[\\D]', 'negated class escape'],
    ['^*', 'quantified anchor'],
    ['((((((((((((((((((((((((((((((((((a))))))))))))))))))))))))))))))))))', 'nested deeper'],
    ['(a{1000}){1000}', 'too complex'],
  ])('refuses %s (%s)', (source, why) => {
    expect(() => compilePattern(source)).toThrow(PatternError);
    expect(() => compilePattern(source)).toThrow(why);
  });

  it('cannot be escaped from: the pattern is compiled on its own and always matches the whole input', () => {
    expect(() => compilePattern('x)|(?:')).toThrow(PatternError);
    expect(full('x|y', 'xy')).toBe(false);
    expect(full('^x|y$', 'xy')).toBe(false);
  });

  it('matches a*a*a*a*a*a*a*b in linear steps: each state at most once per input position', () => {
    const pattern = compilePattern('a*a*a*a*a*a*a*b');
    const steps = (length: number) => {
      const stats = { steps: 0 };
      expect(pattern.matches('a'.repeat(length), stats)).toBe(false);
      return stats.steps;
    };
    for (const length of [64, 256, 4096]) expect(steps(length)).toBeLessThanOrEqual(pattern.stateCount * (length + 1));
    // Doubling the input at most doubles the work (a backtracker grows it by a power of 7).
    expect(steps(4096) / steps(2048)).toBeLessThan(2.1);
  });

  it('keeps nested quantifiers linear too', () => {
    const pattern = compilePattern('(a+)+$');
    const stats = { steps: 0 };
    expect(pattern.matches(`${'a'.repeat(5000)}!`, stats)).toBe(false);
    expect(stats.steps).toBeLessThanOrEqual(pattern.stateCount * 5002);
    expect(pattern.stateCount).toBeLessThan(MAX_PATTERN_STATES);
  });

  it('agrees with the native engine (anchored, u flag) on every pattern of the subset', () => {
    const atom = fc.constantFrom('a', 'b', '.', '\\d', '\\w', '\\s', '[ab]', '[^a]', '[a-c0-1]', '\\.', '1', ' ');
    const leaf = fc.tuple(atom, fc.constantFrom('', '*', '+', '?', '{2}', '{0,2}', '{1,}', '*?')).map(([a, q]) => a + q);
    const pattern = fc.letrec<{ node: string }>((tie) => ({
      node: fc.oneof(
        { depthSize: 'small', withCrossShrink: true },
        leaf,
        fc.array(tie('node'), { minLength: 1, maxLength: 3 }).map((items) => items.join('')),
        fc.tuple(tie('node'), tie('node')).map(([x, y]) => `${x}|${y}`),
        fc.tuple(tie('node'), fc.constantFrom('', '*', '+', '?', '{1,2}')).map(([x, q]) => `(?:${x})${q}`),
        fc.tuple(tie('node'), fc.constantFrom('', '*', '+')).map(([x, q]) => `(${x})${q}`),
      ),
    })).node;
    const input = fc.string({ unit: fc.constantFrom('a', 'b', 'c', '1', '.', ' ', '\n'), maxLength: 8 });
    fc.assert(
      fc.property(pattern, fc.array(input, { minLength: 1, maxLength: 6 }), (source, inputs) => {
        const native = new RegExp(`^(?:${source})$`, 'u');
        const compiled = compilePattern(source);
        for (const text of inputs) expect([source, text, compiled.matches(text)]).toEqual([source, text, native.test(text)]);
      }),
      { numRuns: 1500 },
    );
  });
});
