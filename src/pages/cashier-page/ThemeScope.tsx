import type { CSSProperties, ReactNode } from 'react';

const TOKEN = /^--cashier-[a-z0-9-]{1,48}$/;
const SAFE_VALUE = /^[^;{}<>\\]{1,100}$/;

/** Theme overrides are CSS custom properties on the cashier's root, set through the CSSOM (allowed by a strict CSP). */
export function themeStyle(theme?: Record<string, string>): CSSProperties | undefined {
  if (!theme) return undefined;
  const style: Record<string, string> = {};
  for (const [name, value] of Object.entries(theme)) {
    if (TOKEN.test(name) && typeof value === 'string' && SAFE_VALUE.test(value)) style[name] = value;
  }
  return Object.keys(style).length ? (style as CSSProperties) : undefined;
}

export function ThemeScope({ theme, children }: { theme?: Record<string, string>; children: ReactNode }) {
  return (
    <div className="cashier-root" style={themeStyle(theme)}>
      {children}
    </div>
  );
}
