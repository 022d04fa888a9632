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

/**
 * A correction link is kept only when it is http(s) or a same-origin relative URL; anything else
 * (javascript:, data:, protocol-relative to another host, malformed) gives null.
 */
export function safeCorrectionUrl(raw: string, pageOrigin = 'http://localhost'): string | null {
  if (typeof raw !== 'string' || raw.length === 0 || raw.length > MAX_URL_LENGTH) return null;
  if (FORMATTING_CHARACTERS.test(raw)) {
    FORMATTING_CHARACTERS.lastIndex = 0;
    return null;
  }
  FORMATTING_CHARACTERS.lastIndex = 0;
  if (/\s/.test(raw.trim()) || raw.trim() !== raw) return null;
  let url: URL;
  let base: URL;
  try {
    base = new URL(pageOrigin);
    url = new URL(raw, base);
  } catch {
    return null;
  }
  const relative = !/^[a-z][a-z0-9+.-]*:/i.test(raw);
  if (relative) return url.origin === base.origin ? url.href : null;
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return null;
  if (url.username || url.password) return null;
  return url.href;
}
