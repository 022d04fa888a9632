// The fingerprint widgets' words, per locale. Dialog names are in docs/api.md, What a person sees.
import type { Locale } from '../../core/types';

const enUS = {
  title: 'Verify with fingerprint',
  enrollTitle: 'Enable fingerprint payment',
  close: 'Cancel',
  start: 'Verify fingerprint',
  enrollStart: 'Enable',
  tryAgain: 'Try again',
  usePassword: 'Use password',
  done: 'Done',
  preparing: 'Preparing fingerprint verification…',
  ready: 'Press “Verify fingerprint”, then touch the fingerprint sensor.',
  enrollReady: 'Press “Enable”, then touch the fingerprint sensor to turn on fingerprint payment.',
  waiting: 'Touch the fingerprint sensor…',
  completing: 'Checking…',
  verified: 'Fingerprint verified. Paying…',
  enrolled: 'Fingerprint payment is on.',
  cancelled: 'Fingerprint verification was cancelled or the fingerprint was not recognised.',
  timeout: 'No fingerprint was read in time.',
  notEnrolled: 'Fingerprint payment is not turned on for this account. Pay with your password.',
  locked: 'Too many failed fingerprint checks. Pay with your password.',
  unavailable: 'This device cannot verify a fingerprint. Pay with your password.',
  network: 'The payment server could not be reached.',
  alreadyEnrolled: 'Fingerprint payment is already on for this device.',
  enrollNotAllowed: 'The time to turn on fingerprint payment has passed. Pay with your password again to turn it on.',
  failed: 'Fingerprint verification did not work.',
};

export type FingerprintMessages = typeof enUS;

const zhCN: FingerprintMessages = {
  title: '指纹验证',
  enrollTitle: '开通指纹支付',
  close: '取消',
  start: '验证指纹',
  enrollStart: '开通',
  tryAgain: '重试',
  usePassword: '使用密码',
  done: '完成',
  preparing: '正在准备指纹验证…',
  ready: '请点击“验证指纹”，然后触摸指纹传感器。',
  enrollReady: '请点击“开通”，然后触摸指纹传感器以开通指纹支付。',
  waiting: '请触摸指纹传感器…',
  completing: '正在核验…',
  verified: '指纹验证通过，正在支付…',
  enrolled: '指纹支付已开通。',
  cancelled: '指纹验证已取消或指纹未能识别。',
  timeout: '未能及时读取指纹。',
  notEnrolled: '此账户未开通指纹支付，请使用密码支付。',
  locked: '指纹验证失败次数过多，请使用密码支付。',
  unavailable: '此设备无法验证指纹，请使用密码支付。',
  network: '无法连接支付服务器。',
  alreadyEnrolled: '此设备已开通指纹支付。',
  enrollNotAllowed: '开通指纹支付的时限已过，请再次使用密码支付后开通。',
  failed: '指纹验证未成功。',
};

export const fingerprintMessages = (locale: Locale = 'zh-CN'): FingerprintMessages => (locale === 'en-US' ? enUS : zhCN);
