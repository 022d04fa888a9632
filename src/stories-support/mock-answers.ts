// The mock payment server's answers for the page resources, built from its own fixtures and texts without its
// Express app or store, so the browser (MSW in Storybook) can give them.
import { CHECK_TEXTS, FALLBACK_TEXT } from '../../mocks/check-messages';
import { ACCOUNT_FIXTURES, bankOfCard, PAYEES, payeeName } from '../../mocks/fixtures';
import { maskCardNumber } from '../core/payment-data';
import type { BiometricEnrolment, CashierResources, CheckResource } from '../core/service-interfaces';
import type { Locale } from '../core/types';

/** The mock's fixtures start with nothing enrolled. */
export const NOT_ENROLLED: BiometricEnrolment = { fingerprint: false, face: false, credentialIds: [] };

/** GET /page-resources/cashier, as mocks/page-resources.ts answers for a fixture account (after the given enrolments). */
export function cashierResources(
  accountId: string,
  payeeAccount = PAYEES[0]?.payeeAccount ?? '',
  enrolled: BiometricEnrolment = NOT_ENROLLED,
): CashierResources {
  const cards = ACCOUNT_FIXTURES.find((account) => account.accountId === accountId)?.cards ?? [];
  return {
    passwordComponent: 'six-digit',
    shuffleKeys: false,
    cards: cards.map((cardNumber) => ({ cardNumber, masked: maskCardNumber(cardNumber), bankName: bankOfCard(cardNumber)?.name ?? 'Unknown bank' })),
    payeeName: payeeName(payeeAccount) ?? payeeAccount,
    enrolled: { ...enrolled, credentialIds: [...enrolled.credentialIds] },
  };
}

/** The https origins the mock server's correction links may point to (its default allowlist; the test keeps them equal). */
export const LINK_ORIGINS: readonly string[] = ['https://bank.example', 'https://merchant.example'];

/** POST /page-resources/checks: the localized text and correction link of each failed keyword. */
export function checkResources(keys: string[], locale: Locale): CheckResource[] {
  return keys.map((key) => {
    const text = Object.hasOwn(CHECK_TEXTS, key) ? (CHECK_TEXTS[key] ?? FALLBACK_TEXT) : FALLBACK_TEXT;
    const resource: CheckResource = { key, message: text.message[locale] };
    if (text.correctionUrl) resource.correctionUrl = `${text.correctionUrl}?lang=${locale}`;
    return resource;
  });
}
