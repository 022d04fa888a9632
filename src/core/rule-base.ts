// S213: the verification rule base (keyword -> rule). Data: the server's replaces the local default.
import defaultRuleBase from './default-rule-base.json';
import { obj, oneOfLiteral, optional, record, type Schema, str } from './schema';
import type { RuleBase, RuleDefinition, RuleType } from './service-interfaces';

export const RULE_TYPES = [
  'atMost',
  'atLeast',
  'equals',
  'oneOf',
  'pattern',
  'luhn',
  'notIn',
  'accountStatus',
] as const satisfies readonly RuleType[];

/** A verification keyword: a dotted path into PaymentData, optionally '#name' ('payerAccount#owned'). */
export const KEYWORD_PATTERN = /^[A-Za-z0-9_]{1,32}(\.[A-Za-z0-9_]{1,32}){0,7}(#[A-Za-z0-9_-]{1,32})?$/;

/** The path part of a keyword: 'payerAccount#owned' -> 'payerAccount'. */
export const keywordPath = (key: string): string => key.split('#')[0] as string;

export const ruleDefinitionSchema: Schema<RuleDefinition> = obj({
  rule: oneOfLiteral(...RULE_TYPES),
  description: optional(str(500)),
});

export const ruleBaseSchema: Schema<RuleBase> = obj({
  version: str(64, /^\S/),
  rules: record(ruleDefinitionSchema, KEYWORD_PATTERN),
});

/** Validates a rule base (from the server or local); throws SchemaError naming the bad field. */
export const parseRuleBase = (input: unknown): RuleBase => ruleBaseSchema(input, 'ruleBase');

/**
 * The local rule base (default-rule-base.json), used when the server sends none; validated once at load.
 * Its keywords and what the server's value for each means:
 *   amount.amount          atMost         the single-payment limit of the card's bank (minor units)
 *   amount.amount#minimum  atLeast        the smallest payment accepted (minor units)
 *   amount.currency        oneOf          the currencies the payee accepts
 *   payerAccount#luhn      luhn           true: the card number must pass the Luhn check
 *   payerAccount#owned     oneOf          the payer account's card numbers
 *   payerAccount#blocked   notIn          blocked card numbers
 *   accountId              accountStatus  the account's status; only 'active' passes
 *   accountId#session      equals         the signed-in account
 *   payeeAccount           oneOf          the known merchants
 *   payeeAccount#blocked   notIn          blocked payees
 *   orderId#format         pattern        a regular expression source the order id must match in full
 */
export const DEFAULT_RULE_BASE: RuleBase = parseRuleBase(defaultRuleBase);
