import axios, { type AxiosInstance, type AxiosRequestConfig } from 'axios';
import { toApiError } from './api-error';

export const DEFAULT_TIMEOUT_MS = 15_000;

/** One axios instance per payment server base URL. */
export function createHttp(baseURL: string, timeout = DEFAULT_TIMEOUT_MS): AxiosInstance {
  return axios.create({
    baseURL: baseURL.replace(/\/+$/, ''),
    timeout,
    // Payment answers are JSON; anything else is treated as malformed by the validators.
    responseType: 'json',
    withCredentials: false,
  });
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Sends a request and validates the body. `retries` is only for requests that are safe to repeat
 * (reads and pre-verification); a payment is never retried here.
 */
export async function request<T>(
  http: AxiosInstance,
  config: AxiosRequestConfig,
  parse: (body: unknown) => T,
  retries = 0,
): Promise<T> {
  for (let attempt = 0; ; attempt++) {
    try {
      const response = await http.request<unknown>(config);
      return parse(response.data);
    } catch (error) {
      const apiError = toApiError(error);
      if (!apiError.transient || attempt >= retries) throw apiError;
      await sleep(200 * 2 ** attempt);
    }
  }
}
