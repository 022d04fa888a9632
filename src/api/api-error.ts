import { AxiosError } from 'axios';
import { parseApiErrorBody } from '../core/wire-validation';

export type ApiErrorKind = 'network' | 'timeout' | 'http' | 'malformed' | 'aborted';

/**
 * Every failure of a service interface call, typed: callers branch on `kind` and `refused`, never on axios internals.
 * The one error type of every service interface (payment, password, biometrics, page resources, tracking).
 */
export class ApiError extends Error {
  readonly kind: ApiErrorKind;
  readonly status?: number;
  readonly code: string;
  readonly field?: string;
  /** The server positively refused the request: a 4xx whose body is a well-formed error body. */
  readonly refused: boolean;

  constructor(kind: ApiErrorKind, code: string, message: string, options: { status?: number; field?: string; refused?: boolean } = {}) {
    super(message);
    this.name = 'ApiError';
    this.kind = kind;
    this.code = code;
    this.status = options.status;
    this.field = options.field;
    this.refused = options.refused ?? false;
  }

  /**
   * The request may have been acted on, so its outcome must be learned, never guessed: anything but a positive
   * refusal (network, timeout, 5xx, a body that cannot be read, a 4xx without a well-formed error body).
   */
  get outcomeUnknown(): boolean {
    return !this.refused && this.kind !== 'aborted';
  }

  /** Worth sending again for a request that is safe to repeat (reads, pre-verification). */
  get transient(): boolean {
    return this.kind === 'network' || this.kind === 'timeout' || (this.kind === 'http' && (this.status ?? 0) >= 500);
  }
}

export function toApiError(error: unknown): ApiError {
  if (error instanceof ApiError) return error;
  if (error instanceof AxiosError) {
    if (error.code === AxiosError.ERR_CANCELED) return new ApiError('aborted', 'ABORTED', 'The request was cancelled');
    if (error.code === AxiosError.ECONNABORTED || error.code === AxiosError.ETIMEDOUT) {
      return new ApiError('timeout', 'TIMEOUT', 'The payment server did not answer in time');
    }
    const response = error.response;
    if (!response) return new ApiError('network', 'NETWORK', 'The payment server could not be reached');
    const status = response.status;
    let body: ReturnType<typeof parseApiErrorBody> | undefined;
    try {
      body = parseApiErrorBody(response.data);
    } catch {
      body = undefined;
    }
    if (!body) return new ApiError('http', `HTTP_${status}`, `The payment server answered ${status}`, { status });
    return new ApiError('http', body.code, body.message, { status, field: body.field, refused: status >= 400 && status < 500 });
  }
  const message = error instanceof Error ? error.message : String(error);
  return new ApiError('malformed', 'MALFORMED_RESPONSE', message);
}
