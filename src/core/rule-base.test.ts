import { DEFAULT_RULE_BASE, KEYWORD_PATTERN, keywordPath, parseRuleBase, RULE_TYPES } from './rule-base';
import { SchemaError } from './schema';

describe('DEFAULT_RULE_BASE', () => {
  it('is a valid rule base that uses every rule type', () => {
    expect(parseRuleBase(DEFAULT_RULE_BASE)).toEqual(DEFAULT_RULE_BASE);
    expect(new Set(Object.values(DEFAULT_RULE_BASE.rules).map((d) => d.rule))).toEqual(new Set(RULE_TYPES));
    expect(DEFAULT_RULE_BASE.rules['amount.amount']).toMatchObject({ rule: 'atMost' });
    expect(DEFAULT_RULE_BASE.rules.accountId).toMatchObject({ rule: 'accountStatus' });
  });
});

describe('parseRuleBase', () => {
  const valid = { version: 'srv-1', rules: { 'amount.amount': { rule: 'atMost' }, 'payerAccount#owned': { rule: 'oneOf' } } };

  it('accepts a server rule base and drops unknown fields', () => {
    expect(parseRuleBase({ ...valid, extra: 1 })).toEqual(valid);
  });

  it.each([
    [null, 'ruleBase must be an object (got null)'],
    [{ rules: {} }, 'ruleBase.version is required'],
    [{ version: ' ', rules: {} }, 'ruleBase.version has an invalid format'],
    [{ version: 'v', rules: [] }, 'ruleBase.rules must be an object (got an array)'],
    [{ version: 'v', rules: { 'amount.amount': { rule: 'lessThan' } } }, 'ruleBase.rules.amount.amount.rule must be one of'],
    [{ version: 'v', rules: { 'amount.amount': 'atMost' } }, 'ruleBase.rules.amount.amount must be an object (got string)'],
    [{ version: 'v', rules: { 'amount amount': { rule: 'atMost' } } }, 'ruleBase.rules.amount amount is not an allowed key'],
    [{ version: 'v', rules: { 'a#b#c': { rule: 'atMost' } } }, 'is not an allowed key'],
    [JSON.parse('{"version":"v","rules":{"__proto__":{"rule":"atMost"}}}'), 'ruleBase.rules.__proto__ is not an allowed key'],
  ])('rejects %p: %s', (input, message) => {
    expect(() => parseRuleBase(input)).toThrow(SchemaError);
    expect(() => parseRuleBase(input)).toThrow(message);
  });
});

describe('keywords', () => {
  it.each(['amount.amount', 'payerAccount#owned', 'accountId', 'a.b.c#x-1'])('%s is a keyword', (key) => {
    expect(KEYWORD_PATTERN.test(key)).toBe(true);
  });

  it.each(['', '.a', 'a.', 'a..b', '#x', 'a#', 'a#b#c', 'a b', 'a/b', `${'a'.repeat(33)}`])('%p is not', (key) => {
    expect(KEYWORD_PATTERN.test(key)).toBe(false);
  });

  it('keywordPath drops the #name', () => {
    expect(keywordPath('payerAccount#owned')).toBe('payerAccount');
    expect(keywordPath('amount.amount')).toBe('amount.amount');
  });
});
