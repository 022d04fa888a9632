import type { Locale } from '../core/types';

// The cashier pages' words, per locale. Names that hosts and tests rely on are contract §3.
const enUS = {
  cashierTitle: 'Cashier',
  amount: 'Amount',
  payee: 'Payee',
  payerCard: 'Card',
  expiresIn: 'Order expires in {time}',
  orderExpired: 'This order has expired',
  methodLegend: 'Payment method',
  method_password: 'Password',
  method_fingerprint: 'Fingerprint',
  method_face: 'Face',
  pay: 'Pay',
  paying: 'Paying…',
  preverifying: 'Checking payment details…',
  loading: 'Loading…',
  close: 'Close',
  cancel: 'Cancel',
  verificationFailed: 'Verification failed',
  verificationFailedIntro: 'Please correct the following and try again.',
  correct: 'How to fix this',
  chooseCard: 'Pay with another card',
  changeAmount: 'Amount ({currency})',
  amountInvalid: 'Enter a valid amount',
  payAgain: 'Pay again',
  paymentSuccessful: 'Payment successful',
  paymentFailed: 'Payment failed',
  paymentUnknown: 'Payment result unknown',
  paymentUnknownBody: 'We could not confirm whether the payment went through. You have not been charged twice; check your order later.',
  paymentId: 'Payment ID',
  time: 'Time',
  reason: 'Reason',
  attemptsLeft: '{n} attempts left',
  lockedUntil: 'Password locked until {time}',
  tryAgain: 'Try again',
  checkAgain: 'Check again',
  useAnotherMethod: 'Use another method',
  done: 'Done',
  enterPassword: 'Enter payment password',
  methodUnavailable: 'This method is not available for this payment',
  cancelled: 'Payment cancelled',
  succeeded: 'Payment successful',
  failed: 'Payment failed',
  verification_failed: 'Verification failed',
  unknown: 'Payment result unknown',
  errorGeneric: 'Something went wrong. Please try again.',
  networkError: 'The payment server could not be reached. Check your connection and try again.',
  code_INSUFFICIENT_FUNDS: 'Insufficient balance',
  code_WRONG_PASSWORD: 'Wrong payment password',
  code_PASSWORD_LOCKED: 'Payment password locked',
  code_ORDER_ALREADY_PAID: 'This order has already been paid',
  code_VERIFICATION_FAILED: 'The payment did not pass verification',
  code_METHOD_NOT_ENROLLED: 'This method is not set up for your account',
  code_PREORDER_EXPIRED: 'This order has expired',
  statusAnnouncement: '{status}',
};

type PageMessages = typeof enUS;

const zhCN: PageMessages = {
  cashierTitle: '收银台',
  amount: '金额',
  payee: '收款方',
  payerCard: '付款卡',
  expiresIn: '订单将在 {time} 后失效',
  orderExpired: '订单已失效',
  methodLegend: '支付方式',
  method_password: '密码',
  method_fingerprint: '指纹',
  method_face: '人脸',
  pay: '支付',
  paying: '支付中…',
  preverifying: '正在校验支付信息…',
  loading: '加载中…',
  close: '关闭',
  cancel: '取消',
  verificationFailed: '校验未通过',
  verificationFailedIntro: '请修改以下内容后重试。',
  correct: '去修改',
  chooseCard: '换一张卡支付',
  changeAmount: '金额（{currency}）',
  amountInvalid: '请输入有效金额',
  payAgain: '重新支付',
  paymentSuccessful: '支付成功',
  paymentFailed: '支付失败',
  paymentUnknown: '支付结果未知',
  paymentUnknownBody: '暂时无法确认支付是否成功，不会重复扣款，请稍后查看订单。',
  paymentId: '支付单号',
  time: '时间',
  reason: '原因',
  attemptsLeft: '还可尝试 {n} 次',
  lockedUntil: '支付密码已锁定，{time} 解锁',
  tryAgain: '重试',
  checkAgain: '重新查询',
  useAnotherMethod: '换一种方式',
  done: '完成',
  enterPassword: '请输入支付密码',
  methodUnavailable: '此支付方式暂不可用',
  cancelled: '已取消支付',
  succeeded: '支付成功',
  failed: '支付失败',
  verification_failed: '校验未通过',
  unknown: '支付结果未知',
  errorGeneric: '出错了，请重试。',
  networkError: '无法连接支付服务器，请检查网络后重试。',
  code_INSUFFICIENT_FUNDS: '余额不足',
  code_WRONG_PASSWORD: '支付密码错误',
  code_PASSWORD_LOCKED: '支付密码已锁定',
  code_ORDER_ALREADY_PAID: '该订单已支付',
  code_VERIFICATION_FAILED: '支付未通过校验',
  code_METHOD_NOT_ENROLLED: '您的账户未开通此支付方式',
  code_PREORDER_EXPIRED: '订单已失效',
  statusAnnouncement: '{status}',
};

export type PageMessageKey = keyof PageMessages;
const catalogs: Record<Locale, PageMessages> = { 'en-US': enUS, 'zh-CN': zhCN };

export type PageTranslate = (key: PageMessageKey, params?: Record<string, string | number>) => string;

export function pageTranslator(locale: Locale): PageTranslate {
  const catalog = catalogs[locale] ?? zhCN;
  return (key, params) =>
    catalog[key].replace(/\{(\w+)\}/g, (_, name: string) => String(params?.[name] ?? `{${name}}`));
}

/** The person-facing reason for a server code, or the server's own message when we have no words for it. */
export function reasonFor(t: PageTranslate, code: string | undefined, fallback: string): string {
  const key = `code_${code}` as PageMessageKey;
  return code && key in enUS ? t(key) : fallback;
}
