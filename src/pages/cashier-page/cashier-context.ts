import { createContext, useContext } from 'react';
import type { Locale } from '../../core/types';
import { type PageTranslate, pageTranslator } from '../../i18n/page-messages';

export interface CashierContextValue {
  locale: Locale;
  t: PageTranslate;
  apiBaseUrl: string;
}

export const CashierContext = createContext<CashierContextValue>({
  locale: 'zh-CN',
  t: pageTranslator('zh-CN'),
  apiBaseUrl: '/api/cashier',
});

export const useCashier = () => useContext(CashierContext);
