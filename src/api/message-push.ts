import type { PaymentResult } from '../core/service-interfaces';
import { parsePaymentResult } from '../core/wire-validation';

/**
 * Message push: listens to the server-sent event stream for one order's payment result.
 * Returns a function that closes the stream. Malformed events are ignored (the status query is the fallback).
 */
export function subscribePaymentResult(
  baseUrl: string,
  orderId: string,
  onResult: (result: PaymentResult) => void,
  onBroken?: () => void,
): () => void {
  if (typeof EventSource === 'undefined') return () => undefined;
  const url = `${baseUrl.replace(/\/+$/, '')}/events?orderId=${encodeURIComponent(orderId)}`;
  const source = new EventSource(url);
  const onPayment = (event: MessageEvent<string>) => {
    try {
      onResult(parsePaymentResult(JSON.parse(event.data)));
    } catch {
      // A broken push message is not a payment result; keep listening.
    }
  };
  const onError = () => {
    if (source.readyState === EventSource.CLOSED) onBroken?.();
  };
  source.addEventListener('payment', onPayment as EventListener);
  source.addEventListener('error', onError);
  return () => {
    source.removeEventListener('payment', onPayment as EventListener);
    source.removeEventListener('error', onError);
    source.close();
  };
}
