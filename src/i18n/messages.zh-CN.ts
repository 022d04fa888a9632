import type { Messages } from './messages.en-US';

// Simplified Chinese messages: typed against the English key set, so a missing key fails typecheck.
export const messagesZhCN: Messages = {
  'password.title': '请输入支付密码',
  'password.delete': '删除',
  'password.cancel': '取消',
  'password.confirm': '确认',
  'password.shift': '大写',
  'password.digitsEntered': '已输入 {count} 位，共 {total} 位',
  'password.charactersEntered': '已输入 {count} 个字符',
  'password.lengthHint': '请输入 {min} 至 {max} 位字母或数字',
  'password.prepareFailed': '无法准备安全输入',
  'password.retry': '重试',
  'password.locked': '支付密码已锁定，请于 {time} 后重试。',
  'password.useAnotherMethod': '使用其他方式',
  'password.wrongAttempts': '密码错误，还可尝试 {n} 次',
  'password.wrongLastAttempt': '密码错误，还可尝试 1 次',
  'password.unlocksIn': '{time} 后解锁',
  'password.unlocked': '已解锁，可以使用密码支付。',
  'password.forgot': '忘记密码？',
};
