// S2, S211-S217: check the payment data against the server's verification data with the rule base.
// Fails closed everywhere and never throws: a check that cannot be made is a check that did not pass.
import { compilePattern, type LinearPattern, PatternError } from './linear-pattern';
import { getValueAtPath, luhnValid } from './payment-data';
import { DEFAULT_RULE_BASE, KEYWORD_PATTERN, keywordPath, ruleDefinitionSchema } from './rule-base';
import { isPlainObject, SchemaError } from './schema';
import type { RuleType } from './service-interfaces';

/** S214: the outcome of one keyword of the verification data. */
export interface SingleKeywordResult {
  key: string;
  passed: boolean;
  rule: RuleType | null;
  /** The value of the verification datum (e.g. the single limit). */
  expected: unknown;
  /** The payment value found at the keyword's path. */
  actual: unknown;
  /** Plain English; the cashier shows the server's localised page resource instead where it has one. */
  message: string;
}

export interface VerificationResult {
  passed: boolean;
  results: SingleKeywordResult[];
}

/** The verification datum's value does not fit its rule. */
class MalformedExpected extends Error {}

const need = (ok: boolean, what: string) => {
  if (!ok) throw new MalformedExpected(what);
};
const isNumber = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);
const isPrimitive = (v: unknown) => v === null || ['string', 'number', 'boolean'].includes(typeof v);
const primitives = (v: unknown): unknown[] => {
  need(Array.isArray(v) && v.every(isPrimitive), 'a list of plain values');
  return v as unknown[];
};
const show = (v: unknown) => (typeof v === 'string' ? v.slice(0, 64) : isPrimitive(v) ? String(v) : typeof v);

export const MAX_PATTERN_LENGTH = 200;
export const MAX_PATTERN_INPUT_LENGTH = 256;
export const MAX_VERIFICATION_ITEMS = 100;

/** The linear-time engine's compiled pattern, or a MalformedExpected naming why the pattern cannot be used. */
function compiledPattern(source: string): LinearPattern {
  try {
    return compilePattern(source);
  } catch (error) {
    if (error instanceof PatternError) throw new MalformedExpected(`a pattern the linear-time engine supports (${error.message})`);
    throw error;
  }
}

/** Each rule gives null when the payment value passes, else why it does not. */
type Rule = (actual: unknown, expected: unknown, path: string) => string | null;

const RULES: Record<RuleType, Rule> = {
  atMost: (a, e, p) => {
    need(isNumber(e), 'a number');
    return !isNumber(a) ? `${p} is not a number` : a <= (e as number) ? null : `${p} ${a} exceeds the limit ${e}`;
  },
  atLeast: (a, e, p) => {
    need(isNumber(e), 'a number');
    return !isNumber(a) ? `${p} is not a number` : a >= (e as number) ? null : `${p} ${a} is below the minimum ${e}`;
  },
  equals: (a, e, p) => {
    need(isPrimitive(e), 'a plain value');
    return a === e ? null : `${p} must be ${show(e)}`;
  },
  oneOf: (a, e, p) => (primitives(e).includes(a) ? null : `${p} is not one of the allowed values`),
  notIn: (a, e, p) => (primitives(e).includes(a) ? `${p} is on the block list` : null),
  pattern: (a, e, p) => {
    need(typeof e === 'string' && e.length <= MAX_PATTERN_LENGTH, `a pattern of at most ${MAX_PATTERN_LENGTH} characters`);
    // Compiled on its own (nothing to escape from) and matched in full in linear time; what will not compile fails closed.
    const pattern = compiledPattern(e as string);
    if (typeof a !== 'string' || a.length > MAX_PATTERN_INPUT_LENGTH) {
      return `${p} is not text of at most ${MAX_PATTERN_INPUT_LENGTH} characters`;
    }
    return pattern.matches(a) ? null : `${p} does not have the required format`;
  },
  luhn: (a, e, p) => {
    need(e === true, 'true');
    return typeof a === 'string' && /^\d{12,19}$/.test(a) && luhnValid(a) ? null : `${p} is not a valid card number`;
  },
  accountStatus: (a, e, p) => {
    need(typeof e === 'string' && e !== '', "the account's status");
    if (typeof a !== 'string' || a === '') return `${p} is not an account id`;
    return e === 'active' ? null : `account ${show(a)} is ${show(e)}, not active`;
  },
};

const failed = (key: string, message: string, rule: RuleType | null = null, expected?: unknown, actual?: unknown) => ({
  key,
  passed: false,
  rule,
  expected,
  actual,
  message,
});

/** S212-S214 for one datum of the verification data; `rules` null means the rule base is malformed. */
function checkDatum(payment: unknown, datum: unknown, index: number, rules: Record<string, unknown> | null): SingleKeywordResult {
  let key = `verificationData[${index}]`;
  let rule: RuleType | null = null;
  let expected: unknown;
  try {
    const rawKey = isPlainObject(datum) ? datum.key : undefined;
    if (typeof rawKey === 'string' && rawKey.length <= 128) key = rawKey;
    if (!isPlainObject(datum) || typeof rawKey !== 'string' || !Object.hasOwn(datum, 'value')) {
      return failed(key, `verification datum ${index} is not {key, value}`);
    }
    if (!KEYWORD_PATTERN.test(rawKey)) return failed(key, `"${show(rawKey)}" is not a verification keyword`);
    expected = datum.value;
    if (!rules) return failed(key, 'the verification rule base is malformed', null, expected);
    // Exact keyword only: 'payerAccount#owned' never falls back to the rule of 'payerAccount'.
    if (!Object.hasOwn(rules, key)) return failed(key, `no verification rule for ${key}`, null, expected);
    rule = ruleDefinitionSchema(rules[key], `ruleBase.rules.${key}`).rule;
    const path = keywordPath(key);
    const found = getValueAtPath(payment, path);
    if (!found.found) return failed(key, `${path} is missing from the payment data`, rule, expected);
    const problem = RULES[rule](found.value, expected, path);
    const message = problem ?? `${key} passed the ${rule} check`;
    return { key, passed: problem === null, rule, expected, actual: found.value, message };
  } catch (error) {
    const why =
      error instanceof MalformedExpected
        ? `the ${rule} rule for ${key} needs ${error.message} as its value`
        : error instanceof SchemaError
          ? error.message
          : `${key} could not be checked`;
    return failed(key, why, rule, expected);
  }
}

/**
 * S2: every datum of the verification data is checked against the payment data with its rule
 * from the rule base (S211-S215); all pass -> passed (S216), any fails -> not passed (S217).
 * `ruleBase` undefined means the local DEFAULT_RULE_BASE; a malformed one fails every check.
 * Empty verification data fails closed: a server that sends no checks is broken.
 */
export function verifyPaymentData(payment: unknown, verificationData: unknown, ruleBase?: unknown): VerificationResult {
  try {
    const base = ruleBase === undefined ? DEFAULT_RULE_BASE : ruleBase;
    if (!Array.isArray(verificationData) || verificationData.length === 0) {
      return { passed: false, results: [failed('verificationData', 'the server sent no verification data')] };
    }
    if (verificationData.length > MAX_VERIFICATION_ITEMS) {
      const message = `the server sent more than ${MAX_VERIFICATION_ITEMS} verification data`;
      return { passed: false, results: [failed('verificationData', message)] };
    }
    const rules = isPlainObject(base) && typeof base.version === 'string' && isPlainObject(base.rules) ? base.rules : null;
    const results = verificationData.map((datum, i) => checkDatum(payment, datum, i, rules));
    return { passed: results.every((r) => r.passed), results };
  } catch {
    // Only a hostile list (a revoked proxy, a throwing getter) gets here.
    return { passed: false, results: [failed('verificationData', 'the verification data could not be read')] };
  }
}
