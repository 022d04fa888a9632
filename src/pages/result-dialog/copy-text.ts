// Copies text: the async Clipboard API where the page may use it, else the older selection + execCommand path.

/** Resolves true once `text` is on the clipboard, false when neither way was allowed. */
export async function copyText(text: string, doc: Document = document): Promise<boolean> {
  try {
    if (typeof navigator !== 'undefined' && navigator.clipboard?.writeText) {
      await navigator.clipboard.writeText(text);
      return true;
    }
  } catch {
    // Refused (no permission, not focused, an insecure origin): try the fallback below.
  }
  return copyBySelection(text, doc);
}

/** The fallback: an off-screen read-only textarea, selected and copied, then removed; focus goes back where it was. */
function copyBySelection(text: string, doc: Document): boolean {
  const active = doc.activeElement as HTMLElement | null;
  const area = doc.createElement('textarea');
  area.value = text;
  area.setAttribute('readonly', '');
  area.setAttribute('aria-hidden', 'true');
  area.style.position = 'fixed';
  area.style.top = '0';
  area.style.left = '-9999px';
  doc.body.appendChild(area);
  try {
    area.select();
    return typeof doc.execCommand === 'function' && doc.execCommand('copy');
  } catch {
    return false;
  } finally {
    area.remove();
    active?.focus?.();
  }
}
