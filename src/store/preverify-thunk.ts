import { createAsyncThunk } from '@reduxjs/toolkit';
import { ApiError, toApiError } from '../api/api-error';
import { cashierApiFor } from '../api/cashier-api';
import { validatePaymentData } from '../core/payment-data';
import type { PreorderResponse } from '../core/service-interfaces';
import type { FailedCheck, Locale, PaymentData } from '../core/types';
import { type SingleKeywordResult, verifyPaymentData } from '../core/verification';
import { safeCorrectionUrl, sanitizeServerText } from '../core/server-content';
import type { FlowError } from './payment-state';

export interface PreverifyArgs {
  payment: PaymentData;
  apiBaseUrl: string;
  locale: Locale;
  /** The origin relative correction URLs resolve against (the page's). */
  pageOrigin?: string;
}

export type PreverifyOutcome =
  | { passed: false; checkResults: SingleKeywordResult[]; failedChecks: FailedCheck[]; droppedUrls: string[] }
  | { passed: true; checkResults: SingleKeywordResult[]; preorder: PreorderResponse };

const asFlowError = (error: unknown): FlowError => {
  const e = toApiError(error);
  return { code: e.code, message: e.message, ...(e.field ? { field: e.field } : {}) };
};

/** S1–S2: payment data → verification data from the server → per-keyword checks against the rule base; on pass, the pre-order (S3 preparation). */
export const preverifyPayment = createAsyncThunk<PreverifyOutcome, PreverifyArgs, { rejectValue: FlowError }>(
  'payment/preverify',
  async ({ payment, apiBaseUrl, locale, pageOrigin }, { rejectWithValue }) => {
    const validation = validatePaymentData(payment);
    if (!validation.ok) {
      const failedChecks = validation.errors.map((e) => ({ key: e.field, message: e.message }));
      return { passed: false, checkResults: [], failedChecks, droppedUrls: [] };
    }
    const api = cashierApiFor(apiBaseUrl);
    try {
      const { verificationData, ruleBase } = await api.preverify(validation.value);
      const verification = verifyPaymentData(validation.value, verificationData, ruleBase);
      if (!verification.passed) {
        const failed = verification.results.filter((r) => !r.passed);
        return { passed: false, checkResults: verification.results, ...(await describeFailedChecks(api, failed, locale, payment, pageOrigin)) };
      }
      const preorder = await api.preorder(validation.value);
      return { passed: true, checkResults: verification.results, preorder };
    } catch (error) {
      return rejectWithValue(asFlowError(error));
    }
  },
);

/** S221: page resources (message + correction link) for the failed checks; the engine's own message when they cannot be had. */
async function describeFailedChecks(
  api: ReturnType<typeof cashierApiFor>,
  failed: SingleKeywordResult[],
  locale: Locale,
  payment: PaymentData,
  _pageOrigin?: string,
): Promise<{ failedChecks: FailedCheck[]; droppedUrls: string[] }> {
  const droppedUrls: string[] = [];
  let resources: Map<string, { message: string; correctionUrl?: string }> = new Map();
  let linkOrigins: readonly string[] = [];
  try {
    const answer = await api.checkResources(
      failed.map((r) => r.key),
      locale,
      payment.accountId,
    );
    resources = new Map(answer.checks.map((c) => [c.key, c]));
    linkOrigins = answer.linkOrigins ?? [];
  } catch (error) {
    if (!(error instanceof ApiError)) throw error;
  }
  const failedChecks = failed.map((result): FailedCheck => {
    const resource = resources.get(result.key);
    const check: FailedCheck = { key: result.key, message: sanitizeServerText(resource?.message || result.message) };
    if (resource?.correctionUrl) {
      const url = safeCorrectionUrl(resource.correctionUrl, linkOrigins);
      if (url) check.correctionUrl = url;
      else droppedUrls.push(result.key);
    }
    return check;
  });
  return { failedChecks, droppedUrls };
}
