// The result step's own words (beside the page catalogue, so the result work merges on its own).
import type { Locale } from '../../core/types';

const enUS = {
  confirming: 'We’re confirming your payment',
  payAnotherWay: 'Pay another way',
  copy: 'Copy',
  copyPaymentId: 'Copy payment ID',
  copied: 'Copied',
  copyFailed: 'Could not copy: the ID is selected, copy it with your keyboard',
};

export type ResultMessages = typeof enUS;

const zhCN: ResultMessages = {
  confirming: '正在确认支付结果',
  payAnotherWay: '换个方式付款',
  copy: '复制',
  copyPaymentId: '复制支付单号',
  copied: '已复制',
  copyFailed: '复制失败：单号已选中，请手动复制',
};

export const resultMessages = (locale: Locale): ResultMessages => (locale === 'en-US' ? enUS : zhCN);
