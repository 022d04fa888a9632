// Fault injection (POST /__admin/scenario): delays, injected 500s, dropped or broken answers, page resource overrides.
import type { RequestHandler } from 'express';
import { KEYWORD_PATTERN } from '../src/core/rule-base';
import { CREDENTIAL_ID } from '../src/core/wire-validation';
import { ApiError, badRequest } from './errors';
import type { MockStore } from './state';

export const SCENARIO_NAMES = [
  'normal',
  'slow',
  'server-error',
  'drop-pay-response',
  'drop-events',
  'processing',
  'malformed-pay-response',
  'pay-error-after-charge',
] as const;
export type ScenarioName = (typeof SCENARIO_NAMES)[number];

/** Faults that only /pay knows how to apply: they act after (or instead of) the normal answer. */
const PAY_FAULTS = ['drop-pay-response', 'processing', 'malformed-pay-response', 'pay-error-after-charge'] as const;
export interface PayFault {
  name: (typeof PAY_FAULTS)[number];
  delayMs: number;
}
const isPayFault = (name: ScenarioName): name is PayFault['name'] => (PAY_FAULTS as readonly string[]).includes(name);

/** How long a `processing` payment takes to settle unless delayMs says otherwise. */
export const PROCESSING_DELAY_MS = 2000;

/** Names of the service interfaces a fault can target. */
export const ENDPOINTS = [
  'preverify',
  'preorder',
  'password',
  'pay',
  'status',
  'events',
  'page-resources',
  'track',
  'health',
] as const;
export type Endpoint = (typeof ENDPOINTS)[number];

// health stays up by default so harnesses can still tell the server is running.
const DEFAULT_ENDPOINTS: readonly Endpoint[] = ENDPOINTS.filter((endpoint) => endpoint !== 'health');

export interface CheckOverride {
  message: string;
  correctionUrl?: string;
}

export interface PageResourcesOverride {
  passwordComponent?: 'six-digit' | 'mixed';
  shuffleKeys?: boolean;
  checks?: Record<string, CheckOverride>;
  /**
   * What the page resources say the account enrolled, instead of the server's records: offers a biometric step
   * without enrolling first (the step itself still verifies against the records, so it fails without them).
   */
  enrolled?: EnrolledOverride;
}

export interface EnrolledOverride {
  /** Fingerprint counts as enrolled when the list is not empty (the browser must also remember one of the ids). */
  credentialIds?: string[];
  face?: boolean;
}

export interface Scenario {
  name: ScenarioName;
  delayMs: number;
  endpoints: readonly Endpoint[];
  /** Requests left before the fault ends; undefined = until the next scenario or reset. */
  remaining?: number;
  pageResources?: PageResourcesOverride;
}

export const NORMAL_SCENARIO: Scenario = { name: 'normal', delayMs: 0, endpoints: [] };

const MAX_DELAY_MS = 60_000;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isIntegerIn(value: unknown, min: number, max: number): value is number {
  return Number.isSafeInteger(value) && (value as number) >= min && (value as number) <= max;
}

function parseEndpoints(value: unknown, name: ScenarioName): readonly Endpoint[] {
  if (isPayFault(name)) return ['pay'];
  if (name === 'drop-events') return ['events'];
  if (name === 'normal') return [];
  if (value === undefined) return DEFAULT_ENDPOINTS;
  const known = (item: unknown): item is Endpoint => ENDPOINTS.includes(item as Endpoint);
  if (!Array.isArray(value) || value.length === 0 || !value.every(known)) {
    throw badRequest(`endpoints must be a non-empty array of ${ENDPOINTS.join(', ')}`, 'endpoints');
  }
  return [...new Set(value)];
}

function parseChecks(value: unknown): Record<string, CheckOverride> {
  if (!isRecord(value)) throw badRequest('pageResources.checks must be an object', 'pageResources.checks');
  const checks: Record<string, CheckOverride> = {};
  for (const [key, check] of Object.entries(value)) {
    const field = `pageResources.checks.${key}`;
    if (!KEYWORD_PATTERN.test(key)) throw badRequest('each check override key must be a verification keyword', field);
    if (!isRecord(check) || typeof check.message !== 'string' || check.message.length > 2000) {
      throw badRequest('each check override needs a message string (at most 2000 characters)', field);
    }
    const url = check.correctionUrl;
    if (url !== undefined && (typeof url !== 'string' || url.length > 2000)) {
      throw badRequest('correctionUrl must be a string of at most 2000 characters', field);
    }
    // Any text or URL is allowed on purpose: security tests inject hostile ones.
    checks[key] = url === undefined ? { message: check.message } : { message: check.message, correctionUrl: url };
  }
  return checks;
}

function parsePageResources(value: unknown): PageResourcesOverride | undefined {
  if (value === undefined) return undefined;
  if (!isRecord(value)) throw badRequest('pageResources must be an object', 'pageResources');
  const override: PageResourcesOverride = {};
  const { passwordComponent, shuffleKeys, checks } = value;
  if (passwordComponent !== undefined) {
    if (passwordComponent !== 'six-digit' && passwordComponent !== 'mixed') {
      throw badRequest("passwordComponent must be 'six-digit' or 'mixed'", 'pageResources.passwordComponent');
    }
    override.passwordComponent = passwordComponent;
  }
  if (shuffleKeys !== undefined) {
    if (typeof shuffleKeys !== 'boolean') throw badRequest('shuffleKeys must be a boolean', 'pageResources.shuffleKeys');
    override.shuffleKeys = shuffleKeys;
  }
  if (checks !== undefined) override.checks = parseChecks(checks);
  if (value.enrolled !== undefined) override.enrolled = parseEnrolled(value.enrolled);
  return override;
}

function parseEnrolled(value: unknown): EnrolledOverride {
  if (!isRecord(value)) throw badRequest('enrolled must be an object', 'pageResources.enrolled');
  const enrolled: EnrolledOverride = {};
  const { credentialIds, face } = value;
  if (credentialIds !== undefined) {
    if (!Array.isArray(credentialIds) || credentialIds.length > 20 || !credentialIds.every((id) => typeof id === 'string' && CREDENTIAL_ID.test(id))) {
      throw badRequest('credentialIds must be up to 20 base64url ids', 'pageResources.enrolled.credentialIds');
    }
    enrolled.credentialIds = credentialIds as string[];
  }
  if (face !== undefined) {
    if (typeof face !== 'boolean') throw badRequest('face must be a boolean', 'pageResources.enrolled.face');
    enrolled.face = face;
  }
  return enrolled;
}

export function parseScenario(body: unknown): Scenario {
  if (!isRecord(body)) throw badRequest('Expected a JSON object', 'body');
  const name = body.name as ScenarioName;
  if (!SCENARIO_NAMES.includes(name)) throw badRequest(`name must be one of ${SCENARIO_NAMES.join(', ')}`, 'name');
  const delayMs = body.delayMs ?? (name === 'slow' ? 3000 : name === 'processing' ? PROCESSING_DELAY_MS : 0);
  if (!isIntegerIn(delayMs, 0, MAX_DELAY_MS)) throw badRequest(`delayMs must be an integer 0..${MAX_DELAY_MS}`, 'delayMs');
  if (body.times !== undefined && !isIntegerIn(body.times, 1, 10_000)) {
    throw badRequest('times must be an integer 1..10000', 'times');
  }
  const scenario: Scenario = { name, delayMs, endpoints: parseEndpoints(body.endpoints, name) };
  if (body.times !== undefined) scenario.remaining = body.times as number;
  const pageResources = parsePageResources(body.pageResources);
  if (pageResources) scenario.pageResources = pageResources;
  return scenario;
}

/** Public view of the scenario (what GET/POST /__admin/scenario answer). */
export function describeScenario(scenario: Scenario): Record<string, unknown> {
  const { remaining, ...rest } = scenario;
  return remaining === undefined ? rest : { ...rest, times: remaining };
}

/** Takes one use of the active fault if it targets this endpoint; `times` counts down here. */
function takeFault(store: MockStore, endpoint: Endpoint): Scenario | undefined {
  const scenario = store.scenario;
  if (scenario.name === 'normal' || !scenario.endpoints.includes(endpoint)) return undefined;
  if (scenario.remaining !== undefined) {
    const remaining = scenario.remaining - 1;
    store.scenario =
      remaining > 0 ? { ...scenario, remaining } : { ...NORMAL_SCENARIO, pageResources: scenario.pageResources };
  }
  return scenario;
}

export function delay(store: MockStore, ms: number): Promise<void> {
  return new Promise((resolve) => {
    const stop = () => {
      clearTimeout(timer);
      store.cleanups.delete(stop);
      resolve();
    };
    const timer = setTimeout(stop, ms);
    store.cleanups.add(stop);
  });
}

/** Runs `task` after `ms` unless close() comes first (then it never runs). */
export function later(store: MockStore, ms: number, task: () => void): void {
  const cancel = () => {
    clearTimeout(timer);
    store.cleanups.delete(cancel);
  };
  const timer = setTimeout(() => {
    cancel();
    task();
  }, ms);
  store.cleanups.add(cancel);
}

/** Middleware in front of every service interface: applies the active fault to this request. */
export function scenarioGate(store: MockStore, endpoint: Endpoint): RequestHandler {
  return async (_req, res, next) => {
    const fault = takeFault(store, endpoint);
    if (fault?.name === 'slow') await delay(store, fault.delayMs);
    if (fault?.name === 'server-error') {
      throw new ApiError(500, 'INJECTED_SERVER_ERROR', `Injected server error on ${endpoint}`);
    }
    if (fault && isPayFault(fault.name)) res.locals.payFault = { name: fault.name, delayMs: fault.delayMs } satisfies PayFault;
    if (fault?.name === 'drop-events') res.locals.dropEvents = true;
    next();
  };
}
