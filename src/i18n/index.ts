import type { Locale } from '../core/types';
import { type MessageKey, type Messages, messagesEnUS } from './messages.en-US';
import { messagesZhCN } from './messages.zh-CN';

export type { MessageKey, Messages };
export type MessageParams = Record<string, string | number>;
export type Translator = (key: MessageKey, params?: MessageParams) => string;

const catalogs: Record<Locale, Messages> = { 'zh-CN': messagesZhCN, 'en-US': messagesEnUS };

function catalogFor(locale: Locale): Messages {
  const messages = catalogs[locale];
  if (!messages) throw new RangeError(`Unsupported locale "${locale}": use "zh-CN" or "en-US"`);
  return messages;
}

/** The message `key` in `locale`, with each `{name}` replaced by `params[name]`. */
export function t(locale: Locale, key: MessageKey, params?: MessageParams): string {
  const text = catalogFor(locale)[key];
  return params ? text.replace(/\{(\w+)\}/g, (all, name: string) => String(params[name] ?? all)) : text;
}

export function createTranslator(locale: Locale): Translator {
  catalogFor(locale);
  return (key, params) => t(locale, key, params);
}

/** A date and time for people in `locale`; the raw text if it is not a valid ISO 8601 time. */
export function formatDateTime(locale: Locale, iso: string): string {
  const at = new Date(iso);
  if (Number.isNaN(at.getTime())) return iso;
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }).format(at);
}
