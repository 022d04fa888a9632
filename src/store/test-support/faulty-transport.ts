// A test transport for the cashier's API client: the real axios HTTP adapter, with faults injected at every boundary.
import { Agent } from 'node:http';
import axios, {
  AxiosError,
  type AxiosAdapter,
  type AxiosInstance,
  type AxiosResponse,
  type InternalAxiosRequestConfig,
} from 'axios';

/** Which service interface a request goes to (by path). */
export type Endpoint = 'pay' | 'status' | 'challenge' | 'preverify' | 'preorder' | 'resources' | 'checks' | 'other';

/**
 * - `dropRequest`: the request never reaches the server (a network error).
 * - `dropAnswer`: the server acts, its answer is lost (a network error).
 * - `malformed`: the server acts, a proxy answers 200 with an HTML page.
 * - `serverError`: a gateway answers 502 without reaching the server.
 * - `serverErrorAfter`: the server acts, the answer is replaced by a 503 (a gateway timing out behind it).
 * - `delay`: the request waits a little before it is sent.
 * - `processing`: the server acts, a gateway answers `processing` for the payment (only on `pay`).
 */
export type TransportFault = 'dropRequest' | 'dropAnswer' | 'malformed' | 'serverError' | 'serverErrorAfter' | 'delay' | 'processing';

/** One answer the server itself gave (before any fault replaced it). */
export interface ServerAnswer {
  endpoint: Endpoint;
  status: number;
  /** The body, parsed when it is JSON. */
  body: unknown;
  /** The request's Idempotency-Key header (pay). */
  idempotencyKey?: string;
}

export interface FaultyTransportOptions {
  baseUrl: string;
  /** The fault for this request, if any; asked once per request. */
  takeFault: (endpoint: Endpoint) => TransportFault | undefined;
  /** Told of every fault that actually fired. */
  onFault?: (endpoint: Endpoint, fault: TransportFault) => void;
  /** Told of every answer the server gave, even one a fault then drops or replaces. */
  onServerAnswer?: (answer: ServerAnswer) => void;
  /**
   * Holds each answer (or failure) until the caller lets it through: the model test passes fc.scheduler's `schedule`,
   * so the order in which answers and pushed results arrive is generated.
   */
  gate?: <T>(value: T, label: string) => Promise<T>;
  /** Told when a request starts and when its answer (or failure) is ready to be delivered: work the caller cannot see. */
  onBusy?: (delta: 1 | -1) => void;
  /** Refuses every request without sending it (a finished test run: late work must not reach the next run's server). */
  closed?: () => boolean;
  /** Keep-alive connections shared between runs; the caller destroys it. */
  agent?: Agent;
  /** How long the `delay` fault waits. */
  delayMs?: number;
  timeoutMs?: number;
}

export function endpointOf(url: string | undefined): Endpoint {
  const path = (url ?? '').split('?')[0] ?? '';
  if (path.endsWith('/pay')) return 'pay';
  if (path.endsWith('/payments/status')) return 'status';
  if (path.endsWith('/password/challenge')) return 'challenge';
  if (path.endsWith('/preverify')) return 'preverify';
  if (path.endsWith('/preorder')) return 'preorder';
  if (path.endsWith('/page-resources/cashier')) return 'resources';
  if (path.endsWith('/page-resources/checks')) return 'checks';
  return 'other';
}

const HTML_PAGE = '<!doctype html><html><head><title>502 Bad Gateway</title></head><body><h1>Bad Gateway</h1></body></html>';

function parsed(data: unknown): unknown {
  if (typeof data !== 'string') return data;
  try {
    return JSON.parse(data);
  } catch {
    return data;
  }
}

function networkError(config: InternalAxiosRequestConfig, message: string): AxiosError {
  return new AxiosError(message, 'ECONNRESET', config);
}

/** A response made by the transport; rejected like axios does when the status is not accepted. */
function synthetic(config: InternalAxiosRequestConfig, status: number, data: string, contentType: string): AxiosResponse {
  return { status, statusText: String(status), data, headers: { 'content-type': contentType }, config, request: undefined };
}

function settle(config: InternalAxiosRequestConfig, response: AxiosResponse): AxiosResponse {
  const accepted = config.validateStatus ? config.validateStatus(response.status) : response.status < 300;
  if (accepted) return response;
  const code = response.status >= 500 ? AxiosError.ERR_BAD_RESPONSE : AxiosError.ERR_BAD_REQUEST;
  throw new AxiosError(`Request failed with status code ${response.status}`, code, config, undefined, response);
}

/** A `processing` answer for this payment request, as a gateway that gave up waiting would send it. */
function processingAnswer(config: InternalAxiosRequestConfig): string {
  const body = parsed(config.data) as { payment?: { orderId?: unknown; amount?: unknown }; authentication?: { method?: unknown } };
  return JSON.stringify({
    status: 'processing',
    orderId: body.payment?.orderId,
    amount: body.payment?.amount,
    method: body.authentication?.method,
    message: 'The payment is being processed',
    at: new Date().toISOString(),
  });
}

const wait = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** An axios instance for createCashierApi whose requests go through the real HTTP adapter, with faults. */
export function createFaultyHttp(options: FaultyTransportOptions): AxiosInstance {
  const { takeFault, onFault, onServerAnswer, closed, onBusy } = options;
  const release = options.gate ?? (<T>(value: T) => Promise.resolve(value));
  const gate = <T>(value: T, label: string) => {
    onBusy?.(-1);
    return release(value, label);
  };
  const agent = options.agent ?? new Agent({ keepAlive: false });
  const http = axios.create({
    baseURL: options.baseUrl.replace(/\/+$/, ''),
    timeout: options.timeoutMs ?? 5_000,
    responseType: 'json',
    httpAgent: agent,
  });
  const real = axios.getAdapter('http');

  /** Sends for real and reports what the server answered, whether axios accepts the status or not. */
  const send = async (config: InternalAxiosRequestConfig, endpoint: Endpoint): Promise<AxiosResponse | AxiosError> => {
    const idempotencyKey = config.headers?.get?.('Idempotency-Key');
    try {
      const response = await real(config);
      onServerAnswer?.({ endpoint, status: response.status, body: parsed(response.data), idempotencyKey: idempotencyKey as string | undefined });
      return response;
    } catch (error) {
      if (error instanceof AxiosError && error.response) {
        const { status, data } = error.response;
        onServerAnswer?.({ endpoint, status, body: parsed(data), idempotencyKey: idempotencyKey as string | undefined });
      }
      if (error instanceof AxiosError) return error;
      throw error;
    }
  };

  const adapter: AxiosAdapter = async (config) => {
    const endpoint = endpointOf(config.url);
    const label = `${config.method?.toUpperCase()} ${endpoint}`;
    if (closed?.()) throw networkError(config, 'The test run is over');
    onBusy?.(1);
    let fault = takeFault(endpoint);
    if (fault === 'processing' && endpoint !== 'pay') fault = 'malformed';
    if (fault) onFault?.(endpoint, fault);
    if (fault === 'delay') await wait(options.delayMs ?? 3);
    if (fault === 'dropRequest') return gate(networkError(config, 'socket hang up'), `${label} dropped`).then((e) => Promise.reject(e));
    if (fault === 'serverError') {
      const response = synthetic(config, 502, HTML_PAGE, 'text/html');
      return gate(response, `${label} 502`).then((r) => settle(config, r));
    }
    const answer = await send(config, endpoint);
    let delivered: AxiosResponse | AxiosError = answer;
    if (fault === 'dropAnswer') delivered = networkError(config, 'socket hang up after the request was sent');
    if (fault === 'malformed') delivered = synthetic(config, 200, HTML_PAGE, 'text/html');
    if (fault === 'serverErrorAfter') delivered = synthetic(config, 503, '{"message":"upstream timed out"}', 'application/json');
    if (fault === 'processing') delivered = synthetic(config, 200, processingAnswer(config), 'application/json');
    const released = await gate(delivered, `${label}${fault && fault !== 'delay' ? ` ${fault}` : ''}`);
    if (released instanceof AxiosError) throw released;
    return settle(config, released);
  };
  http.defaults.adapter = adapter;
  return http;
}
