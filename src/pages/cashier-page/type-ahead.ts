// The fonts the cashier's steps use beyond the order summary's own. A font's first use in a page (a new size, weight,
// family or figure style) makes the browser look the platform font up and build its caches: several milliseconds
// each on Linux, and the password step alone brings four. The summary has them laid out while it is idle, so the
// step that needs one later does not pay for it in its first frame. e2e/password.e2e.ts checks that every font the
// password step and the result show is here or already on the summary.

/** `ui-monospace, …`: the payment id's family (result-dialog.css, .cashier-id__value). */
export const MONOSPACE_FAMILY = 'ui-monospace, SFMono-Regular, Menlo, Consolas, monospace';

export interface TypeSample {
  /** Computed size in px: the cashier's root fixes 16px, so each em size of the stylesheets is one px size here. */
  size: number;
  weight: 400 | 600 | 700;
  monospace?: true;
  tabular?: true;
}

/** The next step's first: the password step, then Paying and the result, then the rarer steps. */
export const TYPE_AHEAD: readonly TypeSample[] = [
  { size: 21.6, weight: 400 }, // password keys
  { size: 28, weight: 600 }, // the amount above the keys
  { size: 14, weight: 400 }, // payee and card above the keys
  { size: 24, weight: 400 }, // Back and ×
  { size: 42, weight: 400 }, // Back's arrow
  { size: 24, weight: 600 }, // the amount while paying
  { size: 32, weight: 700, tabular: true }, // the result's amount
  { size: 15, weight: 400, monospace: true }, // the payment id
  { size: 15, weight: 600 }, // the fingerprint offer's title
  { size: 16, weight: 600 }, // the result's headline and reason
  { size: 16, weight: 400, tabular: true }, // countdowns, the amount field
  { size: 20.8, weight: 400 }, // the mixed password's field
  { size: 13.6, weight: 400 }, // the mixed password's hint
];

/** A sample's font as `getComputedStyle` reports it: size, weight, monospace or not, figure style. */
export const typeKey = (size: string | number, weight: string | number, monospace: boolean, tabular: boolean): string =>
  `${Number.parseFloat(String(size))}px ${weight}${monospace ? ' monospace' : ''}${tabular ? ' tabular' : ''}`;
