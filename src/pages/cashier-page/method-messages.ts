// The method choice's own words (beside the page catalogue, so the method work merges on its own).
import type { Locale } from '../../core/types';

const enUS = { methodSetUpLater: 'Set up after this payment' };
const zhCN: typeof enUS = { methodSetUpLater: '本次支付后可开通' };

export const methodMessages = (locale: Locale): typeof enUS => (locale === 'en-US' ? enUS : zhCN);
