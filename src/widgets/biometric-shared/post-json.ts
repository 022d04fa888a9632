// fetch, not axios: keeps the biometric widgets inside their size budgets. Errors carry the server's ApiErrorBody code.
import { obj, oneOfLiteral } from '../../core/schema';
import type { BiometricEnrollmentResponse } from '../../core/service-interfaces';

export class BiometricApiError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly status?: number,
  ) {
    super(message);
    this.name = 'BiometricApiError';
  }
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null;

/** POSTs JSON to `apiBaseUrl + path` and returns the parsed answer; any failure is a BiometricApiError. */
export async function postJson<T>(apiBaseUrl: string, path: string, body: unknown, parse: (body: unknown) => T, signal?: AbortSignal): Promise<T> {
  let response: Response;
  try {
    response = await fetch(`${apiBaseUrl.replace(/\/+$/, '')}${path}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(body),
      signal,
    });
  } catch (error) {
    if (signal?.aborted) throw new BiometricApiError('ABORTED', 'The request was cancelled');
    throw new BiometricApiError('NETWORK', error instanceof Error ? error.message : 'The payment server could not be reached');
  }
  const answer: unknown = await response.json().catch(() => undefined);
  if (!response.ok) {
    const code = isRecord(answer) && typeof answer.code === 'string' ? answer.code : `HTTP_${response.status}`;
    const message = isRecord(answer) && typeof answer.message === 'string' ? answer.message : `The payment server answered ${response.status}`;
    throw new BiometricApiError(code, message, response.status);
  }
  try {
    return parse(answer);
  } catch (error) {
    throw new BiometricApiError('MALFORMED_RESPONSE', error instanceof Error ? error.message : 'The answer could not be read');
  }
}

/** The answer of both enrolment interfaces. */
export const parseEnrolled = (body: unknown): BiometricEnrollmentResponse => obj({ enrolled: oneOfLiteral(true) })(body, '');
