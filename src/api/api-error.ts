import { AxiosError } from 'axios';

export type ApiErrorKind = 'network' | 'timeout' | 'http' | 'malformed' | 'aborted';

/** Every failure of a service interface call, typed: callers branch on `kind`, never on axios internals. */
export class ApiError extends Error {
  readonly kind: ApiErrorKind;
  readonly status?: number;
  readonly code: string;
  readonly field?: string;

  constructor(kind: ApiErrorKind, code: string, message: string, status?: number, field?: string) {
    super(message);
    this.name = 'ApiError';
    this.kind = kind;
    this.code = code;
    this.status = status;
    this.field = field;
  }

  /** The outcome of the request is unknown: it may have reached the server. */
  get outcomeUnknown(): boolean {
    return this.kind === 'network' || this.kind === 'timeout' || (this.kind === 'http' && (this.status ?? 0) >= 500);
  }
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null;

export function toApiError(error: unknown): ApiError {
  if (error instanceof ApiError) return error;
  if (error instanceof AxiosError) {
    if (error.code === AxiosError.ERR_CANCELED) return new ApiError('aborted', 'ABORTED', 'The request was cancelled');
    if (error.code === AxiosError.ECONNABORTED || error.code === AxiosError.ETIMEDOUT) {
      return new ApiError('timeout', 'TIMEOUT', 'The payment server did not answer in time');
    }
    const response = error.response;
    if (!response) return new ApiError('network', 'NETWORK', 'The payment server could not be reached');
    const body = response.data;
    const code = isRecord(body) && typeof body.code === 'string' ? body.code.slice(0, 64) : `HTTP_${response.status}`;
    const message =
      isRecord(body) && typeof body.message === 'string' ? body.message.slice(0, 500) : `The payment server answered ${response.status}`;
    const field = isRecord(body) && typeof body.field === 'string' ? body.field.slice(0, 64) : undefined;
    return new ApiError('http', code, message, response.status, field);
  }
  const message = error instanceof Error ? error.message : String(error);
  return new ApiError('malformed', 'MALFORMED_RESPONSE', message);
}
