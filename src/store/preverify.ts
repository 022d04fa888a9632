// S1–S2 and the pre-order: payment data → verification data → per-keyword checks against the rule base → pre-order.
import type { CashierApi } from '../api/cashier-api';
import { ApiError, toApiError } from '../api/api-error';
import { safeCorrectionUrl, sanitizeServerText } from '../core/server-content';
import type { PreorderResponse } from '../core/service-interfaces';
import type { FailedCheck, Locale, PaymentData } from '../core/types';
import { type SingleKeywordResult, verifyPaymentData } from '../core/verification';
import { checkReason } from '../i18n/check-reasons';
import type { FlowError } from './payment-state';

export type PreverifyOutcome =
  | { passed: false; checkResults: SingleKeywordResult[]; failedChecks: FailedCheck[]; droppedUrls: string[] }
  | { passed: true; checkResults: SingleKeywordResult[]; preorder: PreorderResponse };

export const asFlowError = (error: unknown): FlowError => {
  const e = toApiError(error);
  return { code: e.code, message: e.message, ...(e.field ? { field: e.field } : {}) };
};

/** Pre-verifies an already validated payment; on pass, places the pre-order (S3 preparation). */
export async function preverifyPayment(
  api: CashierApi,
  payment: PaymentData,
  locale: Locale,
  allowedLinkOrigins: readonly string[],
): Promise<PreverifyOutcome> {
  const { verificationData, ruleBase } = await api.preverify(payment);
  const verification = verifyPaymentData(payment, verificationData, ruleBase);
  if (!verification.passed) {
    const failed = verification.results.filter((r) => !r.passed);
    return { passed: false, checkResults: verification.results, ...(await describeFailedChecks(api, failed, locale, payment, allowedLinkOrigins)) };
  }
  const preorder = await api.preorder(payment);
  return { passed: true, checkResults: verification.results, preorder };
}

/** S221: page resources (message + correction link) for the failed checks; the engine's own message when they cannot be had. */
async function describeFailedChecks(
  api: CashierApi,
  failed: SingleKeywordResult[],
  locale: Locale,
  payment: PaymentData,
  allowedLinkOrigins: readonly string[],
): Promise<{ failedChecks: FailedCheck[]; droppedUrls: string[] }> {
  const droppedUrls: string[] = [];
  let resources = new Map<string, { message: string; correctionUrl?: string }>();
  let origins: readonly string[] = allowedLinkOrigins;
  try {
    const answer = await api.checkResources(
      failed.map((r) => r.key),
      locale,
      payment.accountId,
    );
    resources = new Map(answer.checks.map((c) => [c.key, c]));
    origins = [...(answer.linkOrigins ?? []), ...allowedLinkOrigins];
  } catch (error) {
    if (!(error instanceof ApiError)) throw error;
  }
  const failedChecks = failed.map((result): FailedCheck => {
    const resource = resources.get(result.key);
    // The reason with its figures (limit, amount) where the rule's parameters have them; else the page resource's words.
    const message = checkReason(result, payment, locale) ?? sanitizeServerText(resource?.message || result.message);
    const check: FailedCheck = { key: result.key, message };
    if (resource?.correctionUrl) {
      const url = safeCorrectionUrl(resource.correctionUrl, origins);
      if (url) check.correctionUrl = url;
      else droppedUrls.push(result.key);
    }
    return check;
  });
  return { failedChecks, droppedUrls };
}
