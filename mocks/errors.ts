// Every 4xx/5xx answer of the mock is an ApiErrorBody; this module is the one place that shapes them.
import type { ErrorRequestHandler, RequestHandler } from 'express';
import type { ApiErrorBody } from '../src/core/service-interfaces';

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly field?: string,
  ) {
    super(message);
  }

  /** Headers sent with the error answer (Retry-After, Allow). */
  headers: Record<string, string> = {};

  withHeaders(headers: Record<string, string>): this {
    this.headers = { ...this.headers, ...headers };
    return this;
  }

  toBody(): ApiErrorBody {
    return this.field === undefined
      ? { code: this.code, message: this.message }
      : { code: this.code, message: this.message, field: this.field };
  }
}

export function badRequest(message: string, field?: string): ApiError {
  return new ApiError(400, 'INVALID_REQUEST', message, field);
}

// body-parser marks its errors with `type`; map each to a stable code a client can act on.
const bodyParserCodes: Record<string, [number, string, string]> = {
  'entity.parse.failed': [400, 'MALFORMED_JSON', 'The request body is not valid JSON'],
  'entity.too.large': [413, 'PAYLOAD_TOO_LARGE', 'The request body is too large'],
  'encoding.unsupported': [415, 'UNSUPPORTED_ENCODING', 'The content encoding is not supported'],
  'charset.unsupported': [415, 'UNSUPPORTED_ENCODING', 'The charset is not supported'],
  'request.aborted': [400, 'REQUEST_ABORTED', 'The request was aborted'],
  'request.size.invalid': [400, 'INVALID_REQUEST', 'The request body size does not match Content-Length'],
};

function toApiError(err: unknown): ApiError | undefined {
  if (err instanceof ApiError) return err;
  if (typeof err !== 'object' || err === null) return undefined;
  const { type, status, statusCode } = err as { type?: unknown; status?: unknown; statusCode?: unknown };
  const known = typeof type === 'string' ? bodyParserCodes[type] : undefined;
  if (known) return new ApiError(known[0], known[1], known[2]);
  const httpStatus = typeof status === 'number' ? status : statusCode;
  // Other 4xx errors from Express itself (e.g. an undecodable path parameter) stay client errors.
  if (typeof httpStatus === 'number' && httpStatus >= 400 && httpStatus < 500) {
    return new ApiError(httpStatus, 'BAD_REQUEST', 'The request could not be understood');
  }
  return undefined;
}

export const notFound: RequestHandler = (req, _res, next) => {
  next(new ApiError(404, 'NOT_FOUND', `No route ${req.method} ${req.path}`));
};

export function errorHandler(log: (err: unknown) => void): ErrorRequestHandler {
  return (err, _req, res, _next) => {
    const apiError = toApiError(err);
    if (res.headersSent) {
      res.destroy();
      return;
    }
    if (apiError) {
      res.set(apiError.headers);
      res.status(apiError.status).json(apiError.toBody());
      return;
    }
    log(err);
    res.status(500).json({ code: 'INTERNAL', message: 'Unexpected server error' } satisfies ApiErrorBody);
  };
}
