// Page resources interface (S221 check-fail page resources; the cashier page's password SDK identification).
import { Router } from 'express';
import { maskCardNumber } from '../src/core/payment-data';
import { safeCorrectionUrl } from '../src/core/server-content';
import type { BiometricEnrolment, CashierResources, CheckResource, CheckResourcesResponse } from '../src/core/service-interfaces';
import type { Locale } from '../src/core/types';
import { biometricsOf } from './biometric-enrollment';
import { CHECK_TEXTS, FALLBACK_TEXT } from './check-messages';
import { badRequest } from './errors';
import { bankOfCard, PAYEES, payeeName } from './fixtures';
import { type EnrolledOverride, scenarioGate } from './scenario';
import type { MockStore } from './state';
import { parseCheckResourcesRequest, requireValid } from './validation';

const ID = /^[A-Za-z0-9_.:-]{1,64}$/;

function localeOf(value: string): Locale {
  return value === 'zh-CN' ? 'zh-CN' : 'en-US';
}

/** The resource as answered: a correction link off the server's allowlist is dropped (the message stays). */
function answered(store: MockStore, key: string, message: string, correctionUrl?: string): CheckResource {
  const url = correctionUrl === undefined ? null : safeCorrectionUrl(correctionUrl, store.config.linkOrigins);
  return url === null ? { key, message } : { key, message, correctionUrl: url };
}

/** Localized text and link per failed keyword; an admin override (security tests) wins, filtered like the rest. */
export function checkResources(store: MockStore, keys: string[], locale: Locale): CheckResource[] {
  const overrides = store.scenario.pageResources?.checks ?? {};
  return keys.map((key) => {
    const override = Object.hasOwn(overrides, key) ? overrides[key] : undefined;
    if (override) return answered(store, key, override.message, override.correctionUrl);
    const text = Object.hasOwn(CHECK_TEXTS, key) ? (CHECK_TEXTS[key] ?? FALLBACK_TEXT) : FALLBACK_TEXT;
    return answered(store, key, text.message[locale], text.correctionUrl && `${text.correctionUrl}?lang=${locale}`);
  });
}

/** The account's enrolments: fixtures start with none; WebAuthn registration and face enrolment add them. */
export function enrolmentOf(store: MockStore, accountId: string): BiometricEnrolment {
  const biometrics = biometricsOf(store);
  const credentialIds = (biometrics.credentials.get(accountId) ?? []).map((credential) => credential.id);
  return { fingerprint: credentialIds.length > 0, face: biometrics.faces.has(accountId), credentialIds };
}

/** The scenario's enrolment, where it says something, over the records. */
function withOverride(records: BiometricEnrolment, override: EnrolledOverride | undefined): BiometricEnrolment {
  if (!override) return records;
  const credentialIds = override.credentialIds ?? records.credentialIds;
  return { fingerprint: credentialIds.length > 0, face: override.face ?? records.face, credentialIds };
}

export function cashierResources(store: MockStore, accountId: string, payeeAccount: string): CashierResources {
  const override = store.scenario.pageResources;
  const cards = store.accounts.get(accountId)?.cards ?? [];
  return {
    passwordComponent: override?.passwordComponent ?? 'six-digit',
    shuffleKeys: override?.shuffleKeys ?? false,
    cards: cards.map((cardNumber) => ({
      cardNumber,
      masked: maskCardNumber(cardNumber),
      bankName: bankOfCard(cardNumber)?.name ?? 'Unknown bank',
    })),
    payeeName: payeeName(payeeAccount) ?? payeeAccount,
    enrolled: withOverride(enrolmentOf(store, accountId), override?.enrolled),
  };
}

export function pageResourcesRoutes(store: MockStore): Router {
  const router = Router();
  const gate = scenarioGate(store, 'page-resources');
  router.post('/page-resources/checks', gate, (req, res) => {
    const { keys, locale } = requireValid(parseCheckResourcesRequest(req.body));
    const response: CheckResourcesResponse = {
      checks: checkResources(store, [...new Set(keys)], localeOf(locale)),
      linkOrigins: [...store.config.linkOrigins],
    };
    res.json(response);
  });
  router.get('/page-resources/cashier', gate, (req, res) => {
    const { accountId, payeeAccount = PAYEES[0]?.payeeAccount } = req.query;
    if (typeof accountId !== 'string' || !ID.test(accountId)) {
      throw badRequest('accountId is required: 1-64 characters of [A-Za-z0-9_.:-]', 'accountId');
    }
    if (typeof payeeAccount !== 'string' || !ID.test(payeeAccount)) {
      throw badRequest('payeeAccount must be 1-64 characters of [A-Za-z0-9_.:-]', 'payeeAccount');
    }
    res.json(cashierResources(store, accountId, payeeAccount));
  });
  return router;
}
