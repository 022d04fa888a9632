// S221 page resources: localized text and a correction link for each verification keyword that failed.
import type { Locale } from '../src/core/types';

export interface CheckText {
  message: Record<Locale, string>;
  /** Correction page; never carries a card number or other personal data. */
  correctionUrl?: string;
}

const LIMIT: CheckText = {
  message: {
    'en-US': "The amount is over this card's single-payment limit. Choose another card or pay a smaller amount.",
    'zh-CN': '支付金额超过该银行卡的单笔限额，请更换银行卡或减少支付金额。',
  },
  correctionUrl: 'https://bank.example/help/single-payment-limit',
};

const ACCOUNT_STATUS: CheckText = {
  message: {
    'en-US': 'Your account cannot pay right now (it may be frozen). Contact customer service to restore it.',
    'zh-CN': '您的账户当前无法支付（可能已被冻结），请联系客服恢复。',
  },
  correctionUrl: 'https://bank.example/help/account-status',
};

const BLOCKED_PAYEE: CheckText = {
  message: {
    'en-US': 'Payments to this merchant are not allowed.',
    'zh-CN': '暂不支持向该商户付款。',
  },
  correctionUrl: 'https://merchant.example/support',
};

/** Keyed by verification keyword; the `#name` spellings of the core's default rule base are aliases. */
export const CHECK_TEXTS: Readonly<Record<string, CheckText>> = {
  'amount.amount': LIMIT,
  'amount.amount#singleLimit': LIMIT,
  'amount.amount#minimum': {
    message: {
      'en-US': 'The amount is below the smallest payment accepted.',
      'zh-CN': '支付金额低于最低支付金额。',
    },
  },
  'amount.currency': {
    message: {
      'en-US': 'This currency is not accepted. Pay in CNY.',
      'zh-CN': '不支持该币种，请使用人民币支付。',
    },
    correctionUrl: 'https://bank.example/help/currencies',
  },
  'payerAccount#luhn': {
    message: {
      'en-US': 'The card number is not valid. Check it or choose another card.',
      'zh-CN': '银行卡号无效，请检查卡号或更换银行卡。',
    },
  },
  'payerAccount#owned': {
    message: {
      'en-US': 'This card is not linked to your account. Add the card first or choose one of your cards.',
      'zh-CN': '该银行卡未绑定到您的账户，请先添加银行卡或选择已绑定的银行卡。',
    },
    correctionUrl: 'https://bank.example/cards/add',
  },
  'payerAccount#blocked': {
    message: {
      'en-US': 'This card cannot be used for payments. Choose another card.',
      'zh-CN': '该银行卡暂不可用于支付，请更换银行卡。',
    },
    correctionUrl: 'https://bank.example/cards/add',
  },
  payeeAccount: {
    message: {
      'en-US': 'The merchant could not be found. Return to the merchant and order again.',
      'zh-CN': '未找到收款商户，请返回商户重新下单。',
    },
    correctionUrl: 'https://merchant.example/support',
  },
  'payeeAccount#blocked': BLOCKED_PAYEE,
  accountId: ACCOUNT_STATUS,
  'accountId#status': ACCOUNT_STATUS,
  'orderId#format': {
    message: {
      'en-US': 'The order number is not valid. Return to the merchant and order again.',
      'zh-CN': '订单号无效，请返回商户重新下单。',
    },
  },
};

export const FALLBACK_TEXT: CheckText = {
  message: {
    'en-US': 'This payment did not pass a check. Review the payment details.',
    'zh-CN': '该笔支付未通过校验，请核对支付信息。',
  },
};
