// Content from the payment server (page resources) is untrusted: neutralise it before it is shown or linked.

const MAX_URL_LENGTH = 2048;
const MAX_TEXT_LENGTH = 300;
// Bidirectional overrides/isolates and other invisible formatting characters that can disguise text.
// biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are exactly what this strips.
const FORMATTING_CHARACTERS = /[\u200B-\u200F\u202A-\u202E\u2060-\u2069\uFEFF\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g;

/** Plain text for display: formatting characters removed, whitespace folded, length capped. React escapes markup. */
export function sanitizeServerText(text: string, maxLength = MAX_TEXT_LENGTH): string {
  const clean = text.replace(FORMATTING_CHARACTERS, '').replace(/\s+/g, ' ').trim();
  return clean.length > maxLength ? `${clean.slice(0, maxLength - 1)}…` : clean;
}

/** A bare https origin: scheme, host and optional port, nothing after. */
export const HTTPS_ORIGIN = /^https:\/\/[A-Za-z0-9.-]{1,253}(:\d{1,5})?$/;

/**
 * A correction link is kept only when it is an absolute https URL, without credentials, on one of `allowedOrigins`
 * (bare https origins); anything else (http:, javascript:, data:, relative, another host, malformed) gives null.
 */
export function safeCorrectionUrl(raw: string, allowedOrigins: readonly string[]): string | null {
  if (typeof raw !== 'string' || raw.length === 0 || raw.length > MAX_URL_LENGTH) return null;
  if (FORMATTING_CHARACTERS.test(raw)) {
    FORMATTING_CHARACTERS.lastIndex = 0;
    return null;
  }
  FORMATTING_CHARACTERS.lastIndex = 0;
  if (/\s/.test(raw) || !/^https:\/\//i.test(raw)) return null;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return null;
  }
  if (url.protocol !== 'https:' || url.username || url.password) return null;
  const allowed = allowedOrigins.some((origin) => HTTPS_ORIGIN.test(origin) && new URL(origin).origin === url.origin);
  return allowed ? url.href : null;
}
