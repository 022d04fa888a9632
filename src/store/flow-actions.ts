// The flow's plain actions (its events). Reducers in paymentSlice decide, through the flow machine, what each one moves.
import { createAction } from '@reduxjs/toolkit';
import type { PaymentResult } from '../core/service-interfaces';
import type { FailedCheck, Locale, Method, PaymentData, PaymentReminder } from '../core/types';
import type { FlowError } from './payment-state';

/** S1: a new flow for one payment (its data validated; `invalid` lists what is wrong with it). */
export const flowStarted = createAction<{ payment: PaymentData; locale: Locale; invalid?: FailedCheck[] }>('payment/flowStarted');
/** The person corrected the payment data in place (another card, another amount) or goes back to choose a method. */
export const paymentCorrected = createAction<{ payment: PaymentData; invalid?: FailedCheck[] }>('payment/paymentCorrected');
export const methodChosen = createAction<Method>('payment/methodChosen');
/** Back to authentication after a failed attempt ("Try again", "Use another method"). */
export const authenticationRestarted = createAction<Method | undefined>('payment/authenticationRestarted');
/** The pay answer was lost, unreadable or `processing`: the outcome is being learned. */
export const outcomeLost = createAction<FlowError>('payment/outcomeLost');
/** The outcome could not be learned before the deadline. */
export const outcomeUnknown = createAction<FlowError>('payment/outcomeUnknown');
/** Message push: a settled result of this order. */
export const paymentResultPushed = createAction<PaymentResult>('payment/paymentResultPushed');
/** S5: the flow ended; the reminder goes to the host. */
export const flowEnded = createAction<PaymentReminder>('payment/flowEnded');
/** The person closed the cashier's last dialog of this flow. */
export const flowClosed = createAction('payment/flowClosed');
export const errorDismissed = createAction('payment/errorDismissed');
/** The view of this flow is gone (unmounted): its live connections close; the state and an in-flight recovery stay. */
export const flowDetached = createAction('payment/flowDetached');
/** The host's forgot-password link, checked against the link rules: `url` null when absent or dropped. */
export const forgotPasswordUrlChecked = createAction<{ url: string | null; dropped: boolean }>('payment/forgotPasswordUrlChecked');
/** The password lock's time has passed (the view's countdown reached zero): the keys work again. */
export const passwordUnlocked = createAction('payment/passwordUnlocked');
