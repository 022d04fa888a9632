// The enrolment offer's words (shown in the success dialog), per locale; candidates for page-messages.ts.
import type { Locale } from '../../core/types';

const enUS = {
  enableFingerprint: 'Enable fingerprint payment',
  enableFace: 'Enable face payment',
  fingerprintOn: 'Fingerprint payment is on.',
  faceOn: 'Face payment is on.',
  offerIntro: 'Pay faster next time',
};

export type EnrollOfferMessages = typeof enUS;

const zhCN: EnrollOfferMessages = {
  enableFingerprint: '开通指纹支付',
  enableFace: '开通人脸支付',
  fingerprintOn: '指纹支付已开通。',
  faceOn: '人脸支付已开通。',
  offerIntro: '下次支付更快捷',
};

export const enrollOfferMessages = (locale: Locale): EnrollOfferMessages => (locale === 'en-US' ? enUS : zhCN);
