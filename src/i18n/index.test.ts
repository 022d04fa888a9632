import type { Locale } from '../core/types';
import { createTranslator, formatDateTime, t } from './index';
import { formatTimestamp, prepareTimestampFormat } from './timestamp';
import { messagesEnUS } from './messages.en-US';
import { messagesZhCN } from './messages.zh-CN';

describe('i18n', () => {
  it('gives the same key set in every locale', () => {
    expect(Object.keys(messagesZhCN).sort()).toEqual(Object.keys(messagesEnUS).sort());
  });

  it('fills {params} and leaves unknown ones visible', () => {
    expect(t('en-US', 'password.digitsEntered', { count: 3, total: 6 })).toBe('3 of 6 digits entered');
    expect(t('zh-CN', 'password.digitsEntered', { count: 3, total: 6 })).toBe('已输入 3 位，共 6 位');
    expect(t('en-US', 'password.digitsEntered', { count: 3 })).toBe('3 of {total} digits entered');
  });

  it('translates through a translator bound to a locale', () => {
    expect(createTranslator('zh-CN')('password.title')).toBe('请输入支付密码');
    expect(createTranslator('en-US')('password.delete')).toBe('Delete');
  });

  it('rejects an unsupported locale with a clear error', () => {
    expect(() => createTranslator('fr-FR' as Locale)).toThrow(/Unsupported locale "fr-FR"/);
  });

  it('formats a time and passes bad input through', () => {
    expect(formatDateTime('en-US', '2030-01-02T03:04:00Z')).toMatch(/2030/);
    expect(formatDateTime('en-US', 'soon')).toBe('soon');
  });

  it('writes a timestamp exactly as Date#toLocaleString does, in both locales, prepared ahead or not', () => {
    const at = new Date('2030-01-02T03:04:05Z');
    expect(formatTimestamp('en-US', at)).toBe(at.toLocaleString('en-US'));
    prepareTimestampFormat('zh-CN');
    expect(formatTimestamp('zh-CN', at)).toBe(at.toLocaleString('zh-CN'));
  });
});
