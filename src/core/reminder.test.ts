import { buildReminder, finalStatusOf, verificationFailureCode } from './reminder';
import type { PaymentResult } from './service-interfaces';
import { ALICE_PAYMENT } from './test-support';
import type { PaymentData } from './types';
import type { SingleKeywordResult } from './verification';

const payment: PaymentData = { ...ALICE_PAYMENT, amount: { amount: 20000, currency: 'CNY' } };
const now = new Date('2025-06-01T08:00:05.000Z');
const result = (over: Partial<PaymentResult>): PaymentResult => ({
  status: 'succeeded',
  orderId: 'order-1001',
  paymentId: 'pay_1',
  amount: { amount: 20000, currency: 'CNY' },
  method: 'password',
  message: 'Paid',
  at: '2025-06-01T08:00:04.000Z',
  ...over,
});

describe('finalStatusOf', () => {
  it('maps the server status to a final status, never failed for processing', () => {
    expect(finalStatusOf(result({ status: 'succeeded' }))).toBe('succeeded');
    expect(finalStatusOf(result({ status: 'failed' }))).toBe('failed');
    expect(finalStatusOf(result({ status: 'processing' }))).toBe('unknown');
  });
});

describe('buildReminder', () => {
  it('S51: a success reminder with the localised message', () => {
    expect(buildReminder({ kind: 'result', result: result({}), message: '支付成功' }, now)).toEqual({
      status: 'succeeded',
      orderId: 'order-1001',
      paymentId: 'pay_1',
      amount: { amount: 20000, currency: 'CNY' },
      method: 'password',
      message: '支付成功',
      at: '2025-06-01T08:00:05.000Z',
    });
  });

  it("S52: a failure reminder with the code, falling back to the server's message", () => {
    const declined = result({ status: 'failed', paymentId: undefined, code: 'INSUFFICIENT_FUNDS', message: 'Insufficient funds' });
    expect(buildReminder({ kind: 'result', result: declined }, now)).toEqual({
      status: 'failed',
      orderId: 'order-1001',
      amount: { amount: 20000, currency: 'CNY' },
      method: 'password',
      code: 'INSUFFICIENT_FUNDS',
      message: 'Insufficient funds',
      at: '2025-06-01T08:00:05.000Z',
    });
  });

  it('a result still processing at the end is unknown', () => {
    expect(buildReminder({ kind: 'result', result: result({ status: 'processing' }) }, now).status).toBe('unknown');
  });

  it('a verification failure carries its failed checks (copies)', () => {
    const failedChecks = [{ key: 'amount.amount', message: 'Over the single limit', correctionUrl: 'https://bank-a.example/limit' }];
    const reminder = buildReminder(
      { kind: 'verification_failed', payment, failedChecks, message: 'Verification failed', code: 'SINGLE_LIMIT_EXCEEDED' },
      now,
    );
    expect(reminder).toEqual({
      status: 'verification_failed',
      orderId: 'order-1001',
      amount: { amount: 20000, currency: 'CNY' },
      code: 'SINGLE_LIMIT_EXCEEDED',
      message: 'Verification failed',
      failedChecks,
      at: '2025-06-01T08:00:05.000Z',
    });
    expect(reminder.failedChecks?.[0]).not.toBe(failedChecks[0]);
    expect(reminder.amount).not.toBe(payment.amount);
  });

  it('cancelled and unknown outcomes', () => {
    expect(buildReminder({ kind: 'cancelled', payment, message: 'Cancelled', method: 'face' }, now)).toEqual({
      status: 'cancelled',
      orderId: 'order-1001',
      amount: { amount: 20000, currency: 'CNY' },
      method: 'face',
      message: 'Cancelled',
      at: '2025-06-01T08:00:05.000Z',
    });
    const unknown = buildReminder({ kind: 'unknown', payment, message: 'Result unknown', method: 'password', code: 'OUTCOME_UNKNOWN' }, now);
    expect(unknown).toMatchObject({ status: 'unknown', code: 'OUTCOME_UNKNOWN', method: 'password' });
  });

  it('stamps the current time by default', () => {
    const before = Date.now();
    const at = Date.parse(buildReminder({ kind: 'cancelled', payment, message: 'x' }).at);
    expect(at).toBeGreaterThanOrEqual(before);
  });
});

describe('verificationFailureCode', () => {
  const check = (rule: SingleKeywordResult['rule'], passed: boolean): SingleKeywordResult => ({
    key: 'k',
    passed,
    rule,
    expected: 1,
    actual: 2,
    message: 'm',
  });

  it('names the first failed rule', () => {
    expect(verificationFailureCode([check('luhn', true), check('atMost', false), check('accountStatus', false)])).toBe(
      'SINGLE_LIMIT_EXCEEDED',
    );
    expect(verificationFailureCode([check('accountStatus', false)])).toBe('ACCOUNT_NOT_ACTIVE');
    expect(verificationFailureCode([check(null, false)])).toBe('VERIFICATION_FAILED');
    expect(verificationFailureCode([])).toBe('VERIFICATION_FAILED');
  });
});
